/**
 * Importing article files of every format: the bytes are read by the import worker (off the
 * main thread, under limits), and only a fully read article is stored, in one transaction —
 * a refused file leaves the project exactly as it was.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MAX_IMPORT_BYTES, type DocumentSummary } from '../../shared/domain';
import type { ImportOutcome } from '../../shared/ipc/contract';
import { AppError } from '../../shared/result';
import { createDocument } from '../store/documents';
import { readPickedFile } from './read-picked-file';
import type { ArticleImporter } from './worker/import-host';
import type { ImportedArticle, ImportJobRequest } from './worker/import-job';

/** How many bytes of a file that needs an encoding are sent along for previews. */
const SAMPLE_BYTES = 4096;

/** Stores an article the worker read. */
function store(db: Database.Database, article: ImportedArticle): DocumentSummary {
  return createDocument(db, {
    meta: article.meta,
    body: article.body,
    plainText: article.plainText,
    origin: null,
    language: article.language,
    sourceFormat: article.sourceFormat,
  });
}

/** Asks the worker to read `request`; AppError naming the file (`name`) when it cannot. */
async function readArticle(importer: ArticleImporter, request: ImportJobRequest, name: string, label: string) {
  const result = await importer.read(request);
  if (result.status === 'error') {
    const { kind, message } = result.error;
    throw new AppError(kind, message.includes(name) ? message : `${label}: ${message}`);
  }
  return result;
}

/**
 * Imports the bytes of one file. An outcome of `needs-encoding` asks the user to confirm an
 * encoding (then call again with `encoding`); `token` is passed through for files main holds.
 */
export async function importFileBytes(
  db: Database.Database,
  importer: ArticleImporter,
  bytes: Uint8Array,
  fileName: string,
  options: { encoding?: string; token?: string | null } = {},
): Promise<ImportOutcome> {
  const name = path.basename(fileName);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('too-large', `“${name}” is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Claimdesk imports files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const result = await readArticle(importer, { kind: 'file', bytes, fileName: name, ...(options.encoding === undefined ? {} : { encoding: options.encoding }) }, name, `“${name}”`);
  if (result.status === 'needs-encoding') {
    const { guess, candidates, preview } = result;
    return { status: 'needs-encoding', fileName: name, guess, candidates, preview, sample: bytes.slice(0, SAMPLE_BYTES), token: options.token ?? null };
  }
  return { status: 'imported', document: store(db, result.article), warnings: result.article.warnings };
}

/** Imports HTML pasted from the clipboard (sanitised by the worker like a web page). */
export async function importPastedHtml(db: Database.Database, importer: ArticleImporter, html: string, title: string | null): Promise<DocumentSummary> {
  const result = await readArticle(importer, { kind: 'paste-html', html, title }, 'The pasted text', 'The pasted text');
  if (result.status !== 'ok') throw new AppError('bad-file', 'The pasted text could not be read.');
  return store(db, result.article);
}

/** The bytes of an article file picked in a dialog, refused before reading when it is not a file or too large. */
export function readImportFile(file: string): Uint8Array {
  return readPickedFile(file, MAX_IMPORT_BYTES, 'Claimdesk imports files of up to');
}
