/**
 * Stories: a fact-checker keeps the desk's sources as a library — records of their own, with a
 * reliability rating and archived copies, searched and sorted, merged when they are
 * duplicates, and deleted only when no claim cites them (with Undo).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { test, expect } from './harness/fixtures';
import { callMain, tabTo, toast } from './support/desk';
import { writeFile } from './support/files';
import {
  citedSourceIds,
  createClaim,
  createSource,
  detailPane,
  expectNoAxeViolations,
  field,
  fillSourceForm,
  importArticle,
  listEntry,
  openView,
  recordList,
  saveStatus,
} from './support/library';

const ARTICLE =
  'The harbour authority said 212 of the 230 deck hands joined the strike, and that talks could resume on Wednesday once the new rosters are withdrawn.';

/** A small file that looks like a PDF to every program that checks the first bytes. */
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

test('a fact-checker adds a source with every field, then edits it', async ({ app }) => {
  const page = app.page;
  await openView(page, 'Sources');
  await page.getByRole('button', { name: 'New source', exact: true }).click();
  const pane = detailPane(page, 'Source details');
  await expect(pane.getByRole('heading', { name: 'New source' })).toBeVisible();
  await fillSourceForm(pane, {
    type: 'Official statement',
    title: 'Harbour authority statement on the ferry strike',
    publisher: 'Port Averly Harbour Authority',
    authors: ['Oskar Venn', 'Press office'],
    issued: '2025-09-22',
    accessed: '2025-09',
    url: 'https://harbour.averly.example/statements/strike',
    language: 'en',
    notes: 'Published on the authority’s site at 09:40.',
    reliability: 'Mixed',
    reliabilityReason: 'Party to the dispute',
    confidential: true,
  });
  await pane.getByRole('button', { name: 'Create source' }).click();
  await expect(saveStatus(pane)).toHaveText('Saved');
  await expect(pane.getByRole('heading', { name: 'Edit source' })).toBeVisible();

  const entry = listEntry(page, 'Sources', 'Harbour authority statement on the ferry strike');
  await expect(entry).toContainText('Official statement · Port Averly Harbour Authority');
  await expect(entry).toContainText('Reliability: Mixed');
  await expect(entry).toContainText('cited by 0 claims');
  await expect(entry).toHaveAttribute('aria-current', 'true');

  const [stored] = await callMain(page, 'sources:list', {});
  expect(stored).toMatchObject({
    type: 'official-statement',
    title: 'Harbour authority statement on the ferry strike',
    publisher: 'Port Averly Harbour Authority',
    authors: ['Oskar Venn', 'Press office'],
    issued: '2025-09-22',
    accessed: '2025-09',
    url: 'https://harbour.averly.example/statements/strike',
    language: 'en',
    notes: 'Published on the authority’s site at 09:40.',
    reliability: 'mixed',
    reliabilityReason: 'Party to the dispute',
    confidential: true,
  });

  // An edit is "Saved" only after main has it; typing again takes the word away.
  await fillSourceForm(pane, { title: 'Harbour authority statement, 22 September', reliability: 'Not credible' });
  await expect(saveStatus(pane)).toHaveText('');
  await pane.getByRole('button', { name: 'Save source' }).click();
  await expect(saveStatus(pane)).toHaveText('Saved');
  await expect(listEntry(page, 'Sources', 'Harbour authority statement, 22 September')).toContainText('Reliability: Not credible');

  // A date that does not exist is refused with main's reason; the input stays and nothing changes.
  await fillSourceForm(pane, { issued: '2025-13' });
  await pane.getByRole('button', { name: 'Save source' }).click();
  await expect(pane.getByRole('alert')).toContainText('2025-13');
  await expect(field(pane, 'Issued')).toHaveValue('2025-13');
  expect((await callMain(page, 'sources:get', { id: stored!.id })).issued).toBe('2025-09-22');
});

