/**
 * Story: the fact-checker quits Claimdesk and starts it again the next day. Their articles,
 * their claims — sources, attribution, verdict, confidence, note — and the highlights are all
 * there, and a claim they had deleted can still be restored.
 */
import { test, expect } from './harness/fixtures';
import { highlightOf, highlights } from './support/article-text';
import { claimEntry, claimForm, claimsList, expectClaimForm, expectLegendCount, MARROV_CLAIM, tagClaim, type ClaimInput } from './support/claims';
import { SAMPLE, dismissToast, library, metaField, verdictClass } from './support/desk';
import { FERRY_STRIKE, importFixture } from './support/files';

const DETAINED = '1,240 people had been detained';
const SHOOT = 'shoot-to-kill order';
const EDVIN_CLAIM: ClaimInput = { sources: [{ title: 'Presidential office transcript' }], speaker: 'President Tomas Edvin', how: 'According to', verdict: 'False', confidence: 85, note: 'Not in the published transcript.' };

test('after a restart the documents, claims and highlights are all there, and deleted claims can still be restored', async ({ app }) => {
  let page = app.page;
  await importFixture(app, FERRY_STRIKE.file, 'Ferry crews in Port Averly');
  await page.getByRole('banner').getByRole('button', { name: 'Sample article' }).click();
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);
  await tagClaim(page, DETAINED, MARROV_CLAIM);
  await tagClaim(page, SHOOT, EDVIN_CLAIM);
  await dismissToast(page);
  await claimEntry(page, SHOOT).getByRole('button', { name: 'Edit claim 2' }).click();
  await claimForm(page, 'edit').getByRole('button', { name: 'Delete claim' }).click();
  await expect(highlights(page)).toHaveCount(1);

  await app.restart();
  page = app.page;

  // The same documents.
  await expect(library(page).getByRole('listitem')).toHaveCount(2);
  await expect(library(page).getByRole('button', { name: FERRY_STRIKE.title })).toContainText('0 claims');
  await library(page).getByRole('button', { name: SAMPLE.title }).click();
  await expect(library(page).getByRole('button', { name: SAMPLE.title })).toHaveAttribute('aria-current', 'page');
  await expect(library(page).getByRole('button', { name: SAMPLE.title })).toContainText('1 claim');

  // The live claim, highlighted and listed, with everything that was entered.
  await expect(highlights(page)).toHaveCount(1);
  await expect(highlightOf(page, DETAINED)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'Misleading')}\\b`));
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(claimEntry(page, DETAINED)).toContainText('Direct quote: Interior Minister Ilse Marrov');
  await expectLegendCount(page, 'Misleading', 1);
  await claimEntry(page, DETAINED).getByRole('button', { name: 'Edit claim 1' }).click();
  await expectClaimForm(claimForm(page, 'edit'), MARROV_CLAIM);
  await claimForm(page, 'edit').getByRole('button', { name: 'Cancel' }).click();

  // The deleted claim is in the bin, and comes back whole.
  await page.getByRole('button', { name: 'Deleted claims (1)' }).click();
  await page.getByRole('listitem').filter({ hasText: `“${SHOOT}”` }).getByRole('button', { name: 'Restore' }).click();
  await expect(highlightOf(page, SHOOT)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'False')}\\b`));
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(2);
  await claimEntry(page, SHOOT).getByRole('button', { name: 'Edit claim 2' }).click();
  await expectClaimForm(claimForm(page, 'edit'), EDVIN_CLAIM);
});
