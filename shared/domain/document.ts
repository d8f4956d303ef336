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

/** The formats an article can be imported from ('paste': text typed or pasted into the app). */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'docx', 'pdf', 'paste'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Longest language tag accepted (BCP 47 allows 35 characters for the common forms). */
export const MAX_LANGUAGE_TAG = 35;

/**
 * Whether `tag` has the shape of a BCP 47 language tag ("en", "pt-BR", "zh-Hant-TW"): a
 * language of 2–8 letters, then subtags of 1–8 letters or digits. The registry itself is not
 * consulted.
 */
export function isLanguageTag(tag: string): boolean {
  return tag.length <= MAX_LANGUAGE_TAG && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u.test(tag);
}

/**
 * A row of the library. Every document is one version of a *series*: an article imported once
 * is version 1 of a series of its own; importing it again after it changed and linking the new
 * document to the old one (see `versions.ts`) makes it version 2 of the same series.
 */
export interface DocumentSummary extends DocumentMeta {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly claimCount: number;
  /** The id of the series' first version (the document's own id for version 1). */
  readonly seriesId: number;
  /** 1 for the first version of the series, then 2, 3… */
  readonly version: number;
  /** How many versions the series has; the document is the latest when `version === versionCount`. */
  readonly versionCount: number;
  /** The article's language as a BCP 47 tag, when the importer knew it. */
  readonly language: string | null;
  /** The format the article was imported from, when known (null for documents imported before formats were recorded). */
  readonly sourceFormat: SourceFormat | null;
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
