/**
 * Story: the fact-checker changes their mind about a claim — edits its verdict and note,
 * deletes it and undoes that, deletes it again and restores it from "Deleted claims" — and is
 * stopped, with a clear message, from saving a source with a dangerous URL.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { highlightOf, highlights, selectText } from './support/article-text';
import { claimEntry, claimForm, claimsList, expectClaimForm, expectLegendCount, fillClaimForm, MARROV_CLAIM, saveClaimForm, sourceRow, tagClaim } from './support/claims';
import { dismissToast, library, openSample, storedClaimCounts, toast, toolbarButton, verdictClass } from './support/desk';

const DETAINED = '1,240 people had been detained';

test.beforeEach(async ({ app }) => {
  await openSample(app.page);
  await tagClaim(app.page, DETAINED, MARROV_CLAIM);
  await dismissToast(app.page);
});

async function deleteClaim(page: Page): Promise<void> {
  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  await claimForm(page, 'edit').getByRole('button', { name: 'Delete claim' }).click();
  await expect(claimForm(page, 'edit')).toBeHidden();
}

/** Checks that the claim is nowhere in the text, the list or the counts, and is in the bin. */
async function expectDeleted(page: Page): Promise<void> {
  await expect(highlights(page)).toHaveCount(0);
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(0);
  await expectLegendCount(page, 'Misleading', 0);
  await expect(library(page)).toContainText('0 claims');
  await expect(page.getByRole('button', { name: 'Deleted claims (1)' })).toBeVisible();
  expect(await storedClaimCounts(page)).toEqual({ live: 0, deleted: 1 });
}

/** Checks that the claim is back, highlighted and listed as before. */
async function expectRestored(page: Page): Promise<void> {
  await expect(highlightOf(page, DETAINED)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'Misleading')}\\b`));
  await expect(claimEntry(page, DETAINED)).toContainText('Misleading');
  await expectLegendCount(page, 'Misleading', 1);
  await expect(library(page)).toContainText('1 claim');
  await expect(page.getByRole('button', { name: /^Deleted claims/ })).toHaveCount(0);
  expect(await storedClaimCounts(page)).toEqual({ live: 1, deleted: 0 });
}

test('editing a claim changes its verdict and note, and the highlight and the list follow', async ({ app }) => {
  const page = app.page;
  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  const form = claimForm(page, 'edit');
  await expectClaimForm(form, MARROV_CLAIM);
  const note = 'Court records list 1,240 names, but 430 of them were detained before the protests.';
  await fillClaimForm(form, { verdict: 'False', note });
  await saveClaimForm(form);
  await expect(toast(page)).toContainText('Changes saved.');

  const highlight = highlightOf(page, DETAINED);
  await expect(highlight).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'False')}\\b`));
  await expect(highlight).not.toHaveClass(new RegExp(`\\b${await verdictClass(page, 'Misleading')}\\b`));
  await expect(highlight).toHaveAttribute('title', 'Claim 1 · False · 70% confidence');
  await expect(claimEntry(page, DETAINED)).toContainText('False');
  await expect(claimEntry(page, DETAINED)).not.toContainText('Misleading');
  await expectLegendCount(page, 'False', 1);
  await expectLegendCount(page, 'Misleading', 0);

  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  await expectClaimForm(claimForm(page, 'edit'), { ...MARROV_CLAIM, verdict: 'False', note });
});

test('deleting a claim removes it, and Undo in the toast brings it back', async ({ app }) => {
  const page = app.page;
  await deleteClaim(page);
  await expect(toast(page)).toContainText('Claim deleted.');
  await expectDeleted(page);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expectRestored(page);
});

test('a deleted claim can be restored from "Deleted claims"', async ({ app }) => {
  const page = app.page;
  await deleteClaim(page);
  await dismissToast(page);
  await expectDeleted(page);

  const bin = page.getByRole('button', { name: 'Deleted claims (1)' });
  await expect(bin).toHaveAttribute('aria-expanded', 'false');
  await bin.click();
  await expect(bin).toHaveAttribute('aria-expanded', 'true');
  const deleted = page.getByRole('listitem').filter({ hasText: `“${DETAINED}”` }).filter({ has: page.getByRole('button', { name: 'Restore' }) });
  await deleted.getByRole('button', { name: 'Restore' }).click();

  await expect(toast(page)).toContainText('Claim restored.');
  await expectRestored(page);
});

test('a new claim with a "javascript:" source URL is refused with a clear error, and nothing is saved', async ({ app }) => {
  const page = app.page;
  await selectText(page, 'shoot-to-kill order');
  await toolbarButton(page, 'Tag claim').click();
  const form = claimForm(page);
  await fillClaimForm(form, { sources: [{ title: 'Presidential transcript', url: 'javascript:alert(1)' }], verdict: 'False' });
  await form.getByRole('button', { name: 'Save claim' }).click();

  const error = form.getByRole('alert');
  await expect(error).toContainText('Not saved');
  await expect(error).toContainText('URL must start with http:// or https://');
  // The form stays open with what the user typed, to be corrected.
  await expect(form).toBeVisible();
  await expect(sourceRow(form, 1).getByRole('textbox', { name: 'URL', exact: true })).toHaveValue('javascript:alert(1)');
  await expect(highlights(page)).toHaveCount(1);
  expect(await storedClaimCounts(page)).toEqual({ live: 1, deleted: 0 });

  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  expect(await storedClaimCounts(page)).toEqual({ live: 1, deleted: 0 });
});

test('editing a claim with a "javascript:" source URL is refused, and the stored claim is unchanged', async ({ app }) => {
  const page = app.page;
  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  const form = claimForm(page, 'edit');
  await fillClaimForm(form, { sources: [{ title: 'Saltera police statement', url: 'javascript:alert(1)' }], note: 'Changed my mind.' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toContainText('URL must start with http:// or https://');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();

  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  await expectClaimForm(claimForm(page, 'edit'), MARROV_CLAIM);
});
