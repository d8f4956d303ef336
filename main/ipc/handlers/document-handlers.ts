/** The library: listing, opening, importing and describing documents. */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BatchImportReport, Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/result';
import { isSafeExternalUrl } from '../../security/navigation';
import { importText } from '../../import/import-article';
import { importFileBytes, importPastedHtml, readImportFile } from '../../import/import-document';
import { SAMPLE_ARTICLE, SAMPLE_FILE_NAME, SAMPLE_ORIGIN } from '../../sample/sample-article';
import { findDocumentByOrigin, getDocument, listDocuments, updateDocumentMeta } from '../../store/documents';
import type { HandlerContext } from '../handler-context';

type DocumentHandlers = Pick<
  Handlers,
  | 'project:info'
  | 'documents:list'
  | 'documents:get'
  | 'documents:importText'
  | 'documents:importBytes'
  | 'documents:importDialog'
  | 'documents:importHtml'
  | 'documents:importPending'
  | 'documents:openSample'
  | 'documents:updateMeta'
  | 'links:open'
>;

/**
 * Files picked in main's dialog that wait for the user to confirm their encoding are held by
 * token; the oldest are let go beyond these bounds (the user is then asked to import again).
 */
const MAX_PENDING_FILES = 50;
const MAX_PENDING_BYTES = 100 * 1024 * 1024;

/** The document handlers. */
export function documentHandlers({ db, projectPath, dialogs, importer, notify, files }: HandlerContext): DocumentHandlers {
  const pending = new Map<string, { bytes: Uint8Array; fileName: string }>();
  const hold = (bytes: Uint8Array, fileName: string): string => {
    const token = randomUUID();
    pending.set(token, { bytes, fileName });
    const heldBytes = () => [...pending.values()].reduce((sum, file) => sum + file.bytes.byteLength, 0);
    while (pending.size > 1 && (pending.size > MAX_PENDING_FILES || heldBytes() > MAX_PENDING_BYTES)) pending.delete(pending.keys().next().value as string);
    return token;
  };

  return {
    'project:info': () => ({ path: projectPath, name: path.basename(projectPath, path.extname(projectPath)) }),
    'documents:list': () => listDocuments(db),
    'documents:get': ({ id }) => getDocument(db, id),
    'documents:importText': ({ text, fileName }) => importText(db, text, fileName),
    'documents:importBytes': ({ bytes, fileName, encoding }) =>
      importFileBytes(db, importer, bytes, fileName ?? 'article.txt', encoding === undefined ? {} : { encoding }),
    'documents:importHtml': ({ html, title }) => importPastedHtml(db, importer, html, title),
    'documents:importPending': async ({ token, encoding }) => {
      const held = pending.get(token);
      if (held === undefined) throw new AppError('not-found', 'That file is no longer waiting to be imported. Import it again.');
      const outcome = await importFileBytes(db, importer, held.bytes, held.fileName, { encoding, token });
      if (outcome.status === 'imported') pending.delete(token);
      return outcome;
    },
    'documents:importDialog': async ({ taskId }) => {
      const files = await dialogs.pickImportFiles();
      if (files.length === 0) return null;
      const report: { imported: BatchImportReport['imported'][number][]; refused: BatchImportReport['refused'][number][]; needsEncoding: BatchImportReport['needsEncoding'][number][] } = {
        imported: [],
        refused: [],
        needsEncoding: [],
      };
      for (const [i, file] of files.entries()) {
        const fileName = path.basename(file);
        notify({ type: 'progress', taskId, done: i, total: files.length, label: `Importing ${fileName.slice(0, 120)} (${i + 1} of ${files.length})…` });
        try {
          const bytes = readImportFile(file);
          const outcome = await importFileBytes(db, importer, bytes, fileName, { token: null });
          if (outcome.status === 'imported') report.imported.push({ fileName, document: outcome.document, warnings: outcome.warnings });
          else report.needsEncoding.push({ ...outcome, token: hold(bytes, fileName) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          report.refused.push({ fileName, message: error.message });
        }
      }
      notify({ type: 'progress', taskId, done: files.length, total: files.length, label: 'Imported.' });
      return report;
    },
    'documents:openSample': () => findDocumentByOrigin(db, SAMPLE_ORIGIN) ?? importText(db, SAMPLE_ARTICLE, SAMPLE_FILE_NAME, SAMPLE_ORIGIN),
    'documents:updateMeta': ({ id, meta }) => updateDocumentMeta(db, id, meta),
    'links:open': async ({ url }) => {
      // The one external-link policy of the app: https: and mailto: only, parsed, never by prefix.
      if (!isSafeExternalUrl(url)) throw new AppError('forbidden', 'Claimdesk opens only https: and mailto: links in your browser or mail program.');
      // What was checked is what is opened: the parser's own form of the address.
      const href = new URL(url).href;
      await files.openUrl(href);
      return href;
    },
  };
}
