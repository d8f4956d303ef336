/**
 * Re-attaching a claim to the text of its article, after the Hypothesis client's anchoring.
 *
 * A claim remembers its range as a `TextAnchor`: the quote, its context and its offsets. When
 * the text has not changed, the offsets are right and are used as they are. When it has, the
 * strategies below are tried in order, each one more forgiving and more costly than the last,
 * and the first that succeeds wins:
 *
 * 1. position — the quote is still at its old offsets, and the context there does not
 *    contradict it (at least half of it agrees): the common case, and free;
 * 2. quote — the quote occurs word for word elsewhere (text was added or removed before it):
 *    the occurrence whose context agrees best, near the old offset first, then anywhere;
 * 3. fuzzy — the quote itself was edited (a figure revised, a typo fixed): the closest
 *    approximate occurrence, within a bounded number of edits.
 *
 * If all three fail, the claim is an orphan: the anchor is kept, but nothing is highlighted. A
 * wrong highlight is worse than none, so the fuzzy matcher refuses weak matches.
 */
import type { TextAnchor } from '../domain';
import { contextAgreement, matchExactQuote, matchFuzzyQuote } from './match-quote';

/** How an anchor was re-attached: by its offsets, by its exact quote, or approximately. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where an anchor lies in the current text. */
export interface AnchorResult {
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
}

/** An item of `anchorAll` that was found. */
export interface AnchoredItem extends AnchorResult {
  readonly id: number;
}

/** The outcome of `anchorAll`: every item is in exactly one of the two lists, in input order. */
export interface AnchorAllResult {
  readonly anchored: AnchoredItem[];
  readonly orphans: number[];
}

/**
 * The range of `text` that `anchor` now refers to, or null when it cannot be found (an empty
 * quote is never found). Strategies are tried in the order explained above.
 */
export function anchorQuote(text: string, anchor: TextAnchor): AnchorResult | null {
  const { exact, prefix, suffix, start, end } = anchor;
  if (exact.length === 0) return null;
  if (
    Number.isInteger(start) &&
    start >= 0 &&
    end === start + exact.length &&
    end <= text.length &&
    text.slice(start, end) === exact &&
    contextAgreement(text, start, end, prefix, suffix) >= 0.5
  ) {
    return { start, end, method: 'position' };
  }
  const context = { prefix, suffix, hint: Number.isFinite(start) ? start : 0 };
  const exactMatch = matchExactQuote(text, exact, context);
  if (exactMatch !== null) return { start: exactMatch.start, end: exactMatch.end, method: 'quote' };
  const fuzzyMatch = matchFuzzyQuote(text, exact, context);
  if (fuzzyMatch !== null) return { start: fuzzyMatch.start, end: fuzzyMatch.end, method: 'fuzzy' };
  return null;
}

/** Anchors every item in `text`; an item that cannot be anchored is listed as an orphan, never dropped. */
export function anchorAll(
  text: string,
  items: readonly { readonly id: number; readonly anchor: TextAnchor }[],
): AnchorAllResult {
  const anchored: AnchoredItem[] = [];
  const orphans: number[] = [];
  for (const { id, anchor } of items) {
    const result = anchorQuote(text, anchor);
    if (result === null) orphans.push(id);
    else anchored.push({ id, ...result });
  }
  return { anchored, orphans };
}
