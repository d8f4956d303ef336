/**
 * Story: an editor exports the checked article — a readable report to publish, the internal
 * version with notes for the desk, a PDF, and the open formats — choosing which claims go out.
 * Nothing internal leaves unless asked, and the window stays usable while the export runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { BrowserApp } from './harness/browser-app';
import { test, expect } from './harness/fixtures';
import { articleText } from './support/article-text';
import { claimsList } from './support/claims';
import { dismissToast, openSample, SAMPLE, toast } from './support/desk';
import { pdfPages } from './support/pdf-text';
import { saidBy, seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const ORDER = 'shoot-to-kill order';
const INSIDER = {
  type: 'interview',
  title: 'Conversation with a ministry insider',
  publisher: null,
  authors: [],
  issued: '2026-03-14',
  accessed: null,
  url: null,
  language: 'en',
  notes: null,
  reliability: 'mixed',
  reliabilityReason: null,
  confidential: true,
} as const;
const NOTE = 'Call the morgue again before we publish';

test.beforeEach(async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Likely true', confidence: 75, newTags: ['Casualties'], note: NOTE, attribution: { kind: 'according-to', chain: [saidBy('National health ministry')] } },
    { quote: DETAINED, verdict: 'Misleading', confidence: 60, sources: [{ source: { newSource: INSIDER }, role: 'origin', pinpoint: null }] },
    { quote: ORDER, verdict: 'False', confidence: 90, rationale: 'The transcript has no such order.' },
  ]);
  await dismissToast(page);
});

function exportDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Export' });
}

async function exportAs(page: Page, format: RegExp, submit = true): Promise<void> {
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Export…' }).click();
  await exportDialog(page).getByRole('radio', { name: format }).check();
  if (submit) await exportDialog(page).getByRole('button', { name: 'Export…' }).click();
}

test('a publishable HTML report leaves notes and confidential sources out; the internal one has them', async ({ app, workDir }) => {
  const page = app.page;
  const publicFile = path.join(workDir, 'public.html');
  await app.answerNextSaveDialog(publicFile);
  await exportAs(page, /^HTML report/);
  await expect(exportDialog(page)).toBeHidden();
  await expect(toast(page)).toContainText(`Exported 3 claims as HTML report to ${publicFile}`);
  const report = fs.readFileSync(publicFile, 'utf8');
  for (const quote of [TOLL, DETAINED, ORDER]) expect(report).toContain(quote);
  expect(report).not.toContain(NOTE);
  expect(report).not.toContain(INSIDER.title);
  expect(report).not.toMatch(/<script/i);

  const internalFile = path.join(workDir, 'internal.html');
  await app.answerNextSaveDialog(internalFile);
  await exportAs(page, /^HTML report/, false);
  const dialog = exportDialog(page);
  await dialog.getByRole('checkbox', { name: 'Include internal notes' }).check();
  await dialog.getByRole('checkbox', { name: 'Include confidential sources' }).check();
  await expect(dialog).toContainText('This file will contain internal material. Do not publish it.');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeHidden();
  const internal = fs.readFileSync(internalFile, 'utf8');
  expect(internal).toContain(NOTE);
  expect(internal).toContain(INSIDER.title);
});

test('only the claims matching the filters go out, when the editor says so', async ({ app, workDir }) => {
  const page = app.page;
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('form', { name: 'Filter claims' }).getByRole('checkbox', { name: 'False' }).check();
  await expect(page.getByRole('heading', { name: /^Claims/ })).toContainText('1 of 3');

  const file = path.join(workDir, 'claims.csv');
  await app.answerNextSaveDialog(file);
  await exportAs(page, /^CSV/, false);
  const dialog = exportDialog(page);
  await expect(dialog.getByRole('radio', { name: 'The 1 claim matching the filters' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'All 3 claims of the article' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(toast(page)).toContainText('Exported 1 claim as CSV');
  const rows = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(ORDER);
});

test('a PDF of the report, printed by the browser engine, says what the report says', async ({ app, workDir }) => {
  const page = app.page;
  const file = path.join(workDir, 'report.pdf');
  await app.answerNextSaveDialog(file);
  await exportAs(page, /^PDF report/);
  await expect(toast(page)).toContainText('as PDF report');
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain(SAMPLE.title);
  for (const quote of [TOLL, DETAINED, ORDER]) expect(text).toContain(quote);
  expect(text).not.toContain(NOTE);
});

test('the open formats parse and hold the claims', async ({ app, workDir }) => {
  const page = app.page;
  const annotations = path.join(workDir, 'a.jsonld');
  await app.answerNextSaveDialog(annotations);
  await exportAs(page, /^W3C Web Annotation/);
  await expect(toast(page)).toContainText('Exported 3 claims');
  const collection = JSON.parse(fs.readFileSync(annotations, 'utf8')) as { type: string; total: number; first: { items: { target: { selector: { type: string; exact?: string }[] } }[] } };
  expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3 });
  const quotes = collection.first.items.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact);
  expect(quotes.sort()).toEqual([DETAINED, TOLL, ORDER].sort());
  await dismissToast(page);

  const reviews = path.join(workDir, 'r.jsonld');
  await app.answerNextSaveDialog(reviews);
  await exportAs(page, /^schema.org ClaimReview/);
  await expect(toast(page)).toContainText('Exported 3 claims');
  const graph = (JSON.parse(fs.readFileSync(reviews, 'utf8')) as { '@graph': { '@type': string; claimReviewed: string }[] })['@graph'];
  expect(graph.map((r) => r['@type'])).toEqual(['ClaimReview', 'ClaimReview', 'ClaimReview']);
});

test('cancelling the save dialog keeps the dialog open, and the shortcut opens it', async ({ app }) => {
  const page = app.page;
  await page.keyboard.press('Control+Shift+E');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeFocused();
  await app.answerNextSaveDialog(null);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeEnabled();
  await expect(dialog).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an export that cannot be written says why, and nothing is lost', async ({ app, workDir }) => {
  const page = app.page;
  await app.answerNextSaveDialog(path.join(workDir, 'no-such-folder', 'report.html'));
  await exportAs(page, /^Markdown report/);
  await expect(exportDialog(page).getByRole('alert')).toContainText('Not exported: The folder');
  await expect(exportDialog(page).getByRole('alert')).toContainText('does not exist');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /^Claims/ })).toContainText('3');
});

test('the window stays usable while an export runs, and its progress stays in view', async ({ app, appMode, workDir }) => {
  test.skip(appMode === 'electron', 'Holding a native save dialog open is only scripted in the Chromium harness.');
  const page = app.page;
  const release = (app as BrowserApp).holdNextDialog();
  await exportAs(page, /^Markdown report/);
  const dialog = exportDialog(page);
  await expect(dialog.getByText('Choosing where to save…')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Keep working' }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole('toolbar', { name: 'Document actions' }).getByRole('status');
  await expect(status).toContainText('Choosing where to save…');

  // The article and the claims answer while the export waits.
  await articleText(page).click();
  await page.keyboard.press('j');
  await expect(claimsList(page).locator('[aria-current="true"]')).toHaveCount(1);

  const file = path.join(workDir, 'report.md');
  release(file);
  await expect(toast(page)).toContainText('Exported 3 claims as Markdown report');
  await expect(status).toBeHidden();
  expect(fs.readFileSync(file, 'utf8')).toContain(ORDER);
});
