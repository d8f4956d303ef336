/**
 * Importing W3C Web Annotations (our own export, Hypothesis, Recogito…) into a document: each
 * annotation with a text quote becomes a claim, placed on the document's text by position,
 * then by quote, then by an approximate quote. What the import did is reported back, so the
 * user can check the approximate placements and attach what was not found.
 */

/** What an annotation import did. Annotations are numbered by `index`, their 0-based place in the file. */
export interface AnnotationImportReport {
  readonly documentId: number;
  readonly fileName: string;
  /** Annotations in the file that target text with a quote. */
  readonly total: number;
  /** Claims created. */
  readonly created: number;
  /** Annotations already imported into this document before (same annotation id), skipped. */
  readonly duplicates: number;
  /** How the created claims were placed. */
  readonly anchoredBy: { readonly position: number; readonly quote: number; readonly fuzzy: number };
  /** Claims created whose quote could not be found in the text: kept, listed, to be attached by the user. */
  readonly orphans: readonly { readonly claimId: number; readonly exact: string }[];
  /** Annotations that could not become claims (no text quote, replies, page notes…), with why, in words. */
  readonly skipped: readonly { readonly index: number; readonly reason: string }[];
  /** Things the user should know (e.g. a verdict label not on this project's scale, a tag created). */
  readonly warnings: readonly string[];
  /** Ids of the claims created, in file order. */
  readonly claimIds: readonly number[];
}

/** Most annotations one file may hold. */
export const MAX_IMPORT_ANNOTATIONS = 50_000;
