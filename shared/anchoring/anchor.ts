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
 *    the occurrence whose context agrees best;
 * 3. fuzzy — the quote itself was edited (a figure revised, a typo fixed): the closest
 *    approximate occurrence, within a bounded number of edits.
 *
 * Strategies 2 and 3 run first in a window of a few kB around where the quote is expected (its
 * old offset, and the offset a caller maps it to, see `hint`), and over the whole text only when
 * nothing good is found there: an edited article mostly keeps its order, and a search of the
 * whole of a long article costs hundreds of times more than a window. In the window, a fuzzy
 * match with a good score is taken before the whole text is searched for the exact quote,
 * since a short quote edited in place may well occur word for word elsewhere, in other words.
 * `anchorAll` anchors in the order of the old offsets and maps each offset by how far the
 * previous quote moved, so that quotes in a moved or shifted passage are found in the window.
 *
 * If all three fail, the claim is an orphan: the anchor is kept, but nothing is highlighted. A
 * wrong highlight is worse than none, so the fuzzy matcher refuses weak matches.
 */
import type { TextAnchor } from '../domain';
import { contextAgreement, findExact, findFuzzyAnywhere, findFuzzyNear, GOOD_FUZZY_SCORE, mergeRanges, windowAround, type QuoteMatch } from './match-quote';

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
 * quote is never found). Strategies are tried in the order explained above; `hint`, when given,
 * is where the caller expects the quote to start now, searched near as well as the old offset.
 */
export function anchorQuote(text: string, anchor: TextAnchor, hint?: number): AnchorResult | null {
  const { exact, prefix, suffix, start, end } = anchor;
  if (exact.length === 0 || exact.length > text.length) return null;
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
  const expected = [hint, start].filter((at): at is number => at !== undefined && Number.isFinite(at));
  const context = { prefix, suffix, hint: expected[0] ?? 0 };

  // Near the expected place: the exact quote with agreeing context, or a good approximate one.
  for (const range of mergeRanges(expected.map((at) => windowAround(at, exact)))) {
    const found = findExact(text, exact, context, range);
    if (found !== null && found.agreement >= 0.5) return resultOf(found, 'quote');
  }
  const near = findFuzzyNear(text, exact, context, expected);
  if (near !== null && near.score >= GOOD_FUZZY_SCORE) return resultOf(near, near.errors === 0 ? 'quote' : 'fuzzy');

  // The whole text: the exact quote anywhere, else the closest approximate occurrence.
  const anywhere = findExact(text, exact, context);
  if (anywhere !== null && (anywhere.agreement >= 0.5 || near === null || anywhere.score >= near.score)) return resultOf(anywhere, 'quote');
  const fuzzy = anywhere === null ? findFuzzyAnywhere(text, exact, context) : null;
  const best = fuzzy !== null && (near === null || fuzzy.score > near.score) ? fuzzy : near;
  return best === null ? null : resultOf(best, best.errors === 0 ? 'quote' : 'fuzzy');
}

/**
 * Anchors every item in `text`; an item that cannot be anchored is listed as an orphan, never
 * dropped. Items are anchored in the order of their old offsets, each one expected where its
 * old offset lands if it moved as far as the one before it (see the header).
 */
export function anchorAll(
  text: string,
  items: readonly { readonly id: number; readonly anchor: TextAnchor }[],
): AnchorAllResult {
  const order = items.map((_, i) => i).filter((i) => Number.isFinite(items[i]!.anchor.start));
  // Claims usually arrive in reading order already (a sort of 20,000 costs more than placing them).
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k += 1) sorted = items[order[k - 1]!]!.anchor.start <= items[order[k]!]!.anchor.start;
  if (!sorted) order.sort((a, b) => items[a]!.anchor.start - items[b]!.anchor.start);
  const results: (AnchorResult | null)[] = items.map(() => null);
  let shift = 0;
  for (const i of order) {
    const { anchor } = items[i]!;
    const found = anchorQuote(text, anchor, shift === 0 ? undefined : anchor.start + shift);
    results[i] = found;
    if (found !== null) shift = found.start - anchor.start;
  }
  items.forEach(({ anchor }, i) => {
    if (!Number.isFinite(anchor.start)) results[i] = anchorQuote(text, anchor);
  });
  const anchored: AnchoredItem[] = [];
  const orphans: number[] = [];
  items.forEach(({ id }, i) => {
    const result = results[i];
    if (result === null || result === undefined) orphans.push(id);
    else anchored.push({ id, start: result.start, end: result.end, method: result.method });
  });
  return { anchored, orphans };
}

function resultOf(match: QuoteMatch, method: AnchorMethod): AnchorResult {
  return { start: match.start, end: match.end, method };
}
