/**
 * Versions of an article. News articles change after publication: a death toll is revised, a
 * quote is corrected or removed. A new version is imported as a document of its own and then
 * linked to the previous one; the two stay side by side, dated, in one *series*.
 *
 * Linking carries every live claim of the previous version over to the new one, re-anchored on
 * the new text (position, then exact quote, then approximate quote). A claim whose quote is
 * still there word for word, with the same words around it in its paragraph, carries over
 * untouched. Every other claim gets a row in the new version's *changes queue*:
 *
 * - `changed`: the quote was found only approximately — its wording changed ("38 people" →
 *   "41 people"); the claim now quotes the new wording;
 * - `moved`: the quote is there word for word, but elsewhere or with other words around it;
 * - `vanished`: the quote was not found; the claim is kept unplaced (an orphan) on the new
 *   version, never dropped.
 *
 * The user resolves each row: confirms the new placement, attaches the claim to a selected
 * passage, or retires it (the claim on the new version goes to the bin). Attaching and
 * retiring are changes of the claim recorded in the history; undoing them there puts the row
 * back in the queue.
 */
import type { DocumentSummary } from './document';

/** Why a carried-over claim needs a look. */
export const VERSION_CHANGE_KINDS = ['changed', 'moved', 'vanished'] as const;
export type VersionChangeKind = (typeof VERSION_CHANGE_KINDS)[number];

/** How a row of the changes queue was resolved. */
export const VERSION_RESOLUTIONS = ['confirmed', 'reattached', 'retired'] as const;
export type VersionResolution = (typeof VERSION_RESOLUTIONS)[number];

/** What the user can do with a row of the queue besides attaching it to a selection. */
export const VERSION_ACTIONS = ['confirm', 'retire', 'reopen'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

/** What linking a document as a new version did. */
export interface VersionLinkReport {
  /** The new version. */
  readonly documentId: number;
  /** The version it follows. */
  readonly previousId: number;
  readonly seriesId: number;
  /** The new version's number in its series. */
  readonly version: number;
  /** Claims carried over (the previous version's live claims), each a new claim on the new version. */
  readonly carried: number;
  /** Carried over untouched: the same words in the same surroundings; no queue row. */
  readonly unchanged: number;
  readonly moved: number;
  readonly changed: number;
  readonly vanished: number;
}

/** A run of words in a word-level comparison: in both texts, only in the new one, or only in the old one. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** A quote with the text around it, within its paragraph. */
export interface QuotedPassage {
  readonly prefix: string;
  readonly exact: string;
  readonly suffix: string;
}

/** A row of the changes queue of a version. */
export interface VersionChange {
  readonly id: number;
  readonly kind: VersionChangeKind;
  /** The claim on this version. */
  readonly claimId: number;
  /** The claim it was carried over from, on the previous version. */
  readonly previousClaimId: number;
  readonly previousDocumentId: number;
  /** How the quote was found on this version when the claim was carried over; null when it was not. */
  readonly method: 'position' | 'quote' | 'fuzzy' | null;
  /** The passage on the previous version. */
  readonly before: QuotedPassage;
  /** The claim's passage on this version now; null while the claim is unplaced (its quote is not in the text). */
  readonly after: QuotedPassage | null;
  /** Word-level comparison of the quote before and after (only removals when unplaced). */
  readonly quoteDiff: readonly DiffPart[];
  /** Word-level comparison of the whole passage, quote and surroundings, before and after. */
  readonly passageDiff: readonly DiffPart[];
  /**
   * How the row was resolved, or null while it waits. A resolution whose change was undone
   * in the history counts as not resolved.
   */
  readonly resolution: VersionResolution | null;
  readonly resolvedBy: { readonly id: number; readonly name: string } | null;
  readonly resolvedAt: string | null;
  /** True while the claim on this version is in the bin. */
  readonly claimInBin: boolean;
}

/** One paragraph of a comparison of two versions. */
export interface ParagraphDiff {
  /** `changed`: a paragraph of the old version rewritten in the new one; its parts say how. */
  readonly kind: 'same' | 'added' | 'removed' | 'changed';
  readonly parts: readonly DiffPart[];
}

/** What changed between two versions of a series, paragraph by paragraph, in the new version's order. */
export interface VersionComparison {
  readonly from: DocumentSummary;
  readonly to: DocumentSummary;
  readonly paragraphs: readonly ParagraphDiff[];
  /** Words added and removed in all. */
  readonly wordsAdded: number;
  readonly wordsRemoved: number;
}
