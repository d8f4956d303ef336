/**
 * Story: a checker narrows the claims of an article with filters — the list and the
 * highlights both follow — searches the whole project and jumps to a claim, and works through
 * the claims with the keyboard.
 */
import { test, expect } from './harness/fixtures';
import { articleText, highlightOf, highlights } from './support/article-text';
import { claimEntry, claimForm, claimsList } from './support/claims';
import { dismissToast, openSample, SAMPLE, verdictClass } from './support/desk';
import { saidBy, seedClaims } from './support/seed';

const TOLL = 'At least 38 people have been killed';
const DETAINED = '1,240 people had been detained';
const ORDER = 'shoot-to-kill order';
const POLICE_STATEMENT = {
  type: 'official-statement',
  title: 'Saltera police statement',
  publisher: 'Saltera police',
  authors: [],
  issued: '2026-03-14',
  accessed: null,
  url: null,
  language: 'en',
  notes: null,
  reliability: 'mixed',
  reliabilityReason: 'Has revised figures before.',
  confidential: false,
} as const;

test.beforeEach(async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await seedClaims(page, SAMPLE.title, [
    { quote: TOLL, verdict: 'Likely true', confidence: 75, status: 'settled', claimType: 'statistic', attribution: { kind: 'according-to', chain: [saidBy('National health ministry')] }, newTags: ['Casualties'] },
    {
      quote: DETAINED,
      verdict: 'Misleading',
      confidence: 60,
      claimType: 'statistic',
      attribution: { kind: 'direct-quote', chain: [saidBy('Interior Minister Ilse Marrov')] },
      sources: [{ source: { newSource: POLICE_STATEMENT }, role: 'origin', pinpoint: null }],
    },
    { quote: ORDER, verdict: 'False', confidence: 90, claimType: 'quote', attribution: { kind: 'according-to', chain: [saidBy('President Tomas Edvin')] }, rationale: 'The transcript has no such order.' },
  ]);
  await dismissToast(page);
});

test('filters combine, and the claims list and the highlights both follow them', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: 'Filters' }).click();
  const filters = page.getByRole('form', { name: 'Filter claims' });

  await filters.getByRole('combobox', { name: 'Claim type' }).selectOption({ label: 'Statistic' });
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(2);
  await expect(highlights(page)).toHaveCount(2);
  await expect(page.getByRole('heading', { name: /^Claims/ })).toContainText('2 of 3');

  await filters.getByRole('checkbox', { name: 'Misleading' }).check();
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(claimEntry(page, DETAINED)).toBeVisible();
  await expect(highlights(page)).toHaveCount(1);
  await expect(highlightOf(page, DETAINED)).toHaveCount(1);

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(3);

  await filters.getByRole('combobox', { name: 'Speaker' }).selectOption({ label: 'President Tomas Edvin' });
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await filters.getByRole('combobox', { name: 'Speaker' }).selectOption({ label: 'Any' });
  await filters.getByRole('combobox', { name: 'Source reliability' }).selectOption({ label: 'Mixed' });
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(claimEntry(page, DETAINED)).toBeVisible();
  await filters.getByRole('combobox', { name: 'Source reliability' }).selectOption({ label: 'Any' });

  await filters.getByRole('spinbutton', { name: 'Confidence from' }).fill('70');
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(2);
  await filters.getByRole('spinbutton', { name: 'to' }).fill('80');
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(claimEntry(page, TOLL)).toBeVisible();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Casualties' });
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await filters.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Any' });
  await filters.getByRole('searchbox', { name: 'Search claims' }).fill('transcript');
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(1);
  await expect(claimEntry(page, ORDER)).toBeVisible();
});

test('project search finds a rationale in context and jumps to its highlight', async ({ app }) => {
  const page = app.page;
  const search = page.getByRole('combobox', { name: 'Search the project' });
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await search.fill('transcr');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const hit = results.getByRole('option').filter({ hasText: 'Claim' }).filter({ hasText: 'no such order' });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toContainText(/transcript/i);
  await hit.click();
  await expect(claimForm(page, 'edit').getByLabel('Quoted text')).toHaveText(ORDER);
});

test('the keyboard steps through claims, opens one and sets its verdict by number', async ({ app }) => {
  const page = app.page;
  await articleText(page).focus();
  await page.keyboard.press('j');
  await expect(claimsList(page).locator('[aria-current="true"]')).toContainText(TOLL);
  await page.keyboard.press('j');
  await expect(claimsList(page).locator('[aria-current="true"]')).toContainText(DETAINED);
  await page.keyboard.press('k');
  await expect(claimsList(page).locator('[aria-current="true"]')).toContainText(TOLL);

  // 5 is the fifth verdict of the scale: False.
  await page.keyboard.press('5');
  await expect(highlightOf(page, TOLL)).toHaveClass(new RegExp(`\\b${await verdictClass(page, 'False')}\\b`));
  await expect(claimEntry(page, TOLL)).toContainText('False');

  await page.keyboard.press('e');
  await expect(claimForm(page, 'edit').getByLabel('Quoted text')).toHaveText(TOLL);
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next claim');
  await expect(help).toContainText('Set the marked claim’s verdict');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});
