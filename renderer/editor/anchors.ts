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

/** Where a claim was placed on a document: editor positions, or null for an orphan. */
type Placement = { readonly from: number; readonly to: number } | null;

/**
 * Placements already made on each document, by claim id and stored offsets. A document's text
 * never changes (a new version is a new document), so a claim with the same offsets lands in
 * the same place: editing one claim of 20,000 re-places that one, and a quote that is not in
 * the text (an orphan, whose search covers the whole article) is not searched for again.
 */
const placements = new WeakMap<Node, Map<string, Placement>>();
const placementKey = (claim: Claim) => `${claim.id}:${claim.anchor.start}:${claim.anchor.end}`;

/** Re-anchors every claim on the document; what cannot be found is an orphan, never dropped. */
export function placeClaims(doc: Node, claims: readonly Claim[], verdicts: ReadonlyMap<number, Verdict>): PlacedClaims {
  let known = placements.get(doc);
  if (!known) placements.set(doc, (known = new Map()));
  const unplaced = claims.filter((c) => !known.has(placementKey(c)));
  if (unplaced.length > 0) {
    const index = buildTextIndex(doc);
    const { anchored, orphans } = anchorAll(
      plainTextOf(doc),
      unplaced.map((c) => ({ id: c.id, anchor: c.anchor })),
    );
    const byId = new Map(unplaced.map((c) => [c.id, c]));
    for (const a of anchored) known.set(placementKey(byId.get(a.id)!), { from: offsetToPos(index, a.start, 'start'), to: offsetToPos(index, a.end, 'end') });
    for (const id of orphans) known.set(placementKey(byId.get(id)!), null);
  }
  const numbers = claimNumbers(claims);
  const highlights: Highlight[] = [];
  const orphans: number[] = [];
  for (const claim of claims) {
    const placed = known.get(placementKey(claim));
    if (!placed) {
      orphans.push(claim.id);
      continue;
    }
    highlights.push({ claimId: claim.id, from: placed.from, to: placed.to, verdictId: claim.verdictId, label: claimLabel(numbers.get(claim.id) ?? 0, claim, verdicts) });
  }
  return { highlights, orphans };
}

/** Claims are numbered in reading order (see shared/domain/reading-order.ts). */
export function claimNumbers(claims: readonly Claim[]): Map<number, number> {
  return new Map(inReadingOrder(claims).map((c, i) => [c.id, i + 1]));
}

/**
 * `claims` sorted in reading order. The store lists a document's claims by start already, where
 * reading order differs only among claims starting at the same place: those short runs are
 * sorted alone, and a list not sorted by start is sorted whole (20,000 claims take ~20 ms).
 */
function inReadingOrder(claims: readonly Claim[]): readonly Claim[] {
  for (let i = 1; i < claims.length; i += 1) if (claims[i - 1]!.anchor.start > claims[i]!.anchor.start) return [...claims].sort(readingOrder);
  const sorted = [...claims];
  for (let from = 0; from < sorted.length; ) {
    let to = from + 1;
    while (to < sorted.length && sorted[to]!.anchor.start === sorted[from]!.anchor.start) to += 1;
    if (to - from > 1) sorted.slice(from, to).sort(readingOrder).forEach((claim, k) => (sorted[from + k] = claim));
    from = to;
  }
  return sorted;
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
