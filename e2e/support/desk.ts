/**
 * The parts of the Claimdesk window every story uses: the toolbar, the library, the document
 * header, the toast and the alert banner, and a read-only look at what main has stored (through
 * the same `window.api` the renderer uses), to check that a refusal really left nothing behind.
 */
import type { Locator, Page } from '@playwright/test';
import type { ClaimdeskApi } from '../../shared/ipc/client';
import type { Channel } from '../../shared/ipc/channels';
import type { ArgsIn, Results } from '../../shared/ipc/contract';
import { expect } from '../harness/fixtures';
import { articleText } from './article-text';

/** The built-in sample article, as the app shows it. */
export const SAMPLE = {
  title: 'Unrest in Verano after fuel price rise',
  publishedOn: '2026-03-14',
  paragraphCount: 7,
  firstParagraphStart: 'Security forces in the Republic of Verano fired on protesters',
  lastParagraphStart: 'Internet access in Saltera has been cut since Thursday',
} as const;

/** A toolbar button (always visible). */
export function toolbarButton(page: Page, name: 'Import article…' | 'Paste text…' | 'Sample article' | 'Tag claim'): Locator {
  return page.getByRole('banner').getByRole('button', { name, exact: true });
}

/** The library sidebar. */
export function library(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' });
}

/** The alert banner under the toolbar (import and load errors). */
export function alertBanner(page: Page): Locator {
  return page.locator('.banner[role="alert"]');
}

/** The transient message at the bottom of the window. */
export function toast(page: Page): Locator {
  return page.locator('.toast[role="status"]');
}

/** Closes the toast, so it covers nothing (a screenshot, a click near the bottom). */
export async function dismissToast(page: Page): Promise<void> {
  const t = toast(page);
  if (await t.isVisible()) await t.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(t).toBeHidden();
}

/**
 * The editable metadata fields of the open document. (A field's error message sits inside its
 * label, so the field's name may go on after its label.)
 */
export function metaField(page: Page, name: 'Title' | 'Publication' | 'Author' | 'Published' | 'URL'): Locator {
  return page.getByRole('main', { name: 'Document' }).getByRole('textbox', { name: new RegExp(`^${name}\\b`) });
}

/** The "Saved" / "Saving…" indicator of the document header. */
export function saveStatus(page: Page): Locator {
  return page.getByRole('main', { name: 'Document' }).getByRole('status');
}

/** Opens the built-in sample from the empty library and waits until its text is shown. */
export async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample article' }).click();
  await expect(articleText(page)).toContainText(SAMPLE.firstParagraphStart);
  await expect(metaField(page, 'Title')).toHaveValue(SAMPLE.title);
}

/** What a user should see of an opened article. */
export interface ShownArticle {
  readonly title: string;
  readonly publishedOn: string;
  readonly paragraphs: readonly string[];
}

/** Checks that the open document shows this title, date and exactly these paragraphs. */
export async function expectOpenArticle(page: Page, article: ShownArticle): Promise<void> {
  await expect(metaField(page, 'Title')).toHaveValue(article.title);
  await expect(metaField(page, 'Published')).toHaveValue(article.publishedOn);
  await expect(articleText(page).locator('p')).toHaveText([...article.paragraphs]);
  await expect(library(page).getByRole('button', { name: article.title })).toHaveAttribute('aria-current', 'page');
}

/** Calls main through the page's `window.api`, as the renderer does, and unwraps the value. */
export async function callMain<C extends Channel>(page: Page, channel: C, args: ArgsIn<C>): Promise<Results[C]> {
  const result = await page.evaluate(
    ([c, a]) => (window as unknown as { api: ClaimdeskApi }).api.invoke(c, a as never),
    [channel, args] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as Results[C];
}

/** How many documents main has stored. */
export async function documentCount(page: Page): Promise<number> {
  return (await callMain(page, 'documents:list', {})).length;
}

/** How many claims main has stored over all documents: live and deleted. */
export async function storedClaimCounts(page: Page): Promise<{ live: number; deleted: number }> {
  const docs = await callMain(page, 'documents:list', {});
  let live = 0;
  let deleted = 0;
  for (const d of docs) {
    for (const c of await callMain(page, 'claims:list', { documentId: d.id, includeDeleted: true })) {
      if (c.deletedAt === null) live++;
      else deleted++;
    }
  }
  return { live, deleted };
}

/** The CSS class main's verdict scale gives a verdict's highlights (`cd-verdict-<id>`). */
export async function verdictClass(page: Page, label: string): Promise<string> {
  const verdict = (await callMain(page, 'verdicts:list', {})).find((v) => v.label === label);
  if (!verdict) throw new Error(`No verdict labelled "${label}".`);
  return `cd-verdict-${verdict.id}`;
}

/** Moves the focus with Tab until `target` has it; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { max = 30, shift = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${max} presses of Tab`).toBeFocused();
}
