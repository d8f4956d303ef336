/**
 * Documents. A document's text is a ProseMirror document (see `article/schema.ts`) stored as
 * JSON. Its *plain text* is the text of its blocks joined by a blank line ("\n\n"); every offset
 * in the domain is a UTF-16 code-unit offset into that plain text. (The W3C export converts to
 * code points, as the Web Annotation model asks.)
 */

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

/** Largest article text accepted, in UTF-16 code units of plain text. */
export const MAX_ARTICLE_CHARS = 5_000_000;
/** Largest file accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
