/** The library: listing, opening, importing and describing documents. */
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { importBytes, importFile, importText } from '../../import/import-article';
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
  | 'documents:openSample'
  | 'documents:updateMeta'
>;

/** The document handlers. */
export function documentHandlers({ db, projectPath, dialogs }: HandlerContext): DocumentHandlers {
  return {
    'project:info': () => ({ path: projectPath, name: path.basename(projectPath, path.extname(projectPath)) }),
    'documents:list': () => listDocuments(db),
    'documents:get': ({ id }) => getDocument(db, id),
    'documents:importText': ({ text, fileName }) => importText(db, text, fileName),
    'documents:importBytes': ({ bytes, fileName }) => importBytes(db, bytes, fileName),
    'documents:importDialog': async () => {
      const file = await dialogs.pickImportFile();
      return file === null ? null : importFile(db, file);
    },
    'documents:openSample': () => findDocumentByOrigin(db, SAMPLE_ORIGIN) ?? importText(db, SAMPLE_ARTICLE, SAMPLE_FILE_NAME, SAMPLE_ORIGIN),
    'documents:updateMeta': ({ id, meta }) => updateDocumentMeta(db, id, meta),
  };
}
