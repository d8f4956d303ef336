/**
 * The order claims are numbered in, everywhere: the claims panel, the reports and every export
 * format. By where they start; of two starting at the same place, the longer (enclosing) one
 * first, as a reader meets it first; then by id, so the order is total.
 */
import type { Claim } from './claim';

type Placed = Pick<Claim, 'id'> & { readonly anchor: Pick<Claim['anchor'], 'start' | 'end'> };

/** Compares two claims in reading order (for `Array.prototype.sort`). */
export function readingOrder(a: Placed, b: Placed): number {
  return a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end || a.id - b.id;
}
