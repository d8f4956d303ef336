/**
 * Story: a fact-checker starts Claimdesk for the first time. The empty library invites them to
 * import an article or open the built-in sample; the sample opens with its title, date and
 * paragraphs.
 */
import { test, expect } from './harness/fixtures';
import { articleText } from './support/article-text';
import { SAMPLE, documentCount, dismissToast, library, metaField, openSample, toast, toolbarButton } from './support/desk';

test('an empty library invites the user to import an article or open the sample', async ({ app }) => {
  const page = app.page;
  const welcome = page.getByRole('region', { name: 'Your library is empty' });
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('Import a news article to start checking its claims.');
  await expect(welcome.getByRole('button', { name: 'Import a .txt article…' })).toBeVisible();
  await expect(welcome.getByRole('button', { name: 'Paste article text…' })).toBeVisible();
  await expect(welcome.getByRole('button', { name: 'Open the sample article' })).toBeVisible();
  await expect(welcome).toContainText('drop a .txt file anywhere on this window');
  // Nothing to list and nothing to tag yet.
  await expect(library(page)).toHaveCount(0);
  await expect(articleText(page)).toHaveCount(0);
  await expect(toolbarButton(page, 'Tag claim')).toHaveCount(0);
});

test('opening the sample shows its title, its date and its paragraphs', async ({ app }) => {
  const page = app.page;
  await openSample(page);

  await expect(page.getByRole('region', { name: 'Your library is empty' })).toHaveCount(0);
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);
  await expect(metaField(page, 'Published')).toHaveValue(SAMPLE.publishedOn);
  const paragraphs = articleText(page).locator('p');
  await expect(paragraphs).toHaveCount(SAMPLE.paragraphCount);
  // The "date 2026-03-14" prefix of the first line became the date, not text.
  await expect(paragraphs.first()).toHaveText(new RegExp(`^${SAMPLE.firstParagraphStart}`));
  await expect(paragraphs.nth(2)).toContainText('Interior Minister Ilse Marrov said on state television');
  await expect(paragraphs.last()).toHaveText(new RegExp(`^${SAMPLE.lastParagraphStart}`));
  await expect(articleText(page)).not.toContainText('date 2026');

  const entry = library(page).getByRole('button', { name: new RegExp(SAMPLE.title) });
  await expect(entry).toHaveAttribute('aria-current', 'page');
  await expect(entry).toContainText(`${SAMPLE.publishedOn} · 0 claims`);
  await expect(toolbarButton(page, 'Tag claim')).toBeVisible();
});

test('opening the sample again shows the same document instead of a copy', async ({ app }) => {
  const page = app.page;
  await openSample(page);
  await dismissToast(page);
  await toolbarButton(page, 'Sample article').click();
  // The toast comes back once the app has reloaded the library.
  await expect(toast(page)).toHaveText(new RegExp(`Imported “${SAMPLE.title}”.`));
  await expect(library(page).getByRole('listitem')).toHaveCount(1);
  expect(await documentCount(page)).toBe(1);
});
