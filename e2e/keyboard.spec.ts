/**
 * Story: a fact-checker who works with the keyboard alone opens the sample, selects a passage
 * in the article with the arrow keys, tags it with Ctrl+E, fills in the claim form and saves
 * it — and Escape closes any dialog, putting the focus back where it was.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { articleText, highlightOf, selectedText } from './support/article-text';
import { claimEntry, claimForm, claimsList, confidenceSlider, expectClaimForm, sourcePicker, sourceRow } from './support/claims';
import { SAMPLE, metaField, tabTo, toolbarButton, verdictClass } from './support/desk';

const PASSAGE = 'Republic of Verano';
/** Where PASSAGE starts in the first paragraph ("Security forces in the "). */
const PASSAGE_OFFSET = 23;

/** Opens the sample with Tab and Enter, then selects PASSAGE with the arrow keys. */
async function selectPassageByKeyboard(page: Page): Promise<void> {
  const sampleButton = page.getByRole('button', { name: 'Open the sample article' });
  await tabTo(page, sampleButton);
  await page.keyboard.press('Enter');
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);

  await tabTo(page, articleText(page));
  for (let i = 0; i < PASSAGE_OFFSET; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < PASSAGE.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await selectedText(page)).toBe(PASSAGE);
}

test('opening the sample, selecting a passage and tagging a claim with the keyboard alone', async ({ app }) => {
  // A long story told one key press at a time: it gets three times the usual time.
  test.slow();
  const page = app.page;
  await selectPassageByKeyboard(page);
  await page.keyboard.press('Control+e');

  const form = claimForm(page);
  await expect(form.getByLabel('Quoted text')).toHaveText(PASSAGE);
  // The form opens on the verdict; the arrow keys choose it, Tab walks on through the form.
  await expect(form.getByRole('radio', { name: 'Unproven' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: 'Misleading' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(confidenceSlider(form)).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(form.locator('output')).toHaveText('70%');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
  await page.keyboard.type('The gazette names the country.');

  // A new source: typed into the picker, chosen with Enter, its URL filled in its row.
  await tabTo(page, sourcePicker(form));
  await page.keyboard.type('Verano national gazette');
  await expect(form.getByRole('option', { name: 'New source “Verano national gazette”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, sourceRow(form, 1).getByRole('textbox', { name: 'URL', exact: true }), { shift: true });
  await page.keyboard.type('https://gazette.verano.example/2026/03/14');

  // Who said it: a new speaker, then how.
  await tabTo(page, form.getByRole('combobox', { name: 'How it is attributed' }));
  await page.keyboard.type('Anonymous');
  await tabTo(page, form.getByRole('combobox', { name: 'Who said it' }));
  await page.keyboard.type('NetWatch Verano');
  await expect(form.getByRole('option', { name: 'New speaker “NetWatch Verano”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, form.getByRole('textbox', { name: 'Note', exact: true }));
  await page.keyboard.type('The country is the Republic of Verano; the gazette confirms the name.');
  await page.keyboard.press('Control+Enter');

  await expect(form).toBeHidden();
  await expect(highlightOf(page, PASSAGE)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'Misleading')}\\b`));
  await expect(claimEntry(page, PASSAGE)).toContainText('Anonymous source: NetWatch Verano');
  // The focus is back in the article, where the user was.
  await expect(articleText(page)).toBeFocused();

  // The saved claim opens from the list with Enter.
  await tabTo(page, claimEntry(page, PASSAGE).getByRole('button', { name: 'Edit claim 1' }));
  await page.keyboard.press('Enter');
  await expectClaimForm(claimForm(page, 'edit'), {
    sources: [{ title: 'Verano national gazette' }],
    speaker: 'NetWatch Verano',
    how: 'Anonymous source',
    verdict: 'Misleading',
    confidence: 70,
    rationale: 'The gazette names the country.',
    note: 'The country is the Republic of Verano; the gazette confirms the name.',
  });
});

test('Enter on "Save claim" saves the claim', async ({ app }) => {
  const page = app.page;
  await selectPassageByKeyboard(page);
  await page.keyboard.press('Control+e');
  const form = claimForm(page);
  await tabTo(page, sourcePicker(form));
  await page.keyboard.type('Verano national gazette');
  await expect(form.getByRole('option', { name: 'New source “Verano national gazette”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, form.getByRole('button', { name: 'Save claim' }));
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(claimEntry(page, PASSAGE)).toContainText('1 source');
});

test('Escape closes the claim form without saving, and the focus returns to the article', async ({ app }) => {
  const page = app.page;
  await selectPassageByKeyboard(page);
  await page.keyboard.press('Control+e');
  await expect(claimForm(page)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');

  await expect(claimForm(page)).toHaveCount(0);
  await expect(articleText(page)).toBeFocused();
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(0);
});

test('Escape closes the paste dialog, and the focus returns to the button that opened it', async ({ app }) => {
  const page = app.page;
  const pasteButton = toolbarButton(page, 'Paste text…');
  await tabTo(page, pasteButton);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement)), 'the focus is in the dialog').toBe(true);
  await page.keyboard.press('Escape');

  await expect(dialog).toHaveCount(0);
  await expect(pasteButton).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
});

test('the paste dialog opens with the focus in the article text box, ready for pasting', async ({ app }) => {
  const page = app.page;
  await toolbarButton(page, 'Paste text…').click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await expect(dialog.getByRole('textbox', { name: 'Article text' })).toBeFocused({ timeout: 2000 });
});
