/**
 * Story: a wire story changes after publication — the death toll is revised, a quote from the
 * minister is dropped, a paragraph moves up. The desk imports the new version, links it to the
 * one it has already checked, and gets every claim carried over: those whose text did not
 * change silently, the others in a changes queue with what changed word by word. The checker
 * attaches one claim to the new wording by selecting it, retires another, confirms the revised
 * figure, and compares the two versions.
 */
import type { Page } from '@playwright/test';
import type { ClaimdeskApp } from './harness/claimdesk-app';
import { SAMPLE_ARTICLE } from '../main/sample/sample-article';
import { test, expect } from './harness/fixtures';
import { articleText, highlightOf, selectText } from './support/article-text';
import { claimsList } from './support/claims';
import { callMain, dismissToast, library, metaField, openSample, SAMPLE, saveStatus, tabTo, toast } from './support/desk';
import { expectNoAxeViolations } from './support/library';
import { seedClaims } from './support/seed';

const ADDRESS = 'https://wire.example/verano/unrest';
const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const ORDER = 'Order will be restored in Saltera by Sunday, whatever it takes';
const SHOOT = 'shoot-to-kill order';
const INTERNET = 'Internet access in Saltera has been cut since Thursday';
const PARAPHRASE = 'order would be restored by Sunday';

/** The sample as revised: 38 → 41 dead, the minister's quote paraphrased, the internet paragraph moved up. */
function revisedSample(): string {
  const paragraphs = SAMPLE_ARTICLE.trim()
    .replace('At least 38 people', 'At least 41 people')
    .replace(` "${ORDER}," she said.`, ` She said ${PARAPHRASE}.`)
    .split('\n\n');
  const internet = paragraphs.pop()!;
  paragraphs.splice(1, 0, internet);
  return paragraphs.join('\n\n');
}

const UPDATED_TITLE = 'Unrest in Verano (updated)';

/** The version line's switcher. */
function versionSwitcher(page: Page) {
  return page.getByRole('main', { name: 'Document' }).getByRole('combobox', { name: 'Version' });
}

/** The changes queue of the open version, by its heading. */
function changesQueue(page: Page, pending: number) {
  return page.getByRole('region', { name: `Changes (${pending})` });
}

/** Types the address into the open document's header and waits until it is saved. */
async function setAddress(page: Page): Promise<void> {
  await metaField(page, 'URL').fill(ADDRESS);
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** The checked first version (the sample with five claims) and the revised one, imported and open. */
async function twoVersions(app: ClaimdeskApp): Promise<{ v1: number; v2: number }> {
  const page = app.page;
  await openSample(page);
  await setAddress(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Likely true', confidence: 75, newTags: ['Casualties'] },
    { quote: DETAINED, verdict: 'Misleading' },
    { quote: ORDER, verdict: 'Unproven', status: 'in-review' },
    { quote: SHOOT, verdict: 'False', confidence: 90 },
    { quote: INTERNET, verdict: 'Verified' },
  ]);
  const v1 = (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title)!.id;
  // The revised article arrives as a text file (how it is read is the import stories' business).
  const v2 = (await callMain(page, 'documents:importText', { text: revisedSample(), fileName: `${UPDATED_TITLE}.txt` })).id;
  await app.sendMenuCommand('library-changed');
  await library(page).getByRole('button', { name: UPDATED_TITLE }).click();
  await expect(articleText(page)).toContainText('At least 41 people');
  return { v1, v2 };
}

