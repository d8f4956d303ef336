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

/**
 * Half-width of the window searched around the expected offset before the whole text. An
 * edited article mostly keeps its order, so a quote is nearly always within a few kB of where it
 * was, and searching a window instead of a 1 M-character text is hundreds of times cheaper.
 */
export const EXACT_WINDOW = 4096;
/** Half-width of the first, narrow window the fuzzy matcher tries around the expected offset. */
export const FUZZY_WINDOW = 1024;
// The whole-text fuzzy search (see findFuzzyAnywhere) cuts a quote and its context into at most MAX_PIECES
// pieces of at least PIECE characters, follows at most MAX_PIECE_HITS occurrences of each, and
// searches the MAX_STRETCHES stretches of BUCKET characters where most pieces line up.
const PIECE = 8;
const MAX_PIECES = 8;
const MAX_PIECE_HITS = 4000;
const MAX_STRETCHES = 16;
const BUCKET = 64;
/** The most edits a fuzzy match may have, however long the quote: the search cost grows with it. */
export const MAX_FUZZY_ERRORS = 64;
/** Quotes shorter than this match fuzzily only where their context agrees too. */
export const SHORT_QUOTE = 16;

// Weights from the Hypothesis client: the quote matters most, then its context, then position.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** A fuzzy match near the expected place at least this good stops the search from widening to the whole text. */
export const GOOD_FUZZY_SCORE = 0.75;

/**
 * How well the text around `start`–`end` agrees with a prefix and suffix, in [0, 1]: the mean,
 * over the two sides, of the share of context characters that match next to the range. An
 * empty context side agrees with anything, since there is nothing to contradict.
 */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  // The common case first (a quote at its place in the text it was described on): both sides
  // equal, compared natively rather than character by character.
  if (start >= prefix.length && text.slice(start - prefix.length, start) === prefix && text.slice(end, end + suffix.length) === suffix) return 1;
  return (prefixAgreement(text, start, prefix) + suffixAgreement(text, end, suffix)) / 2;
}

/** Part of a text to search: offsets `from` to `to` (clamped to the text). */
export interface SearchRange {
  readonly from: number;
  readonly to: number;
}

/** An exact match, with how well its context agrees (see contextAgreement). */
export interface ExactMatch extends QuoteMatch {
  readonly agreement: number;
}

/** The window of `EXACT_WINDOW` characters either side of a quote expected at `at`. */
export function windowAround(at: number, quote: string): SearchRange {
  return { from: at - EXACT_WINDOW, to: at + quote.length + EXACT_WINDOW };
}

/**
 * The best exact occurrence of `quote` in `text`, or null when there is none (or the quote is
 * empty). Occurrences within `EXACT_WINDOW` of the hint are tried first; the whole text is
 * searched only when none of them has a context that at least half agrees.
 */
export function matchExactQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  const near = findExact(text, quote, context, windowAround(clamp(context.hint, 0, text.length), quote));
  if (near !== null && near.agreement >= 0.5) return near;
  return findExact(text, quote, context);
}

/**
 * The best approximate occurrence of `quote` in `text`, or null when nothing is close enough:
 * a match may have at most `maxFuzzyErrors(quote)` edits and must keep part of the quote, and a
 * short quote must also have context that agrees. The window around the hint is searched
 * first, and the whole text only when the best match there is poor.
 */
export function matchFuzzyQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  const near = findFuzzyNear(text, quote, context, [clamp(context.hint, 0, text.length)]);
  if (near !== null && near.score >= GOOD_FUZZY_SCORE) return near;
  const anywhere = findFuzzyAnywhere(text, quote, context);
  return anywhere !== null && (near === null || anywhere.score > near.score) ? anywhere : near;
}

/**
 * The best approximate occurrence of `quote` near the offsets in `expected`: within
 * `FUZZY_WINDOW` of them first, then within `EXACT_WINDOW` when nothing good is that close.
 */
export function findFuzzyNear(text: string, quote: string, context: QuoteContext, expected: readonly number[]): QuoteMatch | null {
  let best: QuoteMatch | null = null;
  for (const margin of [FUZZY_WINDOW, EXACT_WINDOW]) {
    for (const range of mergeRanges(expected.map((at) => ({ from: at - margin, to: at + quote.length + margin })))) {
      const found = findFuzzy(text, quote, context, range);
      if (found !== null && (best === null || found.score > best.score)) best = found;
    }
    if (best !== null && best.score >= GOOD_FUZZY_SCORE) break;
  }
  return best;
}

