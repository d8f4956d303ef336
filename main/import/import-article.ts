/**
 * Importing plain text typed or pasted into the window (and the built-in sample): text in, one
 * new document out, or an `AppError` that names the problem — in which case the project is
 * untouched. Files of every format go through `import-document.ts` and the import worker.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DocumentSummary } from '../../shared/domain';
import { parsePlainText } from '../../shared/import/parse-plain-text';
import { createDocument } from '../store/documents';

/** Imports already-decoded text (a paste, or the sample when `origin` is given) as a new document. */
export function importText(db: Database.Database, text: string, fileName: string | null, origin: string | null = null): DocumentSummary {
  const parsed = parsePlainText(text, fileName === null ? null : path.basename(fileName));
  return createDocument(db, { meta: parsed.meta, body: parsed.body, plainText: parsed.plainText, origin, sourceFormat: origin === null ? 'paste' : 'text' });
}
