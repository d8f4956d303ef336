/**
 * Story: a checker imports the documents a newsroom actually has — a saved web page, Markdown
 * notes, a PDF, formatted text pasted from a browser — several at once. Each arrives with its
 * structure and metadata, nothing executable comes along, files that are not articles are
 * refused with the reason, and text in an old encoding is imported once the checker confirms
 * the encoding against a preview.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { BrowserApp } from './harness/browser-app';
import { test, expect } from './harness/fixtures';
import { articleText } from './support/article-text';
import { alertBanner, documentCount, metaField, toast, toolbarButton } from './support/desk';
import { LATIN1_BYTES, PNG_BYTES, fixture, writeFile } from './support/files';
import { makeDocx } from '../main/import/formats/fixtures/make-docx';

const PAGE_FILE = 'saltera-port-strike.html';
const MARKDOWN_FILE = 'harbour-briefing.md';

function importReport(page: Page) {
  return page.getByRole('dialog', { name: 'Import' });
}

test('a saved web page arrives with its article only, its structure and its metadata, and nothing executable', async ({ app }) => {
  const page = app.page;
  await app.answerNextFilesDialog([fixture(PAGE_FILE)]);
  await toolbarButton(page, 'Import article…').click();
  await expect(toast(page)).toContainText('Imported “Port workers strike in Saltera as talks collapse”.');

  await expect(metaField(page, 'Title')).toHaveValue('Port workers strike in Saltera as talks collapse');
  await expect(metaField(page, 'Author')).toHaveValue('Ines Varga');
  await expect(metaField(page, 'Publication')).toHaveValue('The Saltera Courier');
  await expect(metaField(page, 'Published')).toHaveValue('2026-03-12');
  await expect(metaField(page, 'URL')).toHaveValue('https://courier.example/2026/03/12/port-workers-strike');

  const article = articleText(page);
  await expect(article).toContainText('Dock workers in Saltera walked out on Thursday');
  await expect(article.getByRole('heading', { name: 'What the two sides say' })).toBeVisible();
  await expect(article.locator('blockquote')).toContainText('We will not unload a single container');
  await expect(article.getByRole('listitem')).toHaveCount(3);
  await expect(article.locator('strong')).toHaveText('3,100 of its 3,400 members');
  await expect(article.getByRole('link', { name: 'full statement' })).toHaveAttribute('href', 'https://port-authority.example/statement');
  await expect(article.getByRole('link', { name: 'the desk' })).toHaveAttribute('href', 'mailto:desk@courier.example');
  // The trick link keeps its words but is no link; page furniture and scripts are gone.
  await expect(article).toContainText('this trick link');
  await expect(article.getByRole('link', { name: 'this trick link' })).toHaveCount(0);
  for (const furniture of ['Subscribe', 'Sign up', 'Privacy', 'Replaced by script']) await expect(article).not.toContainText(furniture);
  await expect(article.locator('script, iframe, img, form, style, [onerror], [onload]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __trackerRan?: boolean }).__trackerRan)).toBeUndefined();

  // A plain click stays in the article; Ctrl+click hands the address to the browser, through main.
  await article.getByRole('link', { name: 'full statement' }).click();
  await expect(page).toHaveURL(/claimdesk\.test/);
  await article.getByRole('link', { name: 'full statement' }).click({ modifiers: ['Control'] });
  await expect(toast(page)).toContainText('Opened https://port-authority.example/statement outside Claimdesk.');
  if (app.mode === 'chromium') expect((app as BrowserApp).openedUrls).toEqual(['https://port-authority.example/statement']);
});

test('several files at once: each imported or refused with its reason, in one report', async ({ app, workDir, browser }) => {
  const page = app.page;
  // A PDF with a text layer, printed by the browser engine from a small page.
  const printer = await browser.newPage();
  await printer.setContent('<h1>Fuel report</h1><p>Fuel prices in Verano rose by 40 percent in March, the finance ministry said on Friday.</p><p>Bus fares are expected to follow.</p>');
  const pdf = writeFile(workDir, 'fuel-report.pdf', new Uint8Array(await printer.pdf()));
  await printer.close();
  const photo = writeFile(workDir, 'harbour-photo.txt', PNG_BYTES);

  await app.answerNextFilesDialog([fixture(MARKDOWN_FILE), pdf, photo, fixture(PAGE_FILE)]);
  await toolbarButton(page, 'Import article…').click();
  const report = importReport(page);
  await expect(report).toContainText('Imported 3 files; 1 file refused.');
  await expect(report.getByRole('region', { name: 'Not imported' })).toContainText('harbour-photo.txt');
  await expect(report.getByRole('region', { name: 'Not imported' })).toContainText('PNG image');
  const imported = report.getByRole('region', { name: 'Imported' });
  await expect(imported.getByRole('button', { name: 'Harbour council briefing on the ferry strike' })).toBeVisible();
  await imported.getByRole('button', { name: 'Harbour council briefing on the ferry strike' }).click();
  await expect(report).toBeHidden();

  const article = articleText(page);
  await expect(article.getByRole('heading', { name: 'Figures given at the meeting' })).toBeVisible();
  await expect(article.getByRole('listitem')).toHaveCount(2);
  await expect(article.getByRole('link', { name: 'council website' })).toHaveAttribute('href', 'https://council.example/minutes');
  await expect(article).toContainText("<script>alert('md')</script> stays as text.");
  expect(await documentCount(page)).toBe(3);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Fuel report|fuel report/ }).click();
  await expect(article).toContainText('Fuel prices in Verano rose by 40 percent in March');
});

test('a Word document keeps its headings, emphasis and links; its pictures are left out', async ({ app, workDir }) => {
  const page = app.page;
  const docx = makeDocx({
    title: 'Aid convoy reaches Kessel',
    creator: 'Mira Sol',
    paragraphs: [
      { heading: 1, text: 'Aid convoy reaches Kessel' },
      { runs: ['The convoy carried ', { bold: '40 tonnes of flour' }, ', the relief agency said.'] },
      { runs: [{ picture: true }] },
      { runs: ['Details are on ', { link: 'the agency website', href: 'https://relief.example/kessel' }, '.'] },
    ],
  });
  await app.answerNextFilesDialog([writeFile(workDir, 'convoy.docx', docx)]);
  await toolbarButton(page, 'Import article…').click();
  await expect(metaField(page, 'Title')).toHaveValue('Aid convoy reaches Kessel');
  await expect(metaField(page, 'Author')).toHaveValue('Mira Sol');
  const article = articleText(page);
  await expect(article.getByRole('heading', { name: 'Aid convoy reaches Kessel' })).toBeVisible();
  await expect(article.locator('strong')).toHaveText('40 tonnes of flour');
  await expect(article.getByRole('link', { name: 'the agency website' })).toHaveAttribute('href', 'https://relief.example/kessel');
  await expect(article.locator('img')).toHaveCount(0);
});

test('text in an old encoding is imported once the checker confirms the encoding against a preview', async ({ app, workDir }) => {
  const page = app.page;
  await app.answerNextFilesDialog([writeFile(workDir, 'cafe-owners.txt', LATIN1_BYTES)]);
  await toolbarButton(page, 'Import article…').click();
  const report = importReport(page);
  await expect(report).toContainText('1 file waiting for you to confirm an encoding');
  const encoding = report.getByRole('combobox', { name: 'Encoding' });
  await expect(encoding).toBeVisible();
  await encoding.selectOption('windows-1252');
  await expect(report.getByLabel('Preview with windows-1252')).toContainText('Café owners in Saltera closed early on Friday.');
  expect(await documentCount(page)).toBe(0);
  await report.getByRole('button', { name: 'Import with windows-1252' }).click();
  await expect(report.getByRole('region', { name: 'Imported' })).toContainText('cafe owners');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(articleText(page)).toContainText('Café owners in Saltera closed early on Friday.');
  await expect(alertBanner(page)).toHaveCount(0);
});

test('formatted text pasted from a browser keeps its structure, and nothing executable', async ({ app }) => {
  const page = app.page;
  await toolbarButton(page, 'Paste text…').click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  const box = dialog.getByRole('textbox', { name: 'Article text' });
  const html = '<h2>Curfew extended</h2><p>The curfew in <b>Saltera</b> was extended to Sunday, <a href="https://gov.example/decree">the decree</a> says.</p><ul><li>Shops close at 6 pm.</li><li>Buses stop at 7 pm.</li></ul><img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">click</a>';
  const plain = 'Curfew extended\nThe curfew in Saltera was extended to Sunday, the decree says.';
  await box.focus();
  await page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', p);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, plain] as const,
  );
  // A synthetic paste inserts nothing; the test types what the browser would have inserted.
  await box.fill(plain);
  await expect(dialog.getByRole('status')).toContainText('Formatting kept');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(toast(page)).toContainText('Imported “Curfew extended”.');
  const article = articleText(page);
  await expect(article.getByRole('heading', { name: 'Curfew extended' })).toBeVisible();
  await expect(article.getByRole('listitem')).toHaveCount(2);
  await expect(article.getByRole('link', { name: 'the decree' })).toHaveAttribute('href', 'https://gov.example/decree');
  await expect(article.getByRole('link', { name: 'click' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(fs.existsSync(app.projectFile)).toBe(true);
});
