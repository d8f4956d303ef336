/**
 * Tags form a hierarchical vocabulary ("Casualties › Deaths") with colours. A tag can be
 * renamed, moved under another, merged into another, and deleted — a delete says where its
 * claims go (another tag, or nowhere). Free tags are tags created on the fly from the form.
 */

/** A tag of the vocabulary. */
export interface Tag {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  /** `#rrggbb`, or null to inherit the parent's colour. */
  readonly color: string | null;
  /** Names from the root, e.g. ["Casualties", "Deaths"]. */
  readonly path: readonly string[];
  readonly claimCount: number;
}
