/**
 * The article text as a user meets it: a read-only text box in which passages are selected
 * (with the mouse, the keyboard, or — for precision — a DOM selection that ProseMirror reads
 * as it reads a user's), and highlights that are clicked.
 *
 * Passages are found by their text. Highlights split the text into several DOM text nodes, so
 * the page-side lookup concatenates the text nodes of the editor and maps offsets back.
 */
import type { Locator, Page } from '@playwright/test';

/** The article text box. */
export function articleText(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Article text/ });
}

/** The highlight spans (`.cd-hl`) of the article. */
export function highlights(page: Page): Locator {
  return articleText(page).locator('.cd-hl');
}

/** The innermost highlight span whose text is exactly `text`, or contains it when `exact` is false. */
export function highlightOf(page: Page, text: string, { exact = true }: { exact?: boolean } = {}): Locator {
  return highlights(page).filter({ hasText: exact ? new RegExp(`^${escapeRegExp(text)}$`) : text }).last();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface RangeRequest {
  readonly text: string;
  readonly occurrence: number;
  readonly mode: 'select' | 'measure';
}

/** Screen geometry of a passage, in CSS pixels of the viewport. */
export interface PassageBox {
  /** Left edge and vertical middle of the first character. */
  readonly start: { x: number; y: number };
  /** Right edge and vertical middle of the last character. */
  readonly end: { x: number; y: number };
  /** The middle of the passage's first line box. */
  readonly middle: { x: number; y: number };
}

// Runs in the page. Self-contained: Playwright sends it as source.
async function passageInPage({ text, occurrence, mode }: RangeRequest): Promise<PassageBox | null> {
  const root = document.querySelector('.ProseMirror');
  if (!(root instanceof HTMLElement)) throw new Error('No article is open.');
  const nodes: { node: Text; from: number }[] = [];
  let all = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, from: all.length });
    all += n.nodeValue ?? '';
  }
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = all.indexOf(text, start + 1);
    if (start < 0) throw new Error(`"${text}" (occurrence ${occurrence}) is not in the article text.`);
  }
  const end = start + text.length;
  const at = (offset: number, preferNext: boolean) => {
    const found = nodes.find(({ node, from }) => (preferNext ? offset < from + node.length : offset <= from + node.length))!;
    return { node: found.node, offset: offset - found.from };
  };
  const range = (from: number, to: number) => {
    const r = document.createRange();
    const a = at(from, true);
    const b = at(to, false);
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  };
  const whole = range(start, end);

  if (mode === 'select') {
    root.focus();
    // ProseMirror reads the DOM selection in its own selectionchange listener, registered
    // before this one, so when this one fires the editor state has the selection.
    const read = new Promise<void>((resolve) => document.addEventListener('selectionchange', () => resolve(), { once: true }));
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(whole);
    await read;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return null;
  }

  (whole.startContainer.parentElement ?? root).scrollIntoView({ block: 'center' });
  const first = range(start, start + 1).getBoundingClientRect();
  const last = range(end - 1, end).getBoundingClientRect();
  const line = whole.getClientRects()[0] ?? whole.getBoundingClientRect();
  return {
    start: { x: first.left + 1, y: first.top + first.height / 2 },
    end: { x: last.right - 1, y: last.top + last.height / 2 },
    middle: { x: line.left + line.width / 2, y: line.top + line.height / 2 },
  };
}

/**
 * Selects a passage of the article as the editor sees a user's selection. `occurrence` picks
 * among repeated passages (0 = first).
 */
export async function selectText(page: Page, text: string, occurrence = 0): Promise<void> {
  await page.evaluate(passageInPage, { text, occurrence, mode: 'select' } satisfies RangeRequest);
}

/** Scrolls a passage into view and returns where it is on the screen. */
export async function measurePassage(page: Page, text: string, occurrence = 0): Promise<PassageBox> {
  const box = await page.evaluate(passageInPage, { text, occurrence, mode: 'measure' } satisfies RangeRequest);
  return box!;
}

/** Selects a passage by dragging the mouse from its first to its last character. */
export async function dragSelect(page: Page, text: string, occurrence = 0): Promise<void> {
  const box = await measurePassage(page, text, occurrence);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move(box.end.x, box.end.y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks in the middle of a passage (for a highlight: activates the claims under it). */
export async function clickPassage(page: Page, text: string, occurrence = 0): Promise<void> {
  const box = await measurePassage(page, text, occurrence);
  await page.mouse.click(box.middle.x, box.middle.y);
}

/** Puts the caret just before a passage by clicking on the left edge of its first character. */
export async function clickBefore(page: Page, text: string, occurrence = 0): Promise<void> {
  const box = await measurePassage(page, text, occurrence);
  await page.mouse.click(box.start.x, box.start.y);
}

/** The text the user has selected in the window. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}
