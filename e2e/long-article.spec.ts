/**
 * Story: a long wire story with hundreds of claims. Only the highlights near what is on screen
 * are drawn (see renderer/editor/highlights.ts), and long articles skip layout off screen
 * (`content-visibility`): the checker must not notice either. Every claim is in the list; a
 * claim far down is reached from the list and its highlight is there; scrolling draws the
 * highlights of the text scrolled to; selecting the whole article selects all of its text,
 * also what was never on screen; a highlight drawn after scrolling opens its claim.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { articleText, highlightOf, highlights, selectedText } from './support/article-text';
import { claimEntry, claimsList } from './support/claims';
import { dismissToast } from './support/desk';
import { writeFile } from './support/files';
import { seedClaims } from './support/seed';

const PARAGRAPHS = 240;
const TITLE = 'long wire story';

/** The claim quoted in paragraph `n` (1-based): a phrase found nowhere else in the story. */
const quoteOf = (n: number) => `officials put the figure for district ${n} at ${1000 + n * 7}`;

function story(): string {
  const filler =
    'Witnesses described crowds gathering near the square before the curfew, while the ministry said its own count ' +
    'would be published once the regional offices had reported, and aid agencies asked for access to the hospitals. ';
  return Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i + 1}. ${filler}On Tuesday ${quoteOf(i + 1)}, a number the opposition disputed. ${filler}`).join('\n\n');
}

async function openLongStory(page: Page, importFile: (file: string) => Promise<void>, dir: string): Promise<void> {
  await importFile(writeFile(dir, 'long-wire-story.txt', story()));
  await expect(articleText(page)).toContainText('Paragraph 1.');
  await dismissToast(page);
  await seedClaims(
    page,
    TITLE,
    Array.from({ length: PARAGRAPHS }, (_, i) => ({ quote: quoteOf(i + 1), verdict: i % 2 === 0 ? 'Unproven' : 'Misleading' })),
  );
}

test('a long article with hundreds of claims reads, scrolls and selects as a short one', async ({ app, workDir }) => {
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
  await expect(claimsList(page).getByRole('listitem')).toHaveCount(PARAGRAPHS);

  // The top of the article is drawn with its highlights; the far end is not drawn yet.
  await expect(highlightOf(page, quoteOf(1))).toBeVisible();
  await expect.poll(() => highlights(page).count()).toBeLessThan(PARAGRAPHS);
  await expect(highlightOf(page, quoteOf(PARAGRAPHS))).toHaveCount(0);

  // The last claim, from the list: the article scrolls to it and its highlight is drawn and active.
  await claimEntry(page, quoteOf(PARAGRAPHS)).getByRole('button').first().click();
  const active = articleText(page).locator('.cd-hl-active');
  await expect(active).toHaveText(quoteOf(PARAGRAPHS));
  await expect(active).toBeInViewport({ timeout: 3000 });

  // Scrolling to the middle draws the highlights there; one of them opens its claim.
  const middle = Math.round(PARAGRAPHS / 2);
  await articleText(page).getByText(`Paragraph ${middle}.`, { exact: false }).scrollIntoViewIfNeeded();
  await expect(highlightOf(page, quoteOf(middle))).toBeInViewport({ timeout: 3000 });
  await highlightOf(page, quoteOf(middle)).click();
  await expect(claimEntry(page, quoteOf(middle)).getByRole('button').first()).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('Escape');

  // Selecting all selects the whole text, also paragraphs never laid out.
  await articleText(page).focus();
  await expect(articleText(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  const selected = await selectedText(page);
  for (const n of [1, 57, middle, 199, PARAGRAPHS]) expect(selected, `paragraph ${n} is selected`).toContain(quoteOf(n));
  expect(selected.length).toBeGreaterThan(PARAGRAPHS * 400);
});
