/**
 * Story: before the desk publishes its report as final, Claimdesk lists every claim that would
 * go out without a source, without a settled verdict or without a second reviewer. The editor
 * overrides one problem with a written reason, fixes another in the claim itself, and only then
 * can export; the reason stays in the claim's history.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { claimEntry, claimForm, saveClaimForm } from './support/claims';
import { callMain, dismissToast, openSample, SAMPLE, toast } from './support/desk';
import { seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const ORDER = 'shoot-to-kill order';
const BULLETIN = {
  type: 'official-statement',
  title: 'Health ministry bulletin, 14 March',
  publisher: null,
  authors: [],
  issued: '2026-03-14',
  accessed: null,
  url: null,
  language: 'en',
  notes: null,
  reliability: 'mixed',
  reliabilityReason: null,
  confidential: false,
} as const;
const TRANSCRIPT = { ...BULLETIN, type: 'speech', title: 'Transcript of the minister’s briefing' } as const;
const NIGHT_DESK = 'Night desk: one editor on shift, figure checked twice.';
const COLLEAGUE = 'Lead editor read the transcript herself.';

test.beforeEach(async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Likely true', status: 'settled', sources: [{ source: { newSource: BULLETIN }, role: 'origin', pinpoint: null }] },
    { quote: ORDER, verdict: 'False', status: 'open', sources: [{ source: { newSource: TRANSCRIPT }, role: 'origin', pinpoint: null }] },
  ]);
  // Earlier, a colleague accepted that the order claim had only one pair of eyes.
  const doc = (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title)!;
  const order = (await callMain(page, 'claims:list', { documentId: doc.id })).find((c) => c.anchor.exact === ORDER)!;
  await callMain(page, 'gate:override', { claimId: order.id, problem: 'no-second-reviewer', reason: COLLEAGUE });
  await dismissToast(page);
});

function exportDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Export' });
}

async function openFinalExport(page: Page) {
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('checkbox', { name: 'Final report — check before publishing' }).check();
  return dialog;
}

function gateClaim(page: Page, quote: string) {
  return exportDialog(page).getByRole('list', { name: 'Claims to check before publishing' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(quote) }) });
}

test('a final report waits for every problem to be fixed or overridden with a reason, then goes out', async ({ app, workDir }) => {
  const page = app.page;
  const dialog = await openFinalExport(page);
  const exportButton = dialog.getByRole('button', { name: 'Export…' });

  // Both claims are listed in reading order, each with what it lacks.
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText([new RegExp(`^Claim 1 \\W*${TOLL}`), new RegExp(`^Claim 2 \\W*${ORDER}`)]);
  await expect(gateClaim(page, TOLL)).toContainText('No second reviewer');
  await expect(gateClaim(page, TOLL)).not.toContainText('No source');
  await expect(gateClaim(page, ORDER)).toContainText('Verdict not settled');
  await expect(gateClaim(page, ORDER)).toContainText(`Overridden by Mara Quell`);
  await expect(gateClaim(page, ORDER)).toContainText(COLLEAGUE);
  await expect(exportButton).toBeDisabled();
  await expect(dialog.getByRole('status').filter({ hasText: 'Export is off' })).toHaveText('Export is off: 2 problems are neither fixed nor overridden with a reason.');

  // A reason is required; then the override is recorded and the count drops.
  const toll = gateClaim(page, TOLL);
  await toll.getByRole('button', { name: 'Override…' }).click();
  const reason = toll.getByRole('textbox', { name: /Why publish it anyway/ });
  await expect(reason).toBeFocused();
  await toll.getByRole('button', { name: 'Record override' }).click();
  await expect(toll.getByRole('alert')).toHaveText('Write why this claim may be published anyway.');
  await reason.fill(NIGHT_DESK);
  await toll.getByRole('button', { name: 'Record override' }).click();
  await expect(toll).toContainText(`Overridden by Mara Quell`);
  await expect(toll).toContainText(NIGHT_DESK);
  await expect(toll.getByRole('button', { name: 'Withdraw' })).toBeFocused();
  await expect(dialog.getByRole('status').filter({ hasText: 'Export is off' })).toHaveText('Export is off: 1 problem is neither fixed nor overridden with a reason.');

  // The other is fixed in the claim itself.
  await gateClaim(page, ORDER).getByRole('button', { name: 'Go to claim' }).click();
  await expect(dialog).toBeHidden();
  const form = claimForm(page, 'edit');
  await expect(form.getByLabel('Quoted text')).toHaveText(ORDER);
  await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Settled' });
  await saveClaimForm(form);
  await dismissToast(page);

  // Back in the export dialog, the checklist is where the editor left it.
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Export…' }).click();
  const again = exportDialog(page);
  await expect(again.getByRole('checkbox', { name: 'Final report — check before publishing' })).toBeChecked();
  await expect(again).toContainText('Every problem below has a written reason to publish anyway.');
  await expect(gateClaim(page, ORDER)).not.toContainText('Verdict not settled');
  const file = path.join(workDir, 'final.html');
  await app.answerNextSaveDialog(file);
  await again.getByRole('button', { name: 'Export…' }).click();
  await expect(again).toBeHidden();
  await expect(toast(page)).toContainText(`Exported 2 claims as HTML report to ${file}`);
  const report = fs.readFileSync(file, 'utf8');
  expect(report).toContain(TOLL);
  expect(report).toContain(ORDER);
});

test('the override’s reason shows in the claim’s history, and withdrawing it puts the problem back', async ({ app }) => {
  const page = app.page;
  const dialog = await openFinalExport(page);
  const toll = gateClaim(page, TOLL);
  await toll.getByRole('button', { name: 'Override…' }).click();
  await toll.getByRole('textbox', { name: /Why publish it anyway/ }).fill(NIGHT_DESK);
  await toll.getByRole('button', { name: 'Record override' }).click();
  await expect(toll).toContainText(NIGHT_DESK);

  await gateClaim(page, ORDER).getByRole('button', { name: 'Withdraw' }).click();
  await expect(gateClaim(page, ORDER)).not.toContainText(COLLEAGUE);
  await expect(gateClaim(page, ORDER).getByRole('button', { name: 'Override…' })).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await claimEntry(page, TOLL).getByRole('button', { name: /^Edit claim/ }).click();
  const form = claimForm(page, 'edit');
  await form.getByRole('button', { name: 'History of this claim' }).click();
  const entry = form.getByRole('listitem').filter({ hasText: /Publication override \d+ created/ });
  await expect(entry).toContainText('problem: No second reviewer');
  await expect(entry).toContainText(NIGHT_DESK);
  await expect(entry).toContainText('MQ');
});

test('the checklist is reachable by keyboard and passes an accessibility check', async ({ app }) => {
  const page = app.page;
  const dialog = await openFinalExport(page);
  await expect(gateClaim(page, TOLL)).toBeVisible();
  const overrideButton = gateClaim(page, TOLL).getByRole('button', { name: 'Override…' });
  await overrideButton.focus();
  await page.keyboard.press('Enter');
  const reason = gateClaim(page, TOLL).getByRole('textbox', { name: /Why publish it anyway/ });
  await expect(reason).toBeFocused();
  await gateClaim(page, TOLL).getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(overrideButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reason).toBeFocused();
  await page.keyboard.type(NIGHT_DESK);
  await page.keyboard.press('Tab');
  await expect(gateClaim(page, TOLL).getByRole('button', { name: 'Record override' })).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(gateClaim(page, TOLL).getByRole('button', { name: 'Withdraw' })).toBeFocused();
  await expect(dialog.getByRole('status').filter({ hasText: 'Export is off' })).toContainText('1 problem');
});
