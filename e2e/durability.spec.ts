/**
 * Story: a fact-checker corrects an article's title and keeps working without pressing Save.
 * Half a second after they stop typing the title is in the project file, and only then does
 * the header say "Saved"; typing again takes the word away until that edit is stored too. A
 * title main refuses (too long) is never shown as saved, and the file keeps the old one.
 *
 * The page's clock is paused, so "half a second" is measured on the app's own timers, not on
 * how busy the machine is.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { callMain, metaField, openSample, SAMPLE, saveStatus } from './support/desk';

/** The title main has stored for document `id`. */
async function storedTitle(page: Page, id: number): Promise<string> {
  return (await callMain(page, 'documents:get', { id })).title;
}

/** Opens the sample, pauses the page's clock and returns the sample's id. */
async function openSampleWithPausedClock(page: Page): Promise<number> {
  await openSample(page);
  const sample = (await callMain(page, 'documents:list', {})).find((d) => d.title === SAMPLE.title);
  expect(sample, 'the sample is stored').toBeDefined();
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  return sample!.id;
}

test('a title typed is stored half a second after the pause, and "Saved" shows only once it is', async ({ app }) => {
  const page = app.page;
  const id = await openSampleWithPausedClock(page);
  const title = metaField(page, 'Title');
  await title.click();
  await title.press('End');
  await title.pressSequentially(' (revised)');

  // Still within the pause: nothing sent, nothing claimed.
  await page.clock.runFor(499);
  await expect(saveStatus(page)).toHaveText('');
  expect(await storedTitle(page, id)).toBe(SAMPLE.title);

  // Half a second after the last key: stored, then said.
  await page.clock.runFor(1);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await storedTitle(page, id)).toBe(`${SAMPLE.title} (revised)`);
  await expect(title).toBeFocused();

  // Typing again makes "Saved" untrue at once, until that edit is stored as well.
  await title.press('Backspace');
  await expect(saveStatus(page)).toHaveText('');
  expect(await storedTitle(page, id)).toBe(`${SAMPLE.title} (revised)`);
  await page.clock.runFor(500);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(await storedTitle(page, id)).toBe(`${SAMPLE.title} (revised`);
});

test('a title main refuses is never shown as saved, and the file keeps the old one', async ({ app }) => {
  const page = app.page;
  const id = await openSampleWithPausedClock(page);
  const title = metaField(page, 'Title');

  await title.fill('x'.repeat(501));
  await page.clock.runFor(500);
  const error = page.getByRole('main', { name: 'Document' }).getByRole('alert');
  await expect(error).toContainText('500 characters');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(saveStatus(page)).not.toHaveText('Saved');
  expect(await storedTitle(page, id)).toBe(SAMPLE.title);

  // A good save of another field does not make the refused title look saved.
  await metaField(page, 'Author').fill('Juna Castel');
  await page.clock.runFor(500);
  await expect.poll(async () => (await callMain(page, 'documents:get', { id })).author).toBe('Juna Castel');
  await expect(saveStatus(page)).not.toHaveText('Saved');
  await expect(error).toBeVisible();

  // Corrected, it is stored and said.
  await title.fill('Unrest in Verano');
  await page.clock.runFor(500);
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(error).toBeHidden();
  expect(await storedTitle(page, id)).toBe('Unrest in Verano');
});
