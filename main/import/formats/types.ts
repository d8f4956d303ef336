/**
 * What the format readers hand to the article builder: the document's content as HTML (for the
 * HTML-to-article converter, which sanitizes it) or as plain text (for the plain-text parser),
 * the metadata the file itself carries, and anything the user should know about what was left
 * out. Text in an encoding that cannot be known for sure comes back as `needs-encoding`, with a
 * guess and a preview, for the user to confirm before the import is run again.
 */

/** The kinds of file Claimdesk imports. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** Metadata found in the file. Every field is optional: absent means "the file does not say". */
export interface ExtractedMeta {
  title?: string;
  author?: string;
  publication?: string;
  /** `YYYY-MM-DD`. */
  publishedOn?: string;
  /** The canonical address of the article: http(s) only. */
  url?: string;
  /** A BCP 47 language tag, such as `en` or `pt-BR`. */
  language?: string;
}

/** The content of a document: HTML to be sanitized and converted, or plain text. */
export type ExtractedContent =
  | { kind: 'html'; html: string; baseUrl: string | null }
  | { kind: 'text'; text: string };

/** The outcome of reading a file that is not refused. */
export type Extracted =
  | {
      readonly status: 'ok';
      readonly format: ImportFormat;
      readonly content: ExtractedContent;
      readonly meta: ExtractedMeta;
      /** Sentences for the user about what was dropped or guessed. */
      readonly warnings: readonly string[];
    }
  | {
      readonly status: 'needs-encoding';
      /** The most likely encoding (a WHATWG encoding name, as `TextDecoder` reports it). */
      readonly guess: string;
      /** Encodings to offer, the guess first; each decodes the file without error. */
      readonly candidates: readonly string[];
      /** The first characters of the file decoded with the guess. */
      readonly preview: string;
    };

/** A successful extraction without its status, as each reader returns it. */
export type ExtractedDocument = Omit<Extract<Extracted, { status: 'ok' }>, 'status'>;