test('a revised article: claims carried over, the changes checked one by one, the versions compared', async ({ app }) => {
  const page = app.page;
  const { v1, v2 } = await twoVersions(app);
  await expect(page.getByRole('main', { name: 'Document' })).toContainText('Version 1 of 1 · imported');

  // Same address as the article already checked: Claimdesk offers to link them.
  await setAddress(page);
  const banner = page.getByRole('region', { name: /This looks like a new version of/ });
  await expect(banner).toContainText(`This looks like a new version of “${SAMPLE.title}” (same address`);
  await banner.getByRole('button', { name: 'Link as new version' }).click();
  await expect(toast(page)).toContainText('Linked as version 2: 5 claims carried over, 2 unchanged, 3 to check.');
  await dismissToast(page);
  await expect(banner).toBeHidden();

  // One entry in the library; the version line says which version this is.
  await expect(library(page).getByRole('listitem')).toHaveCount(1);
  await expect(library(page).getByRole('button', { name: UPDATED_TITLE })).toContainText('2 versions');
  await expect(versionSwitcher(page)).toHaveValue(String(v2));
  await expect(versionSwitcher(page).locator('option:checked')).toHaveText(/^Version 2 of 2 · imported \d{1,2} [A-Z][a-z]{2} \d{4}$/);

  // The untouched claims are highlighted without a word; the others wait in the queue.
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(4);
  await expect(highlightOf(page, DETAINED)).toBeVisible();
  await expect(highlightOf(page, SHOOT)).toBeVisible();
  await expect(changesQueue(page, 3)).toBeVisible();
  const rows = page.getByRole('list', { name: 'Changes to check' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const moved = rows.filter({ hasText: 'Same words, moved' });
  const revised = rows.filter({ hasText: 'Wording changed' });
  const gone = rows.filter({ hasText: 'Not found in this version' });
  await expect(rows.getByRole('heading')).toHaveText([`Same words, moved: “${INTERNET}”`, `Wording changed: “${TOLL}”`, `Not found in this version: “${ORDER}”`]);
  await expect(revised.locator('del')).toContainText(['38', '38']);
  await expect(revised.locator('ins')).toContainText(['41', '41']);
  await expect(gone.locator('del').first()).toContainText(ORDER);
  await expect(gone.getByRole('button', { name: 'Keep unplaced' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The quote was paraphrased: the checker attaches the claim to the new wording.
  await selectText(page, PARAPHRASE);
  await gone.getByRole('button', { name: 'Attach to selection' }).click();
  await expect(toast(page)).toContainText('Claim attached to the selected passage.');
  await expect(highlightOf(page, PARAPHRASE)).toBeVisible();
  await expect(changesQueue(page, 2)).toBeVisible();

  // The internet claim is not worth keeping on this version: retired, into this version's bin.
  await moved.getByRole('button', { name: 'Retire' }).click();
  await expect(toast(page)).toContainText('Claim retired');
  await expect(changesQueue(page, 1)).toBeVisible();
  await expect(highlightOf(page, INTERNET)).toHaveCount(0);

  // The revised toll keeps its record; the checker confirms it.
  await revised.getByRole('button', { name: 'Confirm' }).click();
  await expect(changesQueue(page, 0)).toContainText('All checked.');
  const stored = await callMain(page, 'versions:queue', { documentId: v2 });
  expect(stored.map((r) => [r.kind, r.resolution, r.after?.exact ?? null])).toEqual([
    ['moved', 'retired', INTERNET],
    ['changed', 'confirmed', 'At least 41 people have been killed'],
    ['vanished', 'reattached', PARAPHRASE],
  ]);
  const carried = await callMain(page, 'claims:list', { documentId: v2 });
  const toll = carried.find((c) => c.anchor.exact.startsWith('At least 41'))!;
  expect(toll).toMatchObject({ confidence: 75, status: 'open' });
  expect((await callMain(page, 'claims:linked', { id: toll.id })).map((c) => c.documentId)).toEqual([v1]);
  await expect(rows).toHaveCount(0);
  await changesQueue(page, 0).getByRole('button', { name: 'Resolved (3)' }).click();
  await expect(changesQueue(page, 0).getByRole('list', { name: 'Resolved changes' })).toContainText(`Retired by Mara Quell`);

  // What changed between the two versions, marked word by word.
  await page.getByRole('button', { name: 'Compare with version 1' }).click();
  const compare = page.getByRole('region', { name: 'What changed from version 1 to version 2' });
  await expect(compare.locator('del', { hasText: '38' })).toBeVisible();
  await expect(compare.locator('ins', { hasText: '41' })).toBeVisible();
  await expect(compare.locator('.compare-paragraph.added')).toContainText([new RegExp(`^Added paragraph.*${INTERNET}`)]);
  await expect(compare.locator('.compare-paragraph.removed')).toContainText([new RegExp(`^Removed paragraph.*${INTERNET}`)]);
  await expect(compare.getByRole('status')).toContainText('words added');
  await expectNoAxeViolations(page);
  await compare.getByRole('button', { name: 'Back to the article' }).click();
  await expect(articleText(page)).toContainText('At least 41 people');

  // The first version is still there, with its claims as they were.
  await versionSwitcher(page).selectOption(String(v1));
  await expect(articleText(page)).toContainText('At least 38 people');
  await expect(versionSwitcher(page).locator('option:checked')).toHaveText(/^Version 1 of 2 · imported/);
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('region', { name: /^Changes \(/ })).toHaveCount(0);
  await expect(library(page).getByRole('button', { name: UPDATED_TITLE })).toHaveAttribute('aria-current', 'page');
});

test('a new version chosen from the library with the keyboard', async ({ app }) => {
  const page = app.page;
  const { v1, v2 } = await twoVersions(app);
  await tabTo(page, page.getByRole('button', { name: 'Mark as new version of…' }), { max: 60 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Mark as new version' });
  await expect(dialog.getByRole('radio', { name: new RegExp(`^${SAMPLE.title}`) })).toBeChecked();
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Link as new version' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toast(page)).toContainText('Linked as version 2');

  const queue = changesQueue(page, 3);
  const confirm = queue.getByRole('listitem').filter({ hasText: 'Wording changed' }).getByRole('button', { name: 'Confirm' });
  await tabTo(page, confirm, { max: 60 });
  await page.keyboard.press('Enter');
  await expect(changesQueue(page, 2)).toBeVisible();
  expect((await callMain(page, 'versions:queue', { documentId: v2 })).filter((r) => r.resolution === 'confirmed')).toHaveLength(1);

  // Linking again is refused, and says why.
  const again = await page.evaluate(
    ([documentId, previousId]) => (window as unknown as { api: { invoke: (c: string, a: unknown) => Promise<unknown> } }).api.invoke('versions:link', { documentId, previousId }),
    [v2, v1] as const,
  );
  expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
});
