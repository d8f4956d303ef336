/**
 * Documents (articles) of a project: the library list, one document with its body, import and
 * metadata edits. The body is ProseMirror JSON, stored as text and parsed on the way out.
 */
import type { Database } from 'better-sqlite3';
import { isLanguageTag, SOURCE_FORMATS, type DocumentMeta, type DocumentRecord, type DocumentSummary, type SourceFormat } from '../../shared/domain';
import { checkArticleBody } from '../../shared/article/check-body';
import { AppError } from '../../shared/result';
import { DOCUMENT_SUMMARY_COLUMNS, NOW_SQL, toDocumentSummary, type DocumentSummaryRow } from './rows';
import { blankToNull, invalid, oneOf } from './validate';

/** What an import hands to createDocument. */
export interface NewDocument {
  readonly meta: DocumentMeta;
  /** ProseMirror JSON of the article. */
  readonly body: unknown;
  /** The plain text claim anchors will refer to. */
  readonly plainText: string;
  /** Where it came from, e.g. 'sample:1'; see findDocumentByOrigin. */
  readonly origin?: string | null;
  /** The article's language as a BCP 47 tag ('en', 'pt-BR'), when the importer knows it. */
  readonly language?: string | null;
  /** The format the article was imported from. */
  readonly sourceFormat?: SourceFormat | null;
}

/**
 * Every document, newest first, each with its count of live claims — every version of every
 * series (the library shows the latest of each; see DocumentSummary.versionCount).
 */
export function listDocuments(db: Database): DocumentSummary[] {
  return db
    .prepare<[], DocumentSummaryRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d ORDER BY d.created_at DESC, d.id DESC`,
    )
    .all()
    .map(toDocumentSummary);
}

/** One document with its body and plain text; AppError('not-found') if there is none. */
export function getDocument(db: Database, id: number): DocumentRecord {
  const row = db
    .prepare<[number], DocumentSummaryRow & { body_json: string; plain_text: string }>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS}, d.body_json, d.plain_text FROM documents d WHERE d.id = ?`,
    )
    .get(id);
  if (row === undefined) throw notFound();
  return { ...toDocumentSummary(row), body: JSON.parse(row.body_json) as unknown, plainText: row.plain_text };
}

/**
 * Stores a new document, version 1 of a series of its own, and returns its summary. Meta text
 * is trimmed, blanks become null; AppError('invalid-argument') for a blank title, a body that
 * is not JSON-serialisable, a language that is not a BCP 47 tag or an unknown source format.
 */
export function createDocument(db: Database, input: NewDocument): DocumentSummary {
  const title = blankToNull(input.meta.title);
  if (title === null) throw new AppError('invalid-argument', 'A document needs a title.');
  const bodyJson = JSON.stringify(input.body) as string | undefined;
  if (bodyJson === undefined) throw new AppError('invalid-argument', 'The document has no body.');
  // Whoever built the body (an importer, a test), it must be a valid article — links only
  // http(s)/mailto — whose plain text is the one claims will be anchored to.
  checkArticleBody(input.body, input.plainText);
  const language = checkLanguage(input.language);
  const sourceFormat = input.sourceFormat === null || input.sourceFormat === undefined ? null : oneOf(input.sourceFormat, SOURCE_FORMATS, 'The source format');
  return db.transaction(() => {
    const id = db
      .prepare<unknown[], number>(
        `INSERT INTO documents (title, publication, author, url, published_on, body_json, plain_text, origin, language, source_format)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        title,
        blankToNull(input.meta.publication),
        blankToNull(input.meta.author),
        blankToNull(input.meta.url),
        blankToNull(input.meta.publishedOn),
        bodyJson,
        input.plainText,
        input.origin ?? null,
        language,
        sourceFormat,
      ) as number;
    return getDocumentSummary(db, id);
  })();
}

/** Column of each editable meta field. Identifiers come from here, never from input. */
const META_COLUMNS: Record<keyof DocumentMeta, string> = {
  title: 'title',
  publication: 'publication',
  author: 'author',
  url: 'url',
  publishedOn: 'published_on',
};

/**
 * Changes the given meta fields only (a key that is absent or undefined is left alone) and
 * bumps updated_at; with nothing to change, returns the summary untouched.
 * AppError 'not-found', or 'invalid-argument' for a blank title.
 */
export function updateDocumentMeta(db: Database, id: number, patch: Partial<DocumentMeta>): DocumentSummary {
  const keys = (Object.keys(META_COLUMNS) as (keyof DocumentMeta)[]).filter((key) => patch[key] !== undefined);
  const values = keys.map((key) => blankToNull(patch[key]));
  if (keys.includes('title') && values[keys.indexOf('title')] === null) {
    throw new AppError('invalid-argument', 'A document needs a title.');
  }
  return db.transaction(() => {
    if (keys.length > 0) {
      const assignments = keys.map((key) => `${META_COLUMNS[key]} = ?`).join(', ');
      const { changes } = db
        .prepare(`UPDATE documents SET ${assignments}, updated_at = ${NOW_SQL} WHERE id = ?`)
        .run(...values, id);
      if (changes === 0) throw notFound();
    }
    return getDocumentSummary(db, id);
  })();
}

/** The newest document imported from `origin` (e.g. 'sample:1'), or null. */
export function findDocumentByOrigin(db: Database, origin: string): DocumentSummary | null {
  const row = db
    .prepare<[string], DocumentSummaryRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d WHERE d.origin = ? ORDER BY d.id DESC LIMIT 1`,
    )
    .get(origin);
  return row === undefined ? null : toDocumentSummary(row);
}

/** The summary of one document; AppError('not-found') if there is none. */
export function getDocumentSummary(db: Database, id: number): DocumentSummary {
  const row = db
    .prepare<[number], DocumentSummaryRow>(`SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`)
    .get(id);
  if (row === undefined) throw notFound();
  return toDocumentSummary(row);
}

function checkLanguage(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const tag = typeof value === 'string' ? value.trim() : '';
  if (tag === '') return null;
  if (!isLanguageTag(tag)) invalid(`"${String(value)}" is not a language tag such as "en" or "pt-BR".`);
  return tag;
}

function notFound(): AppError {
  return new AppError('not-found', 'This document does not exist (it may have been deleted).');
}
