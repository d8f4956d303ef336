/**
 * Bridges stored claims (selectors over the plain text) and the editor (ProseMirror
 * positions): re-anchors claims on open, and describes a selection as a new anchor.
 */
import type { Node } from 'prosemirror-model';
import type { Claim, TextAnchor, Verdict } from '../../shared/domain';
import { readingOrder } from '../../shared/domain/reading-order';
import { anchorAll } from '../../shared/anchoring';
import { describeRange } from '../../shared/anchoring/describe';
import { buildTextIndex, offsetToPos, plainTextOf, posToOffset } from '../../shared/article/plain-text';
import type { Highlight } from './highlights';

/** The claims of a document, placed: highlights for those found, ids of the orphans. */
export interface PlacedClaims {
  readonly highlights: Highlight[];
  readonly orphans: number[];
}

/** A short label for a claim's highlight and list entry. */
export function claimLabel(number: number, claim: Claim, verdicts: ReadonlyMap<number, Verdict>): string {
  const verdict = verdicts.get(claim.verdictId)?.label ?? 'Unknown verdict';
  return `Claim ${number} · ${verdict} · ${claim.confidence}% confidence`;
}

/** Where a claim with the stored offsets `start`–`end` was placed: editor positions `from`–`to`, or `from` −1 for an orphan. */
interface Placement {
  readonly start: number;
  readonly end: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Placements already made on each document, by claim id. A document's text never changes (a
 * new version is a new document), so a claim with the same stored offsets lands in the same
 * place: editing one claim of 20,000 re-places that one, and a quote that is not in the text
 * (an orphan, whose search covers the whole article) is not searched for again.
 */
const placements = new WeakMap<Node, Map<number, Placement>>();

/** What placeClaims may be given instead of working it out. */
export interface PlaceOptions {
  /** The claims' numbers (see claimNumbers): those of all the document's claims when only some are placed. By default, those of the claims placed. */
  readonly numbers?: ClaimNumbers;
  /** The document's plain text as stored (the store checks it is `plainTextOf(doc)`); worked out from `doc` when absent. */
  readonly text?: string;
}

/** Re-anchors every claim on the document; what cannot be found is an orphan, never dropped. */
export function placeClaims(doc: Node, claims: readonly Claim[], verdicts: ReadonlyMap<number, Verdict>, options: PlaceOptions = {}): PlacedClaims {
  const numbers = options.numbers ?? claimNumbers(claims);
  let known = placements.get(doc);
  if (!known) placements.set(doc, (known = new Map()));
  const placedAs = (claim: Claim) => {
    const p = known.get(claim.id);
    return p !== undefined && p.start === claim.anchor.start && p.end === claim.anchor.end ? p : undefined;
  };
  const unplaced = claims.filter((c) => placedAs(c) === undefined);
  if (unplaced.length > 0) {
    const index = buildTextIndex(doc);
    // `anchored` keeps the order of its input, and every claim not in it is an orphan.
    const { anchored } = anchorAll(options.text ?? plainTextOf(doc), unplaced);
    let next = 0;
    for (const { id, anchor } of unplaced) {
      const a = anchored[next];
      if (a !== undefined && a.id === id) {
        known.set(id, { start: anchor.start, end: anchor.end, from: offsetToPos(index, a.start, 'start'), to: offsetToPos(index, a.end, 'end') });
        next += 1;
      } else {
        known.set(id, { start: anchor.start, end: anchor.end, from: -1, to: -1 });
      }
    }
  }
  const highlights: Highlight[] = [];
  const orphans: number[] = [];
  for (const claim of claims) {
    const at = placedAs(claim);
    if (at === undefined || at.from < 0) {
      orphans.push(claim.id);
      continue;
    }
    highlights.push({ claimId: claim.id, from: at.from, to: at.to, verdictId: claim.verdictId, label: claimLabel(numbers.get(claim.id) ?? 0, claim, verdicts) });
  }
  return { highlights, orphans };
}

/** Documents with more claims than this place those near the top first (see claimsToPlaceFirst). */
export const PLACE_FIRST_ABOVE = 2_000;
/** Characters of text from the top whose claims are placed first: more than the first window of highlights draws. */
export const FIRST_PLACED_CHARS = 8_000;

