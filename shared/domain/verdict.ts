/**
 * Verdict scales are per project. A default scale ships (migration 1); users rename, reorder,
 * recolour and add verdicts. A claim keeps its verdict when the scale is edited, and a verdict
 * in use cannot vanish silently: deleting it needs a verdict to move its claims to.
 */

/** A verdict on the project's scale. `key` is stable; label, colour and order may be edited. */
export interface Verdict {
  readonly id: number;
  readonly key: string;
  readonly label: string;
  /** CSS colour of the highlight, `#rrggbb`. */
  readonly color: string;
  /** Order on the scale, 1 = first. */
  readonly position: number;
  /** Live claims that carry this verdict. */
  readonly claimCount: number;
}

/** What a user edits on a verdict. */
export interface VerdictFields {
  readonly label: string;
  readonly color: string;
}
