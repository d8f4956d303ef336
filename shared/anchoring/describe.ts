/**
 * Describing a range of plain text as a W3C TextQuoteSelector plus TextPositionSelector, the
 * form in which a claim remembers where it is (see `TextAnchor` in `domain.ts`).
 */
import type { TextAnchor } from '../domain';

/** How many UTF-16 code units of context an anchor keeps on each side by default. */
export const DEFAULT_CONTEXT = 32;

/**
 * The anchor of `text.slice(start, end)`: the quote itself, up to `context` code units before
 * it (prefix) and after it (suffix), and the offsets. Context never ends inside a surrogate
 * pair, because a lone surrogate does not survive storage as UTF-8. Throws a RangeError unless
 * 0 <= start <= end <= text.length (integers): a bad range is a programming error.
 */
export function describeRange(text: string, start: number, end: number, context = DEFAULT_CONTEXT): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`Range ${start}–${end} is outside a text of length ${text.length}.`);
  }
  let prefixStart = Math.max(0, start - context);
  const prefixSplitsPair = isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1));
  if (prefixStart > 0 && prefixSplitsPair) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, end + context);
  const suffixSplitsPair = isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd));
  if (suffixEnd < text.length && suffixSplitsPair) {
    suffixEnd -= 1;
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.min(prefixStart, start), start),
    suffix: text.slice(end, Math.max(suffixEnd, end)),
    start,
    end,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
