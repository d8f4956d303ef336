/**
 * Story: a fact-checker who relies on a screen reader or high contrast uses every screen of
 * Claimdesk. axe-core checks each screen against WCAG 2.1 A and AA.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { clickPassage, selectText } from './support/article-text';
import { claimForm, confidenceSlider, tagClaim } from './support/claims';
import { dismissToast, openSample, toolbarButton } from './support/desk';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the window and fails with a readable list of the violations. */
async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe found WCAG 2.1 AA violations:\n${report}`).toEqual([]);
}

/** The sample with three claims, two of them overlapping. */
async function sampleWithClaims(page: Page): Promise<void> {
  await openSample(page);
  await tagClaim(page, 'At least 38 people have been killed since Tuesday', { verdict: 'Verified' });
  await tagClaim(page, '1,240 people had been detained', { verdict: 'Misleading' });
  await tagClaim(page, 'people had been detained "for looting and attacks on public buildings"', { verdict: 'False' });
  await dismissToast(page);
}

test('the empty library', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expectNoViolations(app.page);
});

test('a document with its claims highlighted', async ({ app }) => {
  await sampleWithClaims(app.page);
  await expectNoViolations(app.page);
});

test('the claim form', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await selectText(page, 'shoot-to-kill order');
  await toolbarButton(page, 'Tag claim').click();
  await expect(claimForm(page)).toBeVisible();
  await expectNoViolations(page);
});

test('the claim form\'s confidence slider is announced by its name', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await selectText(page, 'shoot-to-kill order');
  await toolbarButton(page, 'Tag claim').click();
  await expect(confidenceSlider(claimForm(page))).toHaveAccessibleName(/^Confidence/, { timeout: 2000 });
});

test('the paste dialog', async ({ app }) => {
  const page = app.page;
  await toolbarButton(page, 'Paste text…').click();
  await expect(page.getByRole('dialog', { name: 'Paste an article' })).toBeVisible();
  await expectNoViolations(page);
});

test('the menu of overlapping claims', async ({ app }) => {
  const page = app.page;
  await sampleWithClaims(page);
  await clickPassage(page, 'people had been detained');
  await expect(page.getByRole('menu', { name: 'Claims at this place' })).toBeVisible();
  await expectNoViolations(page);
});

test('a review session: the queue, a vote, the sign-off and the discussion', async ({ app }) => {
  const page = app.page;
  await sampleWithClaims(page);
  await page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button', { name: 'Review claims…' }).click();
  const start = page.getByRole('dialog', { name: 'Start a review session' });
  await expect(start).toBeVisible();
  await expectNoViolations(page);
  await start.getByRole('button', { name: 'Start session' }).click();
  const review = page.getByRole('main', { name: 'Review' });
  const vote = review.getByRole('form', { name: 'Cast your vote' });
  await vote.getByRole('radio', { name: 'False' }).check();
  await vote.getByRole('button', { name: 'Cast vote' }).click();
  await expect(review.getByRole('region', { name: 'Votes' })).toBeVisible();
  await expect(review.getByRole('form', { name: 'Sign off (lead)' })).toBeVisible();
  await expectNoViolations(page);
});
