/**
 * The handler table: one plain function per channel of the contract, closed over the open
 * project. No Electron here: dialogs come in as a small interface, so the same handlers serve
 * the app and the test harness.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Handlers } from '../../shared/ipc/contract';
import { importBytes, importFile, importText } from '../import/import-article';
import { SAMPLE_ARTICLE, SAMPLE_FILE_NAME, SAMPLE_ORIGIN } from '../sample/sample-article';
import { createClaim, deleteClaim, listClaims, restoreClaim, updateClaim } from '../store/claims';
import { findDocumentByOrigin, getDocument, listDocuments, updateDocumentMeta } from '../store/documents';
import { listVerdicts } from '../store/verdicts';

/** The native dialogs main needs; Electron's in the app, scripted ones in tests. */
export interface Dialogs {
  /** Asks for an article file to import; resolves with its path, or null when cancelled. */
  pickImportFile(): Promise<string | null>;
}

export interface HandlerContext {
  readonly db: Database.Database;
  readonly projectPath: string;
  readonly dialogs: Dialogs;
}

/** Creates the handlers for one open project. */
export function createHandlers(ctx: HandlerContext): Handlers {
  const { db } = ctx;
  const handlers = {
    'project:info': () => ({ path: ctx.projectPath, name: path.basename(ctx.projectPath, path.extname(ctx.projectPath)) }),
    'documents:list': () => listDocuments(db),
    'documents:get': ({ id }) => getDocument(db, id),
    'documents:importText': ({ text, fileName }) => importText(db, text, fileName),
    'documents:importBytes': ({ bytes, fileName }) => importBytes(db, bytes, fileName),
    'documents:importDialog': async () => {
      const file = await ctx.dialogs.pickImportFile();
      return file === null ? null : importFile(db, file);
    },
    'documents:openSample': () => findDocumentByOrigin(db, SAMPLE_ORIGIN) ?? importText(db, SAMPLE_ARTICLE, SAMPLE_FILE_NAME, SAMPLE_ORIGIN),
    'documents:updateMeta': ({ id, meta }) => updateDocumentMeta(db, id, meta),
    'verdicts:list': () => listVerdicts(db),
    'claims:list': ({ documentId, includeDeleted }) => listClaims(db, documentId, { includeDeleted: includeDeleted ?? false }),
    'claims:create': ({ documentId, anchor, fields }) => createClaim(db, { documentId, anchor, fields }),
    'claims:update': ({ id, fields }) => updateClaim(db, id, fields),
    'claims:delete': ({ id }) => deleteClaim(db, id),
    'claims:restore': ({ id }) => restoreClaim(db, id),
  } satisfies Handlers;
  return handlers;
}
