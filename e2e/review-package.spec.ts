/**
 * Story: a reviewer takes a copy of the desk's project home, changes a claim's confidence and
 * note there, and exports a review package. At the desk, meanwhile, the note was changed too.
 * The desk merges the package: the confidence arrives, the two notes are shown side by side
 * and the desk takes the reviewer's; merging the same file again changes nothing; undoing the
 * merge puts the project back as it was; dropped on the panel, the package merges again.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { fileSettingsStore } from '../main/settings/app-settings';
import type { ClaimInput } from '../shared/domain';
import { BrowserApp } from './harness/browser-app';
import { test, expect, TEST_PROFILE } from './harness/fixtures';
import { callMain, dismissToast, openSample, SAMPLE } from './support/desk';
import { seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const REVIEWER = { uid: '6d3f1c2a-0b7e-4c59-9d1a-e2e000000002', name: 'Jonas Ebbe', initials: 'JE', color: '#8250df' } as const;

/** Changes the claim quoting `quote` through main, as the claim form would. */
async function editClaim(page: Page, quote: string, change: Partial<ClaimInput>): Promise<void> {
  const claim = (await callMain(page, 'claims:filter', { filter: {} })).find((c) => c.anchor.exact === quote)!;
  await callMain(page, 'claims:update', {
    id: claim.id,
    input: {
      sources: [],
      attribution: { kind: claim.attribution.kind, chain: [] },
      claimType: claim.claimType,
      verdictId: claim.verdictId,
      confidence: claim.confidence,
      rationale: claim.rationale,
      status: claim.status,
      note: claim.note,
      tagIds: [...claim.tagIds],
      newTags: [],
      ...change,
    },
  });
}

async function claimNamed(page: Page, quote: string) {
  return (await callMain(page, 'claims:filter', { filter: {} })).find((c) => c.anchor.exact === quote)!;
}

/** Drops a file called `name` holding `content` on `target`, as from the file manager. */
async function dropOn(page: Page, target: Locator, name: string, content: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, data]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName));
      return transfer;
    },
    [name, [...content]] as const,
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

async function openReview(page: Page) {
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  return page.getByRole('region', { name: 'Review packages' });
}

test('a reviewer’s package merged at the desk: an edit applied, a conflict resolved side by side, a second merge changing nothing, the merge undone', async ({
  app,
  browser,
  workDir,
}) => {
  const desk = app.page;
  await openSample(desk);
  await seedClaims(desk, SAMPLE.title, [{ quote: TOLL, verdict: 'Unproven', confidence: 50 }]);
  await dismissToast(desk);

  // Jonas takes a copy of the project to his own machine.
  const copyFile = path.join(workDir, 'jonas.claimdesk');
  const reader = new Database(app.projectFile, { readonly: true });
  reader.prepare('VACUUM INTO ?').run(copyFile);
  reader.close();
  const settings = path.join(workDir, 'jonas-settings.json');
  fileSettingsStore(settings).write({ currentProfile: REVIEWER });
  const jonas = await BrowserApp.start(browser, copyFile, settings);
  try {
    await editClaim(jonas.page, TOLL, { confidence: 80, note: 'Hospital lists give 31 names.' });
    const panel = await openReview(jonas.page);
    const packageFile = path.join(workDir, 'jonas.claimdesk-review');
    await jonas.answerNextSaveDialog(packageFile);
    await panel.getByRole('button', { name: 'Export my review package…' }).click();
    await expect(panel.getByRole('status')).toHaveText(`Saved ${packageFile} (2 edits).`);

    // At the desk the note was changed meanwhile.
    await editClaim(desk, TOLL, { note: 'Waiting for the ministry.' });
    const before = await claimNamed(desk, TOLL);

    const deskPanel = await openReview(desk);
    await app.answerNextFileDialog(packageFile);
    await deskPanel.getByRole('button', { name: 'Merge a review package…' }).click();
    const report = desk.getByRole('dialog', { name: 'Review package merged' });
    await expect(report).toContainText('Jonas Ebbe’s package (jonas.claimdesk-review)');
    await expect(report.locator('dd').first()).toHaveText('1 edit');
    await expect(report).toContainText('1 change met a different change made here; nothing was overwritten.');
    await report.getByRole('button', { name: 'Close' }).click();
    expect(await claimNamed(desk, TOLL)).toMatchObject({ confidence: 80, note: 'Waiting for the ministry.' });

    // The two notes side by side; the desk takes the reviewer's.
    const merged = deskPanel.getByRole('listitem', { name: 'Package from Jonas Ebbe' });
    await expect(merged).toContainText('1 of 1 conflict to resolve');
    await merged.getByRole('button', { name: 'Conflicts…' }).click();
    const conflicts = desk.getByRole('dialog', { name: 'Conflicts from Jonas Ebbe’s package' });
    const note = conflicts.getByRole('listitem', { name: `Note of “${TOLL}”` });
    await expect(note.getByRole('region', { name: 'In this project' })).toContainText('Waiting for the ministry.');
    await expect(note.getByRole('region', { name: 'From Jonas Ebbe’s package' })).toContainText('Hospital lists give 31 names.');
    await expect(note).toContainText('Before either change: (empty)');
    await note.getByRole('button', { name: 'Take theirs' }).click();
    await expect(note).toContainText('Resolved: took the value from the package.');
    await conflicts.getByRole('button', { name: 'Close' }).click();
    expect((await claimNamed(desk, TOLL)).note).toBe('Hospital lists give 31 names.');
    await expect(merged).toContainText('Its conflict is resolved');

    // The same file again: nothing changes.
    await app.answerNextFileDialog(packageFile);
    await deskPanel.getByRole('button', { name: 'Merge a review package…' }).click();
    const again = desk.getByRole('dialog', { name: 'Already merged' });
    await expect(again).toContainText('nothing was changed');
    await again.getByRole('button', { name: 'Close' }).click();
    await expect(deskPanel.getByRole('listitem', { name: 'Package from Jonas Ebbe' })).toHaveCount(1);

    // Undoing the merge puts the claim back as it was before, resolution included.
    await merged.getByRole('button', { name: 'Undo this merge' }).click();
    await expect(deskPanel.getByRole('status')).toContainText('Undid the merge of Jonas Ebbe’s package');
    await expect(deskPanel.getByRole('listitem', { name: 'Package from Jonas Ebbe' })).toHaveCount(0);
    expect(await claimNamed(desk, TOLL)).toMatchObject({ confidence: before.confidence, note: before.note });
    await expect(desk.getByRole('button', { name: new RegExp(TEST_PROFILE.name) })).toBeVisible();

    // Dropped on the panel, a file that is not a package is refused by name; the package merges again.
    await dropOn(desk, deskPanel, 'notes.claimdesk-review', new TextEncoder().encode('just notes'));
    await expect(deskPanel.getByRole('status')).toHaveText('The package was not merged: “notes.claimdesk-review” is not a review package: it is not JSON text.');
    await dropOn(desk, deskPanel, 'jonas.claimdesk-review', fs.readFileSync(packageFile));
    const remerged = desk.getByRole('dialog', { name: 'Review package merged' });
    await expect(remerged.locator('dd').first()).toHaveText('1 edit');
    await remerged.getByRole('button', { name: 'Close' }).click();
    await expect(deskPanel.getByRole('listitem', { name: 'Package from Jonas Ebbe' })).toContainText('1 of 1 conflict to resolve');
  } finally {
    await jonas.close();
  }
});