/**
 * The claims to place when a document opens, before its first frame: all of them, or, for a
 * document with more than PLACE_FIRST_ABOVE claims, those starting in its first
 * FIRST_PLACED_CHARS characters — what the article shows first. Placing 20,000 claims takes
 * longer than drawing the article; the caller places the rest when the browser is idle. Claims
 * not yet placed are neither highlighted nor orphans. Returns `claims` itself when all are to
 * be placed.
 */
export function claimsToPlaceFirst(claims: readonly Claim[]): readonly Claim[] {
  return claims.length > PLACE_FIRST_ABOVE ? claims.filter((c) => c.anchor.start < FIRST_PLACED_CHARS) : claims;
}

/** The number of each claim of a document, by claim id (see claimNumbers); undefined for a claim not numbered. */
export interface ClaimNumbers {
  get(id: number): number | undefined;
}

/** Ids up to this many times the number of claims (plus a margin) are numbered in an array indexed by id. */
const DENSE_IDS_FACTOR = 8;

/**
 * Claims are numbered in reading order (see shared/domain/reading-order.ts). Numbering runs on
 * every opening, for every claim of the document (20,000 in a long one), and so mostly as cold
 * code, before the engine has optimised it: it is written as plain loops over the claims, with
 * no call and no allocation per claim. The numbers are kept in an array indexed by claim id,
 * which fills several times faster than a Map, unless the ids are too sparse for it.
 */
export function claimNumbers(claims: readonly Claim[]): ClaimNumbers {
  const n = claims.length;
  let maxId = 0;
  let sortedByStart = true;
  /** Indexes of claims starting where the claim before them starts. */
  const ties: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const claim = claims[i]!;
    if (claim.id > maxId) maxId = claim.id;
    if (i > 0) {
      const previous = claims[i - 1]!.anchor.start;
      if (previous > claim.anchor.start) sortedByStart = false;
      else if (previous === claim.anchor.start) ties.push(i);
    }
  }
  // The store lists a document's claims by start, where reading order differs only among claims
  // starting at the same place: those are numbered in list order first, then each run again in
  // reading order. A list not sorted by start is sorted whole (20,000 claims take ~20 ms).
  const order = sortedByStart ? claims : [...claims].sort(readingOrder);
  const runs = sortedByStart ? runsInReadingOrder(claims, ties) : [];
  if (maxId > DENSE_IDS_FACTOR * n + 1024) {
    const numbers = new Map<number, number>();
    for (let i = 0; i < n; i += 1) numbers.set(order[i]!.id, i + 1);
    for (const { first, run } of runs) run.forEach((claim, k) => numbers.set(claim.id, first + k + 1));
    return numbers;
  }
  const byId = new Uint32Array(maxId + 1);
  for (let i = 0; i < n; i += 1) byId[order[i]!.id] = i + 1;
  for (const { first, run } of runs) run.forEach((claim, k) => (byId[claim.id] = first + k + 1));
  return { get: (id) => byId[id] || undefined };
}

/**
 * The runs of claims starting at the same place in a list sorted by start, each in reading order
 * with the index of its first claim; `ties` are the indexes of claims starting where the claim
 * before them starts (see claimNumbers).
 */
function runsInReadingOrder(claims: readonly Claim[], ties: readonly number[]): { readonly first: number; readonly run: readonly Claim[] }[] {
  const runs: { first: number; run: Claim[] }[] = [];
  for (let k = 0; k < ties.length; ) {
    const first = ties[k]! - 1;
    let end = ties[k]! + 1;
    k += 1;
    while (k < ties.length && ties[k] === end) {
      end += 1;
      k += 1;
    }
    runs.push({ first, run: claims.slice(first, end).sort(readingOrder) });
  }
  return runs;
}

/**
 * Describes the text between two editor positions as a new anchor, with surrounding white
 * space trimmed off; null when the selection holds no text.
 */
export function anchorForSelection(doc: Node, from: number, to: number): TextAnchor | null {
  const text = plainTextOf(doc);
  const index = buildTextIndex(doc);
  let start = posToOffset(index, from);
  let end = posToOffset(index, to);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return describeRange(text, start, end);
}