test('a copy archived through the dialog opens with the same bytes; a drop archives another', async ({ app, workDir }) => {
  const page = app.page;
  await createSource(page, { title: 'Ministry report on fuel prices', type: 'report' });
  await openView(page, 'Sources');
  await listEntry(page, 'Sources', 'Ministry report on fuel prices').click();
  const pane = detailPane(page, 'Source details');
  const copies = pane.getByRole('region', { name: 'Archived copies' });

  const file = writeFile(workDir, 'fuel-report.pdf', PDF_BYTES);
  await app.answerNextFileDialog(file);
  await copies.getByRole('button', { name: 'Archive a copy…' }).click();
  const sha = crypto.createHash('sha256').update(PDF_BYTES).digest('hex');
  const item = copies.getByRole('listitem').filter({ hasText: 'fuel-report.pdf' });
  await expect(item).toContainText(`${PDF_BYTES.byteLength} bytes`);
  await expect(item).toContainText(`SHA-256 ${sha.slice(0, 12)}…`);
  await expect(item.getByTitle(`SHA-256 ${sha}`)).toBeVisible();

  await item.getByRole('button', { name: 'Open “fuel-report.pdf”' }).click();
  await expect(copies.getByRole('status')).toContainText('Opened “fuel-report.pdf”');
  expect(app.openedFiles.some((f) => fs.readFileSync(f).equals(PDF_BYTES))).toBe(true);

  // Dropping a saved page onto the archived copies archives it with the source (it is not imported as an article).
  const html = '<!doctype html><title>Fuel prices</title><p>Prices rose by 40%.</p>';
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'fuel-page.html', { type: 'text/html' }));
    return dt;
  }, html);
  await copies.dispatchEvent('dragenter', { dataTransfer: transfer });
  await copies.dispatchEvent('dragover', { dataTransfer: transfer });
  await copies.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(copies.getByRole('listitem').filter({ hasText: 'fuel-page.html' })).toBeVisible();
  expect(await callMain(page, 'documents:list', {})).toEqual([]);

  // Removing a copy asks first.
  await copies.getByRole('button', { name: 'Remove “fuel-page.html”' }).click();
  await page.getByRole('dialog', { name: 'Remove the archived copy?' }).getByRole('button', { name: 'Remove copy' }).click();
  await expect(copies.getByRole('listitem').filter({ hasText: 'fuel-page.html' })).toHaveCount(0);
  await expect(copies.getByRole('listitem')).toHaveCount(1);
});

test('a damaged archived copy is reported and not opened', async ({ app, workDir }) => {
  const page = app.page;
  const sourceId = await createSource(page, { title: 'Police statement, 14 March' });
  const attachment = await (async () => {
    await app.answerNextFileDialog(writeFile(workDir, 'statement.txt', 'The police counted 1,240 arrests.\n'));
    return callMain(page, 'attachments:addDialog', { sourceId });
  })();
  expect(attachment).not.toBeNull();

  // The file is damaged on disk: another program changed the stored bytes.
  const db = new Database(app.projectFile);
  try {
    db.prepare('UPDATE source_attachments SET data = ? WHERE id = ?').run(Buffer.from('The police counted 240 arrests.\n'), attachment!.id);
  } finally {
    db.close();
  }

  await openView(page, 'Sources');
  await listEntry(page, 'Sources', 'Police statement, 14 March').click();
  const copies = detailPane(page, 'Source details').getByRole('region', { name: 'Archived copies' });
  await copies.getByRole('button', { name: 'Open “statement.txt”' }).click();
  await expect(copies.getByRole('alert')).toContainText('Damaged copy: “statement.txt” was not opened.');
  expect(app.openedFiles).toEqual([]);
});

