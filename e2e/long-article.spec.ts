/**
 * Story: a long wire story with thousands of claims, brought in from another tool's export.
 * Only the highlights near what is on screen are drawn, the claims near the top are placed
 * before the article is first shown and the rest when the browser is idle (see
 * renderer/editor/highlights.ts and anchors.ts), and long articles skip layout off screen
 * (`content-visibility`); the claims list draws only the entries in view (ClaimsPanel): the
 * checker must not notice any of it. The list counts every claim and each entry tells its place
 * in it; a claim far down is reached by scrolling the list and its highlight is there;
 * scrolling draws the highlights of the text scrolled to; a highlight drawn after scrolling
 * opens its claim and shows its entry in the list; a search for a word in every claim says it
 * ranked only the newest matches; selecting the whole article selects all of its text, also
 * what was never on screen.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { articleText, highlightOf, highlights, selectedText } from './support/article-text';
import { claimEntry, claimsList } from './support/claims';
import { dismissToast } from './support/desk';
import { dragFile, writeFile } from './support/files';

const PARAGRAPHS = 300;
/** Claims per paragraph: 2,400 in all, more than a document places at once (PLACE_FIRST_ABOVE). */
const PER_PARAGRAPH = 8;
const CLAIMS = PARAGRAPHS * PER_PARAGRAPH;

/** The k-th claim (0-based) quoted in paragraph `n` (1-based): a phrase found nowhere else in the story. */
const quoteOf = (n: number, k = 0) => `the figure for district ${n}-${k} was ${1000 + n * 7 + k}`;

function story(): string {
  const paragraph = (n: number) =>
    `Paragraph ${n}. Witnesses described crowds near the square before the curfew, and the ministry said its count would follow. ` +
    Array.from({ length: PER_PARAGRAPH }, (_, k) => `Officials said ${quoteOf(n, k)}, a number the opposition disputed.`).join(' ');
  return Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1)).join('\n\n');
}

/** A Hypothesis export of one annotation per claim, quoting it with no position. */
function hypothesisExport(): string {
  const rows = Array.from({ length: CLAIMS }, (_, i) => {
    const exact = quoteOf(Math.floor(i / PER_PARAGRAPH) + 1, i % PER_PARAGRAPH);
    return { id: `hyp-${i + 1}`, uri: 'https://news.example/long', text: '', tags: [], target: [{ source: 'https://news.example/long', selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] }] };
  });
  return JSON.stringify({ total: rows.length, rows });
}

async function openLongStory(page: Page, importFile: (file: string) => Promise<void>, dir: string): Promise<void> {
  await importFile(writeFile(dir, 'long-wire-story.txt', story()));
  await expect(articleText(page)).toContainText('Paragraph 1.');
  await dismissToast(page);
  const dragged = await dragFile(page, 'hypothesis-export.json', hypothesisExport());
  await dragged.drop();
  const report = page.getByRole('dialog', { name: 'Annotations imported' });
  await expect(report).toContainText(/New claims\s*2,400 claims/, { timeout: 30_000 });
  await report.getByRole('button', { name: 'Close' }).click();
}

test('a long article with thousands of claims reads, scrolls and selects as a short one', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  const page = app.page;
  await openLongStory(
    page,
    async (file) => {
      await app.answerNextFileDialog(file);
      await page.getByRole('banner').getByRole('button', { name: 'Import article…' }).click();
    },
    workDir,
  );
  await expect(page.getByRole('heading', { name: `Claims ${CLAIMS}` })).toBeVisible({ timeout: 30_000 });
  // The list draws a window of entries, each with its place among all of them.
  const entries = claimsList(page).getByRole('listitem');
  await expect(entries.first()).toHaveAttribute('aria-setsize', String(CLAIMS));
  await expect(entries.first()).toHaveAttribute('aria-posinset', '1');
  await expect(entries.first()).toContainText(quoteOf(1));
  expect(await entries.count()).toBeLessThan(CLAIMS / 20);

  // The top of the article is drawn with its highlights; the far end is not drawn yet.
  await expect(highlightOf(page, quoteOf(1))).toBeVisible();
  await expect.poll(() => highlights(page).count()).toBeLessThan(CLAIMS / 4);
  await expect(highlightOf(page, quoteOf(PARAGRAPHS, PER_PARAGRAPH - 1))).toHaveCount(0);

  // The last claim, from the end of the list (the panel's scroll bar dragged to the bottom): the
  // article scrolls to it and its highlight is drawn and active.
  const last = quoteOf(PARAGRAPHS, PER_PARAGRAPH - 1);
  const panel = page.getByRole('complementary', { name: /^Claims/ });
  await expect(async () => {
    await panel.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(claimEntry(page, last)).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(claimEntry(page, last)).toHaveAttribute('aria-posinset', String(CLAIMS));
  await claimEntry(page, last).getByRole('button').first().click();
  const active = articleText(page).locator('.cd-hl-active');
  await expect(active).toHaveText(last);
  await expect(active).toBeInViewport({ timeout: 3000 });

  // Scrolling to the middle draws the highlights there; one of them opens its claim.
  const middle = Math.round(PARAGRAPHS / 2);
  await articleText(page).getByText(`Paragraph ${middle}.`, { exact: false }).scrollIntoViewIfNeeded();
  await expect(highlightOf(page, quoteOf(middle))).toBeInViewport({ timeout: 3000 });
  await highlightOf(page, quoteOf(middle)).click();
  // Its entry, far from the end of the list where the panel was, is drawn and scrolled to.
  await expect(claimEntry(page, quoteOf(middle)).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await expect(claimEntry(page, quoteOf(middle))).toBeInViewport();

  await page.keyboard.press('Escape');

  // A word in every claim: the search says it ranked only the newest matches, and narrows.
  const search = page.getByRole('combobox', { name: 'Search the project' });
  await search.fill('district');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText('only the newest 2,000 of each kind were ranked; type more');
  await search.fill(`district ${PARAGRAPHS}-${PER_PARAGRAPH - 1}`);
  await expect(results.getByRole('option').first()).toContainText(`district ${PARAGRAPHS}-${PER_PARAGRAPH - 1}`);
  await expect(results).not.toContainText('only the newest');
  await search.fill('');
  await page.keyboard.press('Escape');

  // Selecting all selects the whole text, also paragraphs never laid out.
  await articleText(page).focus();
  await expect(articleText(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  const selected = await selectedText(page);
  for (const n of [1, 57, middle, 251, PARAGRAPHS]) expect(selected, `paragraph ${n} is selected`).toContain(quoteOf(n, 3));
  expect(selected.length).toBeGreaterThan(PARAGRAPHS * 500);
});
