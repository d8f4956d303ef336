/**
 * Placing an imported annotation on a document's plain text: its position (code points, as the
 * W3C model counts) becomes a UTF-16 hint, then the anchoring strategies run in order —
 * position, exact quote, fuzzy quote (see `anchoring/anchor.ts`). A found annotation is
 * described afresh from the real text, so its claim looks like one made here. One that is not
 * found keeps its own quote and context, with offsets that lie inside the text (at the hint
 * when there is one), so it can be stored as an orphan and attached later.
 */
import { anchorQuote, DEFAULT_CONTEXT, describeRange, type AnchorMethod } from '../anchoring';
import type { TextAnchor } from '../domain';

/** What placing needs of an annotation. */
export interface QuoteToPlace {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Start in code points, or null. */
  readonly start: number | null;
}

/** Where an annotation goes: its anchor, and how it was found (null: not found, an orphan). */
export interface Placement {
  readonly anchor: TextAnchor;
  readonly method: AnchorMethod | null;
}

/**
 * Converts code-point offsets of one text to UTF-16 offsets in O(log n) each, after one pass
 * over the text (imports place thousands of annotations on texts of millions of characters).
 * Agrees with `codePointToUtf16Offset`, but returns null past the end instead of throwing.
 */
export function codePointConverter(text: string): (codePoint: number) => number | null {
  // Code-point offset of each surrogate pair, in order: each one adds a UTF-16 unit after it.
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      pairs.push(i - pairs.length);
      i++;
    }
  }
  const codePoints = text.length - pairs.length;
  return (codePoint) => {
    if (!Number.isSafeInteger(codePoint) || codePoint < 0 || codePoint > codePoints) return null;
    // Pairs that start before `codePoint` each add one unit.
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((pairs[mid] as number) < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  };
}

/** Places `quote` on `text` (see the header). `toUtf16` is `codePointConverter(text)`. */
export function placeQuote(text: string, quote: QuoteToPlace, toUtf16: (codePoint: number) => number | null): Placement {
  const { exact } = quote;
  const prefix = lastUnits(quote.prefix, DEFAULT_CONTEXT);
  const suffix = firstUnits(quote.suffix, DEFAULT_CONTEXT);
  const hint = quote.start === null ? null : toUtf16(quote.start);
  // NaN offsets make anchorQuote skip the position strategy and search from the start.
  const start = hint ?? Number.NaN;
  const found = anchorQuote(text, { exact, prefix, suffix, start, end: start + exact.length });
  if (found !== null) return { anchor: describeRange(text, found.start, found.end), method: found.method };
  const at = Math.max(0, Math.min(hint ?? 0, text.length - exact.length));
  return { anchor: { exact, prefix, suffix, start: at, end: at + exact.length }, method: null };
}

// Context is cut to the length our own anchors keep, never inside a surrogate pair.
function lastUnits(value: string, count: number): string {
  if (value.length <= count) return value;
  const from = value.length - count;
  const low = value.charCodeAt(from);
  return value.slice(low >= 0xdc00 && low <= 0xdfff ? from + 1 : from);
}

function firstUnits(value: string, count: number): string {
  if (value.length <= count) return value;
  const high = value.charCodeAt(count - 1);
  return value.slice(0, high >= 0xd800 && high <= 0xdbff ? count - 1 : count);
}
