/**
 * Story: nothing is lost. A fact-checker sees who changed which claim, when, and how — the
 * verdict from "Unproven" to "False", the confidence from 50 to 80 — and undoes an older change
 * without touching the newer one. A deleted claim is undone from the history, or found in the
 * bin, restored and opened again.
 */
import { test, expect, TEST_PROFILE } from './harness/fixtures';
import { callMain } from './support/desk';
import {
  binEntries,
  createClaim,
  createTag,
  expectNoAxeViolations,
  historyEntries,
  openView,
  sampleDocument,
  updateClaim,
  verdictId,
} from './support/vocabulary';

const KILLED = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';

test('the history says who changed what and when, and an older change is undone alone', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const claim = await createClaim(page, doc, KILLED);
  await updateClaim(page, claim.id, doc.id, { verdictId: await verdictId(page, 'False') });
  await updateClaim(page, claim.id, doc.id, { confidence: 80 });
  await openView(page, 'History');

  const entries = historyEntries(page);
  const confidence = entries.filter({ hasText: 'confidence: 50 → 80' });
  const verdict = entries.filter({ hasText: 'verdict: Unproven → False' });
  await expect(confidence).toHaveCount(1);
  await expect(verdict).toHaveCount(1);
  // Newest first.
  await expect(entries.first()).toContainText('confidence: 50 → 80');
  for (const entry of [confidence, verdict]) {
    await expect(entry).toContainText(TEST_PROFILE.initials);
    await expect(entry).toContainText(TEST_PROFILE.name);
    await expect(entry).toContainText(`Claim ${claim.id} changed`);
    await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  }
  await expect(entries.filter({ hasText: `Claim ${claim.id} created` })).toHaveCount(1);

  // Undo the older change (the verdict), not the last one.
  await verdict.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('region', { name: 'Recent changes' }).getByRole('status')).toHaveText(`Undone: Claim ${claim.id} changed (verdict: Unproven → False).`);
  await expect(verdict).toContainText('Undone');
  await expect(verdict.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const stored = (await callMain(page, 'claims:list', { documentId: doc.id })).find((c) => c.id === claim.id)!;
  expect(stored.verdictId).toBe(await verdictId(page, 'Unproven'));
  expect(stored.confidence).toBe(80);
  // The undo is a change of its own, at the top.
  await expect(entries.first()).toContainText(TEST_PROFILE.name);
  await expect(entries.first().getByRole('button', { name: 'Undo' })).toBeVisible();
});

test('a deleted claim comes back when its delete is undone', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const claim = await createClaim(page, doc, DETAINED);
  await callMain(page, 'claims:delete', { id: claim.id });
  await openView(page, 'History');
  await expect(binEntries(page)).toHaveCount(1);

  const deleted = historyEntries(page).filter({ hasText: `Claim ${claim.id} deleted` });
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(deleted).toContainText('Undone');
  await expect(binEntries(page)).toHaveCount(0);
  const live = await callMain(page, 'claims:list', { documentId: doc.id });
  expect(live.map((c) => c.id)).toContain(claim.id);
});

test('the bin lists a deleted claim, restores it and opens it', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const title = (await callMain(page, 'documents:get', { id: doc.id })).title;
  const claim = await createClaim(page, doc, DETAINED);
  await createClaim(page, doc, KILLED);
  await callMain(page, 'claims:delete', { id: claim.id });
  await openView(page, 'History');

  const item = binEntries(page).filter({ hasText: DETAINED });
  await expect(binEntries(page)).toHaveCount(1);
  await expect(item).toContainText(`“${DETAINED}”`);
  await expect(item).toContainText(`in ${title}`);
  await item.getByRole('button', { name: 'Restore' }).click();
  await expect(item).toContainText('Restored');
  // The focus moves to the new button, so a keyboard user opens the claim at once.
  await expect(item.getByRole('button', { name: 'Open claim' })).toBeFocused();
  await expect(historyEntries(page).first()).toContainText(`Claim ${claim.id} restored`);
  expect((await callMain(page, 'claims:list', { documentId: doc.id })).map((c) => c.id)).toContain(claim.id);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'History', exact: true })).toBeHidden();
  await expect(page.getByRole('textbox', { name: /^Article text/ })).toContainText(DETAINED);
});

test('the history is filtered by kind of record', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  await createClaim(page, doc, KILLED);
  await createTag(page, 'Casualties');
  await openView(page, 'History');
  await expect(historyEntries(page).filter({ hasText: 'Tag “Casualties” created' })).toHaveCount(1);
  await expect(historyEntries(page).filter({ hasText: /Claim \d+ created/ })).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Kind of record' }).selectOption({ label: 'Tags' });
  await expect(historyEntries(page).filter({ hasText: /Claim \d+ created/ })).toHaveCount(0);
  await expect(historyEntries(page)).toHaveCount(1);
  await expect(historyEntries(page).first()).toContainText('name: Casualties');
});

test('the History view passes an axe scan', async ({ app }) => {
  test.slow(); // axe checks every node's contrast: seconds on a busy machine
  const page = app.page;
  const doc = await sampleDocument(page);
  const claim = await createClaim(page, doc, KILLED);
  await updateClaim(page, claim.id, doc.id, { confidence: 80 });
  await callMain(page, 'claims:delete', { id: claim.id });
  await openView(page, 'History');
  await expect(binEntries(page)).toHaveCount(1);
  await historyEntries(page).filter({ hasText: 'confidence: 50 → 80' }).getByRole('button', { name: 'Undo' }).click();
  await expect(historyEntries(page).filter({ hasText: 'confidence: 50 → 80' })).toContainText('Undone');
  await expectNoAxeViolations(page);
});
