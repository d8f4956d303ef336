/**
 * Story: claims travel between desks and tools as W3C Web Annotations. A desk exports its
 * claims, a colleague imports them into their own project holding the same article and gets
 * the same claims at the same places; a file from another tool (Hypothesis) brings one claim
 * whose quote is not in this version of the article, which the checker attaches by selecting
 * text; a broken file changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BrowserApp } from './harness/browser-app';
import { test, expect } from './harness/fixtures';
import { highlightOf, highlights, selectText } from './support/article-text';
import { claimEntry, claimsList } from './support/claims';
import { alertBanner, callMain, dismissToast, openSample, SAMPLE, storedClaimCounts, toast } from './support/desk';
import { dragFile, writeFile } from './support/files';
import { saidBy, seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const ORDER = 'shoot-to-kill order';

function documentActions(page: Page) {
  return page.getByRole('toolbar', { name: 'Document actions' });
}

function importReport(page: Page) {
  return page.getByRole('dialog', { name: 'Annotations imported' });
}

async function placesOf(page: Page): Promise<{ exact: string; start: number; end: number; verdictId: number }[]> {
  const doc = (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title)!;
  const claims = await callMain(page, 'claims:list', { documentId: doc.id });
  return claims.map(({ anchor: { exact, start, end }, verdictId }) => ({ exact, start, end, verdictId })).sort((a, b) => a.start - b.start);
}

test('claims exported by one desk arrive at the same places in another desk, once', async ({ app, browser, workDir, appMode }) => {
  test.skip(appMode === 'electron', 'The second desk of this story runs in Chromium.');
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Likely true', confidence: 75, newTags: ['Casualties'], attribution: { kind: 'according-to', chain: [saidBy('National health ministry')] } },
    { quote: DETAINED, verdict: 'Misleading', confidence: 60 },
    { quote: ORDER, verdict: 'False', confidence: 90 },
  ]);
  await dismissToast(page);
  const file = path.join(workDir, 'verano.annotations.jsonld');
  await app.answerNextSaveDialog(file);
  await documentActions(page).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('radio', { name: /^W3C Web Annotation/ }).check();
  await exportDialog.getByRole('button', { name: 'Export…' }).click();
  await expect(toast(page)).toContainText('Exported 3 claims');
  const original = await placesOf(page);

  // The colleague's desk: another project file with the same article.
  const other = await BrowserApp.start(browser, path.join(workDir, 'colleague.claimdesk'), path.join(workDir, 'user-data', 'settings.json'));
  try {
    const theirs = other.page;
    await openSample(theirs);
    await other.answerNextFileDialog(file);
    await documentActions(theirs).getByRole('button', { name: 'Import annotations…' }).click();
    const report = importReport(theirs);
    await expect(report).toContainText('New claims3 claims');
    await expect(report).toContainText('Placed at their position3');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(highlights(theirs)).toHaveCount(3);
    await expect(highlightOf(theirs, ORDER)).toBeVisible();
    const imported = await placesOf(theirs);
    expect(imported.map(({ exact, start, end }) => ({ exact, start, end }))).toEqual(original.map(({ exact, start, end }) => ({ exact, start, end })));
    // Verdicts come back by their label on the colleague's scale.
    const labels = async (p: Page, places: typeof original) => {
      const verdicts = await callMain(p, 'verdicts:list', {});
      return places.map((c) => verdicts.find((v) => v.id === c.verdictId)?.label);
    };
    expect(await labels(theirs, imported)).toEqual(await labels(page, original));

    // The same file again creates nothing.
    await other.answerNextFileDialog(file);
    await documentActions(theirs).getByRole('button', { name: 'Import annotations…' }).click();
    await expect(importReport(theirs)).toContainText('New claims0 claims');
    await expect(importReport(theirs)).toContainText('Already imported3 claims, left as they were');
    await importReport(theirs).getByRole('button', { name: 'Close' }).click();
    expect(await storedClaimCounts(theirs)).toEqual({ live: 3, deleted: 0 });
    expect(other.pageErrors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('a claim from another tool whose quote is gone is kept, and attached by selecting text', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  const hypothesis = {
    total: 2,
    rows: [
      {
        id: 'hyp-found-1',
        uri: 'https://news.example/verano',
        text: 'Check against the ministry bulletin.',
        tags: ['casualties'],
        target: [{ source: 'https://news.example/verano', selector: [{ type: 'TextQuoteSelector', exact: TOLL, prefix: '', suffix: '' }] }],
      },
      {
        id: 'hyp-gone-2',
        uri: 'https://news.example/verano',
        text: 'The earlier version said troops fired first.',
        tags: [],
        target: [{ source: 'https://news.example/verano', selector: [{ type: 'TextQuoteSelector', exact: 'troops opened fire without any warning whatsoever', prefix: '', suffix: '' }] }],
      },
    ],
  };
  const dragged = await dragFile(page, 'hypothesis-export.json', JSON.stringify(hypothesis));
  await dragged.drop();
  const report = importReport(page);
  await expect(report).toContainText('New claims2 claims');
  await expect(report).toContainText('Not found in the text1 claim');
  await expect(report).toContainText('troops opened fire without any warning whatsoever');
  await report.getByRole('button', { name: 'Close' }).click();

  const orphans = page.getByRole('region', { name: /Not found in the text/ });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(highlights(page)).toHaveCount(1);

  const passage = 'Security forces in the Republic of Verano fired on protesters';
  await selectText(page, passage);
  await orphans.getByRole('button', { name: /Attach claim \d+ to the selected text/ }).click();
  await expect(toast(page)).toContainText('Claim attached to the selected passage.');
  await expect(orphans).toBeHidden();
  await expect(highlights(page)).toHaveCount(2);
  await expect(highlightOf(page, passage)).toBeVisible();
  await expect(claimEntry(page, passage)).toBeVisible();
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(2);

  // Attaching is a change like any other: it is in the history and survives a restart.
  await app.restart();
  await expect(highlightOf(app.page, passage)).toBeVisible();
});

test('a broken or hostile annotation file is refused with a reason, and nothing changes', async ({ app, workDir }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [{ quote: TOLL, verdict: 'Likely true' }]);
  await dismissToast(page);
  const before = await placesOf(page);

  await app.answerNextFileDialog(writeFile(workDir, 'truncated.jsonld', '{"type": "AnnotationCollection", "first": {"items": ['));
  await documentActions(page).getByRole('button', { name: 'Import annotations…' }).click();
  await expect(alertBanner(page)).toContainText('Annotations not imported:');
  await expect(alertBanner(page)).toContainText('The article and its claims are unchanged.');

  const hostile = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'x', target: { selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(3_000_000) } } });
  await app.answerNextFileDialog(writeFile(workDir, 'huge-quote.jsonld', hostile));
  await documentActions(page).getByRole('button', { name: 'Import annotations…' }).click();
  await expect(alertBanner(page)).toContainText('Annotations not imported:');

  expect(await placesOf(page)).toEqual(before);
  expect(await storedClaimCounts(page)).toEqual({ live: 1, deleted: 0 });
  expect(fs.existsSync(app.projectFile)).toBe(true);
});
