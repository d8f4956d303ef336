/**
 * The domain of Claimdesk, as plain data that crosses the IPC boundary.
 *
 * A document's text is a ProseMirror document (see `article/schema.ts`) stored as JSON. Its
 * *plain text* is the text of its blocks joined by a blank line ("\n\n"); every offset in this
 * file is a UTF-16 code-unit offset into that plain text. (The W3C export converts to code
 * points, as the Web Annotation model asks.)
 *
 * A claim is anchored by W3C Web Annotation selectors on that plain text: a TextQuoteSelector
 * (exact, prefix, suffix) and a TextPositionSelector (start, end).
 */

/** The ways a claim can be attributed to its speaker. */
export const ATTRIBUTION_KINDS = ['direct-quote', 'paraphrase', 'according-to', 'anonymous'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

/** Labels shown to users for each attribution kind. */
export const ATTRIBUTION_LABELS: Record<AttributionKind, string> = {
  'direct-quote': 'Direct quote',
  paraphrase: 'Paraphrase',
  'according-to': 'According to',
  anonymous: 'Anonymous source',
};

/** A verdict on the project's scale. `key` is stable; label, colour and order may be edited. */
export interface Verdict {
  readonly id: number;
  readonly key: string;
  readonly label: string;
  /** CSS colour of the highlight, `#rrggbb`. */
  readonly color: string;
  readonly position: number;
}

/** Editable metadata of an article. Empty strings are stored as null. */
export interface DocumentMeta {
  readonly title: string;
  readonly publication: string | null;
  readonly author: string | null;
  readonly url: string | null;
  /** Publication date as `YYYY-MM-DD`. */
  readonly publishedOn: string | null;
}

/** A row of the library. */
export interface DocumentSummary extends DocumentMeta {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly claimCount: number;
}

/** A document with its body, as the renderer opens it. */
export interface DocumentRecord extends DocumentSummary {
  /** ProseMirror JSON of the article (schema in `article/schema.ts`). */
  readonly body: unknown;
  /** The plain text the selectors refer to. */
  readonly plainText: string;
}

/** W3C TextQuoteSelector + TextPositionSelector, flattened. */
export interface TextAnchor {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

/** Where a claim comes from. At least one of title, url or note is non-empty. */
export interface SourceRef {
  readonly title: string | null;
  readonly url: string | null;
  readonly note: string | null;
}

/** Who said it, and how. */
export interface Attribution {
  readonly speaker: string | null;
  readonly kind: AttributionKind;
}

/** The fields of a claim that a user edits in the claim form. */
export interface ClaimFields {
  readonly sources: readonly SourceRef[];
  readonly attribution: Attribution;
  readonly verdictId: number;
  /** 0–100. */
  readonly confidence: number;
  readonly note: string | null;
}

/** A claim as stored. `deletedAt` is set while the claim is in the bin (restorable). */
export interface Claim extends ClaimFields {
  readonly id: number;
  readonly documentId: number;
  readonly anchor: TextAnchor;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** Largest article text accepted, in UTF-16 code units of plain text. */
export const MAX_ARTICLE_CHARS = 5_000_000;
/** Largest file accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
