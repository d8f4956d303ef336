/**
 * Story: a fact-checker selects a passage of the article, presses "Tag claim" and records the
 * claim — its sources, who said it and how, a verdict with a confidence, and a note. The claim
 * is highlighted in the text, listed in the claims panel and counted in the legend.
 */
import { test, expect } from './harness/fixtures';
import { articleText, clickBefore, dragSelect, highlightOf, highlights, selectedText } from './support/article-text';
import { claimEntry, claimForm, claimsList, expectClaimForm, expectLegendCount, fillClaimForm, MARROV_CLAIM, saveClaimForm, tagClaim } from './support/claims';
import { callMain, library, openSample, toast, toolbarButton, verdictClass } from './support/desk';

const DETAINED = '1,240 people had been detained';

test.beforeEach(async ({ app }) => {
  await openSample(app.page);
});

test('selecting a passage with the mouse and pressing "Tag claim" records a full claim', async ({ app }) => {
  const page = app.page;
  await dragSelect(page, DETAINED);
  expect(await selectedText(page)).toBe(DETAINED);
  await toolbarButton(page, 'Tag claim').click();

  const form = claimForm(page);
  await expect(form.getByLabel('Quoted text')).toHaveText(DETAINED);
  // The form opens on the verdict, ready for the arrow keys.
  await expect(form.getByRole('radio', { name: 'Unproven' })).toBeFocused();
  await fillClaimForm(form, MARROV_CLAIM);
  await expect(form.locator('output')).toHaveText('70%');
  await saveClaimForm(form);
  await expect(toast(page)).toContainText('Claim saved.');

  // Highlighted in the text, in the verdict's colour.
  const highlight = highlightOf(page, DETAINED);
  await expect(highlight).toHaveCount(1);
  await expect(highlight).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'Misleading')}\\b`));
  await expect(highlight).toHaveAttribute('title', 'Claim 1 · Misleading · 70% confidence');

  // Listed with its verdict, confidence, attribution and sources; counted in the legend.
  const entry = claimEntry(page, DETAINED);
  await expect(entry).toContainText(`“${DETAINED}”`);
  await expect(entry).toContainText('Misleading');
  await expect(entry).toContainText('70%');
  await expect(entry).toContainText('Direct quote: Interior Minister Ilse Marrov');
  await expect(entry).toContainText('2 sources');
  await expect(page.getByRole('heading', { name: /^Claims/ })).toHaveText(/Claims\s*1/);
  await expectLegendCount(page, 'Misleading', 1);
  await expectLegendCount(page, 'Unproven', 0);
  await expect(library(page)).toContainText('1 claim');

  // Everything typed was stored.
  await entry.getByRole('button', { name: 'Edit claim 1' }).click();
  await expectClaimForm(claimForm(page, 'edit'), MARROV_CLAIM);
});

test('selecting with the keyboard and pressing Ctrl+E tags the passage', async ({ app }) => {
  const page = app.page;
  const passage = 'shoot-to-kill order';
  await clickBefore(page, passage);
  await expect(articleText(page)).toBeFocused();
  for (let i = 0; i < passage.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await selectedText(page)).toBe(passage);
  await page.keyboard.press('Control+e');

  const form = claimForm(page);
  await expect(form.getByLabel('Quoted text')).toHaveText(passage);
  // A new claim starts as "Unproven" at 50%.
  await expect(form.getByRole('radio', { name: 'Unproven' })).toBeChecked();
  await fillClaimForm(form, { speaker: 'President Tomas Edvin', how: 'According to', verdict: 'False', confidence: 85 });
  await saveClaimForm(form);

  await expect(highlightOf(page, passage)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'False')}\\b`));
  await expect(claimEntry(page, passage)).toContainText('False');
  await expect(claimEntry(page, passage)).toContainText('85%');
  await expect(claimEntry(page, passage)).toContainText('According to: President Tomas Edvin');
  await expectLegendCount(page, 'False', 1);
});

test('"Tag claim" with nothing selected asks for a selection and opens no form', async ({ app }) => {
  const page = app.page;
  await toolbarButton(page, 'Tag claim').click();
  await expect(toast(page)).toContainText('Select a passage of the article first');
  await expect(claimForm(page)).toHaveCount(0);
  await expect(highlights(page)).toHaveCount(0);
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(0);
});

test('an attribution chain is recorded hop by hop and shown compactly', async ({ app }) => {
  const page = app.page;
  await tagClaim(page, 'Order will be restored in Saltera by Sunday', {
    chain: ['Verano interior ministry', 'State television VTV', 'Meridian Wire'],
    how: 'According to',
    verdict: 'Unproven',
  });
  await expect(claimEntry(page, 'Order will be restored in Saltera by Sunday')).toContainText(
    'According to: Verano interior ministry → State television VTV → Meridian Wire',
  );
  await claimEntry(page, 'Order will be restored in Saltera by Sunday').getByRole('button', { name: /^Edit claim/ }).click();
  const form = claimForm(page, 'edit');
  await expectClaimForm(form, { chain: ['Verano interior ministry', 'State television VTV', 'Meridian Wire'], how: 'According to' });
  await expect(form.getByRole('listitem', { name: 'Hop 2: State television VTV' }).getByRole('combobox', { name: 'Then' }).locator('option:checked')).toHaveText('reported by');
});

test('a source from the library is reused by a second claim, not copied', async ({ app }) => {
  const page = app.page;
  const statement = { title: 'Saltera police statement, 14 March', url: 'https://police.saltera.example/statements/0314' };
  await tagClaim(page, '1,240 people had been detained', { sources: [statement], verdict: 'Misleading' });
  await tagClaim(page, 'looting and attacks on public buildings', { sources: [{ title: statement.title, role: 'Context' }], verdict: 'Unproven' });
  const sources = await callMain(page, 'sources:list', {});
  expect(sources.map((s) => [s.title, s.claimCount])).toEqual([[statement.title, 2]]);
});