test('two duplicate sources are merged and the claims citing either now cite one', async ({ app }) => {
  const page = app.page;
  const documentId = await importArticle(page, 'ferry strike', ARTICLE);
  const keep = await createSource(page, { title: 'Harbour authority press release', publisher: 'Harbour Authority' });
  const duplicate = await createSource(page, { title: 'Harbour Authority press release (copy)', publisher: 'Harbour Authority' });
  const first = await createClaim(page, documentId, '212 of the 230 deck hands joined the strike', { sourceIds: [keep] });
  const second = await createClaim(page, documentId, 'talks could resume on Wednesday', { sourceIds: [duplicate] });

  await openView(page, 'Sources');
  await listEntry(page, 'Sources', 'Harbour Authority press release (copy)').click();
  const pane = detailPane(page, 'Source details');
  await pane.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “Harbour Authority press release (copy)” into…' });
  await expect(dialog).toContainText('Nothing is lost');
  await dialog.getByRole('radio', { name: /^Harbour authority press release/ }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page)).toContainText('Merged “Harbour Authority press release (copy)” into “Harbour authority press release”.');

  await expect(recordList(page, 'Sources').getByRole('listitem')).toHaveCount(1);
  await expect(listEntry(page, 'Sources', 'Harbour authority press release')).toContainText('cited by 2 claims');
  const citing = pane.getByRole('region', { name: 'Cited by 2 claims' });
  await expect(citing.getByRole('button')).toHaveText([/212 of the 230 deck hands/, /talks could resume on Wednesday/]);
  expect(await citedSourceIds(page, first, documentId)).toEqual([keep]);
  expect(await citedSourceIds(page, second, documentId)).toEqual([keep]);

  // A citing claim opens in its document.
  await citing.getByRole('button', { name: /talks could resume/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sources', exact: true })).toBeHidden();
});

test('a cited source cannot be deleted; an uncited one is deleted, undone, deleted again and restored', async ({ app }) => {
  const page = app.page;
  const documentId = await importArticle(page, 'ferry strike', ARTICLE);
  const cited = await createSource(page, { title: 'Union statement' });
  await createSource(page, { title: 'Blog post about the strike', type: 'web-page' });
  await createClaim(page, documentId, '212 of the 230 deck hands joined the strike', { sourceIds: [cited] });

  await openView(page, 'Sources');
  const pane = detailPane(page, 'Source details');
  await listEntry(page, 'Sources', 'Union statement').click();
  await pane.getByRole('button', { name: 'Delete source' }).click();
  await expect(pane.getByRole('alert')).toHaveText('“Union statement” is still cited by 1 claim, so it cannot be deleted. Merge it into another source, or remove it from those claims first.');
  await expect(listEntry(page, 'Sources', 'Union statement')).toBeVisible();

  await listEntry(page, 'Sources', 'Blog post about the strike').click();
  await pane.getByRole('button', { name: 'Delete source' }).click();
  await expect(toast(page)).toContainText('Deleted source “Blog post about the strike”.');
  await expect(listEntry(page, 'Sources', 'Blog post about the strike')).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(listEntry(page, 'Sources', 'Blog post about the strike')).toBeVisible();
  await expect(field(pane, 'Title')).toHaveValue('Blog post about the strike');

  await pane.getByRole('button', { name: 'Delete source' }).click();
  await expect(listEntry(page, 'Sources', 'Blog post about the strike')).toHaveCount(0);
  await page.getByLabel('Show deleted sources').check();
  const deleted = page.getByRole('region', { name: 'Deleted sources' });
  await deleted.getByRole('button', { name: 'Restore “Blog post about the strike”' }).click();
  await expect(listEntry(page, 'Sources', 'Blog post about the strike')).toBeVisible();
  await expect(deleted).toContainText('Nothing has been deleted.');
});

test('the library is sorted by title, by citations, by reliability and by change, and searched', async ({ app }) => {
  const page = app.page;
  const documentId = await importArticle(page, 'ferry strike', ARTICLE);
  const union = await createSource(page, { title: 'Crew union bulletin', reliability: 'mixed', notes: 'Handed out at the quay' });
  const wire = await createSource(page, { title: 'Averly Wire report', reliability: 'credible', publisher: 'Averly Wire' });
  await createSource(page, { title: 'Bench forum thread', reliability: 'not-credible', type: 'social-media-post' });
  await createClaim(page, documentId, '212 of the 230 deck hands joined the strike', { sourceIds: [union, wire] });
  await createClaim(page, documentId, 'talks could resume on Wednesday', { sourceIds: [union] });

  await openView(page, 'Sources');
  const titles = recordList(page, 'Sources').locator('.lib-item-title');
  const sortBy = page.getByLabel('Sort by', { exact: true });
  await expect(titles).toHaveText(['Averly Wire report', 'Bench forum thread', 'Crew union bulletin']);
  await sortBy.selectOption({ label: 'Most cited' });
  await expect(titles).toHaveText(['Crew union bulletin', 'Averly Wire report', 'Bench forum thread']);
  await sortBy.selectOption({ label: 'Reliability' });
  await expect(titles).toHaveText(['Averly Wire report', 'Crew union bulletin', 'Bench forum thread']);

  await listEntry(page, 'Sources', 'Bench forum thread').click();
  const pane = detailPane(page, 'Source details');
  await fillSourceForm(pane, { notes: 'Screenshots kept.' });
  await pane.getByRole('button', { name: 'Save source' }).click();
  await expect(saveStatus(pane)).toHaveText('Saved');
  await sortBy.selectOption({ label: 'Recently changed' });
  await expect(titles.first()).toHaveText('Bench forum thread');

  const search = page.getByRole('searchbox', { name: 'Search sources' });
  await search.fill('quay');
  await expect(titles).toHaveText(['Crew union bulletin']);
  await search.fill('wire');
  await expect(titles).toHaveText(['Averly Wire report']);
  await search.fill('no such words');
  await expect(page.getByText('No source matches the search.')).toBeVisible();
});

test('the library is used with the keyboard alone', async ({ app }) => {
  const page = app.page;
  await createSource(page, { title: 'Averly Wire report' });
  await createSource(page, { title: 'Crew union bulletin' });
  await openView(page, 'Sources');
  const first = listEntry(page, 'Sources', 'Averly Wire report');
  await tabTo(page, first);
  await page.keyboard.press('ArrowDown');
  await expect(listEntry(page, 'Sources', 'Crew union bulletin')).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = detailPane(page, 'Source details');
  await expect(field(pane, 'Title')).toHaveValue('Crew union bulletin');

  const merge = pane.getByRole('button', { name: 'Merge into…' });
  await tabTo(page, merge);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Merge “Crew union bulletin” into…' });
  await expect(dialog.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(merge).toBeFocused();
  expect(await callMain(page, 'sources:list', {})).toHaveLength(2);
});

test('the sources view passes an accessibility scan, with a source, its copies, its claims and the merge dialog', async ({ app, workDir }) => {
  test.slow(); // three full axe scans
  const page = app.page;
  const documentId = await importArticle(page, 'ferry strike', ARTICLE);
  const sourceId = await createSource(page, { title: 'Harbour authority press release', reliability: 'credible', reliabilityReason: 'Primary document' });
  await createSource(page, { title: 'Union bulletin', reliability: 'not-credible' });
  await createClaim(page, documentId, '212 of the 230 deck hands joined the strike', { sourceIds: [sourceId] });
  await app.answerNextFileDialog(writeFile(workDir, 'release.pdf', PDF_BYTES));
  await callMain(page, 'attachments:addDialog', { sourceId });

  await openView(page, 'Sources');
  await expectNoAxeViolations(page);
  await listEntry(page, 'Sources', 'Harbour authority press release').click();
  await expect(detailPane(page, 'Source details').getByRole('region', { name: 'Cited by 1 claim' }).getByRole('button')).toHaveCount(1);
  await page.getByLabel('Show deleted sources').check();
  await expectNoAxeViolations(page);
  await detailPane(page, 'Source details').getByRole('button', { name: 'Merge into…' }).click();
  await expect(page.getByRole('radio', { name: /^Union bulletin/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
