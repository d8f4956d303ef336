/**
 * Finding a quote in a text, exactly or approximately, after the Hypothesis client's
 * `match-quote.ts`. Pure string matching: no documents, no positions other than offsets.
 *
 * Both matchers look near the offset where the quote used to be before they look at the whole
 * text, because an edited article mostly keeps its order, and because a short quote can occur
 * many times in a long text. Candidates are ranked by how well the text around them agrees
 * with the remembered prefix and suffix, then by distance from that offset.
 */
import search from 'approx-string-match';

/** What is known about where a quote was: its context and its old start offset. */
export interface QuoteContext {
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote started when it was described. */
  readonly hint: number;
}

/** A place where a quote was found. `score` is in [0, 1]; higher is a better match. */
export interface QuoteMatch {
  readonly start: number;
  readonly end: number;
  /** Edits between the quote and `text.slice(start, end)`; 0 for an exact match. */
  readonly errors: number;
  readonly score: number;
}

/** Half-width of the window searched around the old offset before the whole text. */
export const EXACT_WINDOW = 4096;
/** Half-widths of the windows the fuzzy matcher tries before the whole text. */
export const FUZZY_WINDOWS = [1024, 16384] as const;
/** The most edits a fuzzy match may have, however long the quote: the search cost grows with it. */
export const MAX_FUZZY_ERRORS = 64;
/** Quotes shorter than this match fuzzily only where their context agrees too. */
export const SHORT_QUOTE = 16;

// Weights from the Hypothesis client: the quote matters most, then its context, then position.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
// A fuzzy match at least this good stops the search from widening to the whole text.
const GOOD_FUZZY_SCORE = 0.75;

/**
 * How well the text around `start`–`end` agrees with a prefix and suffix, in [0, 1]: the mean,
 * over the two sides, of the share of context characters that match next to the range. An
 * empty context side agrees with anything, since there is nothing to contradict.
 */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return (prefixAgreement(text, start, prefix) + suffixAgreement(text, end, suffix)) / 2;
}

/**
 * The best exact occurrence of `quote` in `text`, or null when there is none (or the quote is
 * empty). Occurrences within `EXACT_WINDOW` of the hint are tried first; the whole text is
 * searched only when none of them has a context that at least half agrees.
 */
export function matchExactQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  if (quote.length === 0 || quote.length > text.length) return null;
  const hint = clamp(context.hint, 0, text.length);
  const near = bestExact(text, quote, context, hint, hint - EXACT_WINDOW, hint + quote.length + EXACT_WINDOW);
  if (near !== null && near.agreement >= 0.5) return near.match;
  const anywhere = bestExact(text, quote, context, hint, 0, text.length);
  return anywhere?.match ?? null;
}

/**
 * The best approximate occurrence of `quote` in `text`, or null when nothing is close enough:
 * a match may have at most `maxFuzzyErrors(quote)` edits and must keep part of the quote, and a
 * short quote must also have context that agrees. Windows around the hint are searched first,
 * widening only while the best match found is poor.
 */
export function matchFuzzyQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const hint = clamp(context.hint, 0, text.length);
  const maxErrors = maxFuzzyErrors(quote);
  let best: QuoteMatch | null = null;
  const windows = [
    ...FUZZY_WINDOWS.map((margin) => [hint - margin, hint + quote.length + margin] as const),
    [0, text.length] as const,
  ];
  for (const [rawFrom, rawTo] of windows) {
    const from = clamp(rawFrom, 0, text.length);
    const to = clamp(rawTo, 0, text.length);
    for (const found of search(text.slice(from, to), quote, maxErrors)) {
      const candidate = scoreFuzzy(text, quote, context, hint, from + found.start, from + found.end, found.errors);
      if (candidate !== null && (best === null || candidate.score > best.score)) best = candidate;
    }
    if ((best !== null && best.score >= GOOD_FUZZY_SCORE) || (from === 0 && to === text.length)) break;
  }
  return best;
}

/** The most edits a fuzzy match of `quote` may have: a quarter of its length, at least 1, at most 64. */
export function maxFuzzyErrors(quote: string): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.max(1, Math.floor(quote.length / 4)));
}

function bestExact(
  text: string,
  quote: string,
  context: QuoteContext,
  hint: number,
  rawFrom: number,
  rawTo: number,
): { match: QuoteMatch; agreement: number } | null {
  const to = clamp(rawTo, 0, text.length);
  let best: { match: QuoteMatch; agreement: number } | null = null;
  let at = text.indexOf(quote, clamp(rawFrom, 0, text.length));
  for (; at !== -1 && at + quote.length <= to; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const prefix = prefixAgreement(text, at, context.prefix);
    const suffix = suffixAgreement(text, end, context.suffix);
    const score = weighted(1, prefix, suffix, positionScore(text, at, hint));
    if (best === null || score > best.match.score) {
      best = { match: { start: at, end, errors: 0, score }, agreement: (prefix + suffix) / 2 };
    }
  }
  return best;
}

function scoreFuzzy(
  text: string,
  quote: string,
  context: QuoteContext,
  hint: number,
  start: number,
  end: number,
  errors: number,
): QuoteMatch | null {
  if (errors >= quote.length || end <= start) return null;
  const prefix = similarity(text.slice(Math.max(0, start - context.prefix.length), start), context.prefix);
  const suffix = similarity(text.slice(end, end + context.suffix.length), context.suffix);
  if (quote.length < SHORT_QUOTE) {
    // A short quote with an edit or two matches almost anywhere; only its context can tell.
    const prefixVouches = context.prefix !== '' && prefix >= 0.5;
    const suffixVouches = context.suffix !== '' && suffix >= 0.5;
    if (!prefixVouches && !suffixVouches) return null;
  }
  const quoteScore = 1 - errors / quote.length;
  return { start, end, errors, score: weighted(quoteScore, prefix, suffix, positionScore(text, start, hint)) };
}

/** 1 minus the edit share of the best approximate occurrence of `expected` in `actual`. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - errors / expected.length;
}

function prefixAgreement(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  let same = 0;
  const last = prefix.length - 1;
  while (same < prefix.length && start - same > 0 && text.charCodeAt(start - same - 1) === prefix.charCodeAt(last - same)) {
    same++;
  }
  return same / prefix.length;
}

function suffixAgreement(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  let same = 0;
  while (same < suffix.length && end + same < text.length && text.charCodeAt(end + same) === suffix.charCodeAt(same)) {
    same++;
  }
  return same / suffix.length;
}

function weighted(quote: number, prefix: number, suffix: number, position: number): number {
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
}

function positionScore(text: string, start: number, hint: number): number {
  return 1 - Math.abs(start - hint) / Math.max(1, text.length);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
