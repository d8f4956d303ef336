/**
 * Story: a desk adapts the shipped verdict scale to its own words. It renames and recolours a
 * verdict that claims already carry — the claims keep it, and their highlights take the new
 * colour — reorders the scale from the keyboard, adds a verdict, and deletes one in use only
 * after saying which verdict its claims move to.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { callMain, verdictClass } from './support/desk';
import { createClaim, expectNoAxeViolations, openView, sampleDocument, scaleLabels, toastMessage, verdictId, verdictRow } from './support/vocabulary';

const DEFAULT_SCALE = ['Verified', 'Likely true', 'Unproven', 'Misleading', 'False', 'Not checkable'];
const KILLED = 'At least 38 people have been killed';

/** The colour the page's verdict stylesheet gives a verdict's highlights (the underline). */
async function highlightRuleColour(page: Page, id: number): Promise<string | null> {
  return page.evaluate((verdict) => {
    for (const sheet of document.adoptedStyleSheets) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSStyleRule && rule.selectorText === `.cd-verdict-${verdict}`) return rule.style.borderBottomColor;
      }
    }
    return null;
  }, id);
}

test('renaming and recolouring a verdict in use: the claim keeps it and its highlight follows', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const falseId = await verdictId(page, 'False');
  const claim = await createClaim(page, doc, KILLED, { verdictId: falseId });
  await openView(page, 'Verdict scale');
  await expect(scaleLabels(page)).toHaveText(DEFAULT_SCALE);

  const row = verdictRow(page, 'False');
  await expect(row).toContainText('1 claim');
  await row.getByRole('textbox', { name: 'Label' }).fill('Wrong');
  await row.getByLabel('Colour').fill('#7b2cbf');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(toastMessage(page)).toContainText('Renamed the verdict “False” to “Wrong”.');
  await expect(verdictRow(page, 'Wrong')).toContainText('1 claim');

  // The claim keeps its verdict; the shell's highlight rule already has the new colour.
  const stored = (await callMain(page, 'claims:list', { documentId: doc.id })).find((c) => c.id === claim.id)!;
  expect(stored.verdictId).toBe(falseId);
  await expect.poll(() => highlightRuleColour(page, falseId)).toBe('rgb(123, 44, 191)');

  // Back in the article, the highlight carries the verdict's class and its new colour.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Articles' }).click();
  const highlight = page.locator(`.cd-hl.${await verdictClass(page, 'Wrong')}`).first();
  await expect(highlight).toContainText('killed');
  await expect(highlight).toHaveCSS('border-bottom-color', 'rgb(123, 44, 191)');
});

test('reordering the scale with the keyboard', async ({ app }) => {
  const page = app.page;
  await openView(page, 'Verdict scale');
  const down = verdictRow(page, 'Verified').getByRole('button', { name: 'Move down' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(scaleLabels(page)).toHaveText(['Likely true', 'Verified', 'Unproven', 'Misleading', 'False', 'Not checkable']);
  // The focus stays on the button pressed, on the moved verdict, so pressing again moves it further.
  await expect(down).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(scaleLabels(page)).toHaveText(['Likely true', 'Unproven', 'Verified', 'Misleading', 'False', 'Not checkable']);
  await verdictRow(page, 'Not checkable').getByRole('button', { name: 'Move up' }).click();
  await expect(scaleLabels(page)).toHaveText(['Likely true', 'Unproven', 'Verified', 'Misleading', 'Not checkable', 'False']);
  await expect(verdictRow(page, 'False').getByRole('button', { name: 'Move down' })).toBeDisabled();

  const stored = await callMain(page, 'verdicts:list', {});
  expect([...stored].sort((a, b) => a.position - b.position).map((v) => v.label)).toEqual(['Likely true', 'Unproven', 'Verified', 'Misleading', 'Not checkable', 'False']);
});

test('adding a verdict', async ({ app }) => {
  const page = app.page;
  await openView(page, 'Verdict scale');
  const form = page.getByRole('form', { name: 'Add a verdict' });
  await form.getByRole('textbox', { name: 'Label' }).fill('Satire');
  await form.getByLabel('Colour').fill('#0550ae');
  await form.getByRole('button', { name: 'Add verdict' }).click();
  await expect(toastMessage(page)).toContainText('Added the verdict “Satire”.');
  await expect(scaleLabels(page)).toHaveText([...DEFAULT_SCALE, 'Satire']);
  await expect(verdictRow(page, 'Satire')).toContainText('0 claims');
  await expect(form.getByRole('textbox', { name: 'Label' })).toHaveValue('');
  expect((await callMain(page, 'verdicts:list', {})).find((v) => v.label === 'Satire')?.color).toBe('#0550ae');
});

test('a verdict in use is deleted only once its claims have somewhere to go', async ({ app }) => {
  const page = app.page;
  const doc = await sampleDocument(page);
  const claim = await createClaim(page, doc, KILLED, { verdictId: await verdictId(page, 'Misleading') });
  await openView(page, 'Verdict scale');

  await verdictRow(page, 'Misleading').getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete verdict “Misleading”' });
  await expect(dialog).toContainText('1 claim carries this verdict.');
  // Without a verdict for its claims, main refuses and says why; nothing changes.
  await dialog.getByRole('button', { name: 'Delete verdict' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/^Not deleted: ./);
  await expect(scaleLabels(page)).toHaveText(DEFAULT_SCALE);

  await dialog.getByRole('combobox', { name: 'Move its claims to' }).selectOption({ label: 'False' });
  await dialog.getByRole('button', { name: 'Delete verdict' }).click();
  await expect(dialog).toBeHidden();
  await expect(toastMessage(page)).toContainText('Deleted the verdict “Misleading”. Its claims now carry “False”.');
  await expect(scaleLabels(page)).toHaveText(DEFAULT_SCALE.filter((l) => l !== 'Misleading'));
  await expect(verdictRow(page, 'False')).toContainText('1 claim');
  const stored = (await callMain(page, 'claims:list', { documentId: doc.id })).find((c) => c.id === claim.id)!;
  expect(stored.verdictId).toBe(await verdictId(page, 'False'));
});

test('the Verdict scale view passes an axe scan', async ({ app }) => {
  test.slow(); // axe checks every node's contrast: seconds on a busy machine
  const page = app.page;
  await openView(page, 'Verdict scale');
  await expect(scaleLabels(page)).toHaveText(DEFAULT_SCALE);
  await expectNoAxeViolations(page);
});

test('the delete verdict dialog passes an axe scan', async ({ app }) => {
  test.slow(); // axe checks every node's contrast: seconds on a busy machine
  const page = app.page;
  const doc = await sampleDocument(page);
  await createClaim(page, doc, KILLED, { verdictId: await verdictId(page, 'False') });
  await openView(page, 'Verdict scale');
  await verdictRow(page, 'False').getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete verdict “False”' })).toBeVisible();
  await expectNoAxeViolations(page);
});
