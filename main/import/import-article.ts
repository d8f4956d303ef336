/**
 * Importing an article into a project: bytes or text in, one new document out, or an
 * `AppError` that names the problem — in which case the project is untouched (the document is
 * only written once parsing has fully succeeded, in one transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MAX_IMPORT_BYTES, type DocumentSummary } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { decodeText } from '../../shared/import/decode-text';
import { parsePlainText } from '../../shared/import/parse-plain-text';
import { createDocument } from '../store/documents';

/** File extensions the importer accepts today. */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.text'] as const;

function checkExtension(fileName: string | null): void {
  if (fileName === null) return;
  const ext = path.extname(fileName).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError('bad-file', `"${path.basename(fileName)}" is not a plain-text file. Claimdesk imports .txt articles.`);
  }
}

/** Imports already-decoded text (a paste) as a new document. */
export function importText(db: Database.Database, text: string, fileName: string | null, origin: string | null = null): DocumentSummary {
  const parsed = parsePlainText(text, fileName === null ? null : path.basename(fileName));
  return createDocument(db, { meta: parsed.meta, body: parsed.body, plainText: parsed.plainText, origin });
}

/** Imports the bytes of a dropped or picked file as a new document. */
export function importBytes(db: Database.Database, bytes: Uint8Array, fileName: string | null): DocumentSummary {
  checkExtension(fileName);
  const label = fileName === null ? 'The file' : `"${path.basename(fileName)}"`;
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.kind, `${label}: ${error.message}`);
    throw error;
  }
  return importText(db, text, fileName);
}

/** Imports a file from disk, checking its size before reading it. */
export function importFile(db: Database.Database, file: string): DocumentSummary {
  checkExtension(file);
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('bad-file', `"${path.basename(file)}" is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not-found', `"${path.basename(file)}" could not be read.`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('too-large', `"${path.basename(file)}" is ${(size / 1024 / 1024).toFixed(1)} MB; Claimdesk imports articles up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return importBytes(db, new Uint8Array(fs.readFileSync(file)), file);
}
