/**
 * Story: the desk's project file is damaged (a disk fault flipped bytes in its last pages).
 * Claimdesk still opens it — read-only, saying so in a banner — and the fact-checker can read
 * the article and export a report; a change is refused with a clear message. From the banner
 * they open the backups, restore the one Claimdesk took when they last quit, and after the
 * restart the project is whole again. The damaged file is kept beside it, byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { damagePagesOf } from '../main/store/damage-pages';
import { test, expect } from './harness/fixtures';
import { tagClaim } from './support/claims';
import { SAMPLE, alertBanner, dismissToast, library, openSample, toast } from './support/desk';

const DETAINED = '1,240 people had been detained';
const DAMAGED = 'This project file is damaged. It is open read-only: export what you need, or restore a backup.';

/** Flips the first bytes of each page of the claims' search index, as a failing disk might: the documents survive. */
function damage(file: string): void {
  damagePagesOf(file);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Runs axe (WCAG 2.1 AA) on the window. */
async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function readOnlyBanner(page: Page) {
  return page.getByRole('alert', { name: 'Read-only project' });
}

test('a damaged project opens read-only with a banner, still exports, and is restored from a backup', async ({ app, workDir }) => {
  test.skip(app.mode === 'electron', 'Restoring relaunches Electron outside Playwright; the Chromium run tells this story.');
  let page = app.page;
  await openSample(page);
  await tagClaim(page, DETAINED, { verdict: 'Misleading' });
  await dismissToast(page);
  // Quitting takes a backup, since the project changed.
  await app.restart();
  await expect(readOnlyBanner(app.page)).toHaveCount(0);

  await app.restart(() => damage(app.projectFile));
  page = app.page;
  const damagedBytes = sha256(app.projectFile);
  await expect(readOnlyBanner(page)).toContainText(DAMAGED);
  await expectNoViolations(page);

  // What can be read, can be read.
  await library(page).getByRole('button', { name: SAMPLE.title }).click();
  await expect(library(page).getByRole('button', { name: SAMPLE.title })).toContainText('1 claim');

  // A change is refused, saying why.
  await page.getByRole('banner').getByRole('button', { name: 'Sample article' }).click();
  await expect(alertBanner(page).filter({ hasText: 'open read-only because its file is damaged' })).toBeVisible();

  // Export still works.
  const report = path.join(workDir, 'salvaged.html');
  await app.answerNextSaveDialog(report);
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('radio', { name: /^HTML report/ }).check();
  await exportDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(toast(page)).toContainText(`to ${report}`);
  expect(fs.readFileSync(report, 'utf8')).toContain(DETAINED);

  // Restore the newest backup.
  await readOnlyBanner(page).getByRole('button', { name: 'Backups…' }).click();
  const backups = page.getByRole('dialog', { name: 'Backups' });
  const rows = backups.getByRole('row');
  await expect(rows).not.toHaveCount(1); // more than the header
  await expectNoViolations(page);
  await backups.getByRole('button', { name: /^Restore the backup of / }).first().click();
  await backups.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(backups.getByRole('status')).toContainText('The backup is in place and the file it replaced is kept, unchanged');
  const keptAs = fs.readdirSync(path.dirname(app.projectFile)).find((f) => /^desk \(damaged \d{8}T\d{6}Z\)\.claimdesk$/.test(f));
  expect(keptAs).toBeDefined();
  expect(sha256(path.join(path.dirname(app.projectFile), keptAs!))).toBe(damagedBytes);

  // As the app relaunches: the restored project, writable, with the article and its claim.
  await app.restart();
  page = app.page;
  await expect(readOnlyBanner(page)).toHaveCount(0);
  await expect(library(page).getByRole('button', { name: SAMPLE.title })).toContainText('1 claim');
  await page.getByRole('banner').getByRole('button', { name: 'Sample article' }).click();
  await expect(alertBanner(page)).toHaveCount(0);
});

test('Save a copy as… writes a checked copy of the project from the menu', async ({ app, workDir }) => {
  const page = app.page;
  await openSample(page);
  const copy = path.join(workDir, 'desk copy.claimdesk');
  await app.answerNextSaveDialog(copy);
  await app.sendMenuCommand('save-copy');
  await expect(toast(page)).toContainText(`Saved a copy of the project to ${copy}.`);
  expect(fs.readFileSync(copy).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
});