/**
 * The best approximate occurrence of `quote` anywhere in `text`. An approximate search of a
 * whole long article costs tens of milliseconds, so it is run only where the quote may be: the
 * quote with its context is cut into pieces, each piece is looked for word for word (a native
 * search, fast), and the stretches where most pieces line up are searched approximately. A
 * match none of whose pieces is intact is not found; it would score too low to be trusted.
 */
export function findFuzzyAnywhere(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  let best: QuoteMatch | null = null;
  for (const range of likelyRanges(text, quote, context)) {
    const found = findFuzzy(text, quote, context, range);
    if (found !== null && (best === null || found.score > best.score)) best = found;
  }
  return best;
}

/** Parts of a text, sorted and with overlapping ones joined. */
export function mergeRanges(ranges: readonly SearchRange[]): SearchRange[] {
  const merged: SearchRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else merged.push(r);
  }
  return merged;
}

// Where `quote` may occur approximately: stretches of `text` where several pieces of the quote
// and its context occur at the offsets they have in the passage (give or take the edits
// allowed), best first. A passage too short to cut into pieces leaves the whole text.
function likelyRanges(text: string, quote: string, context: QuoteContext): SearchRange[] {
  const passage = context.prefix + quote + context.suffix;
  if (passage.length < 2 * PIECE) return [{ from: 0, to: text.length }];
  const pieces = Math.min(MAX_PIECES, Math.floor(passage.length / PIECE));
  const size = Math.floor(passage.length / pieces);
  const votes = new Map<number, number>();
  for (let p = 0; p < pieces; p++) {
    const piece = passage.slice(p * size, p * size + size);
    // Where the quote would start if this piece is where it was in the passage.
    const offset = p * size - context.prefix.length;
    let hits = 0;
    for (let at = text.indexOf(piece); at !== -1 && hits < MAX_PIECE_HITS; at = text.indexOf(piece, at + 1), hits++) {
      const bucket = Math.floor((at - offset) / BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  const slack = maxFuzzyErrors(quote) + BUCKET;
  const top = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_STRETCHES);
  return mergeRanges(top.map(([bucket]) => ({ from: bucket * BUCKET - slack, to: (bucket + 1) * BUCKET + quote.length + slack })));
}

/**
 * The exact occurrence of `quote` within `range` (default: the whole text) with the best
 * score — context first, then closeness to the hint — or null. Only the range is read, so a
 * window costs what its length costs, however long the text.
 */
export function findExact(text: string, quote: string, context: QuoteContext, range?: SearchRange): ExactMatch | null {
  if (quote.length === 0 || quote.length > text.length) return null;
  const from = clamp(range?.from ?? 0, 0, text.length);
  const to = clamp(range?.to ?? text.length, 0, text.length);
  if (to - from < quote.length) return null;
  // A slice is a view in the engines we run on, and bounds indexOf to the window.
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  let best: ExactMatch | null = null;
  for (let at = part.indexOf(quote); at !== -1; at = part.indexOf(quote, at + 1)) {
    const start = from + at;
    const end = start + quote.length;
    const prefix = prefixAgreement(text, start, context.prefix);
    const suffix = suffixAgreement(text, end, context.suffix);
    const score = weighted(1, prefix, suffix, positionScore(text, start, context.hint));
    if (best === null || score > best.score) best = { start, end, errors: 0, score, agreement: (prefix + suffix) / 2 };
  }
  return best;
}

/**
 * The approximate occurrence of `quote` within `range` (default: the whole text) with the best
 * score, or null when none is close enough (see matchFuzzyQuote). Costs time in proportion to
 * the range's length, times the edits allowed over 32.
 */
export function findFuzzy(text: string, quote: string, context: QuoteContext, range?: SearchRange): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const from = clamp(range?.from ?? 0, 0, text.length);
  const to = clamp(range?.to ?? text.length, 0, text.length);
  if (to <= from) return null;
  let best: QuoteMatch | null = null;
  for (const found of search(text.slice(from, to), quote, maxFuzzyErrors(quote))) {
    const candidate = scoreFuzzy(text, quote, context, from + found.start, from + found.end, found.errors);
    if (candidate !== null && (best === null || candidate.score > best.score)) best = candidate;
  }
  return best;
}

/** The most edits a fuzzy match of `quote` may have: a quarter of its length, at least 1, at most 64. */
export function maxFuzzyErrors(quote: string): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.max(1, Math.floor(quote.length / 4)));
}

function scoreFuzzy(
  text: string,
  quote: string,
  context: QuoteContext,
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
  return { start, end, errors, score: weighted(quoteScore, prefix, suffix, positionScore(text, start, context.hint)) };
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
