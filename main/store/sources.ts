/**
 * The source library: one record per source, chosen by id wherever it is cited. Sources are
 * listed, searched (FTS over title, publisher, notes and URL) and sorted, edited, soft-deleted
 * and restored, and two duplicates merged into one without losing a link.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, Source, SourceFields, SourceSort } from '../../shared/domain';
import { SOURCE_SORTS } from '../../shared/domain';
import { CLAIM_COLUMNS, queryClaims } from './claim-read';
import { recordChange, recordDelete, recordDiff } from './history-log';
import { toFtsQuery } from './search';
import {
  SOURCE_COLUMNS,
  binSource,
  checkSourceFields,
  insertSource,
  mergeSourceRecords,
  sourceHistory,
  sourceRow,
  toSources,
  unbinSource,
  writeSourceFields,
  type SourceRow,
} from './source-record';
import { invalid, oneOf } from './validate';

/** ORDER BY of each sort. Identifiers come from here, never from input. */
const ORDER_BY: Record<SourceSort, string> = {
  title: 's.title COLLATE NOCASE, s.id',
  recent: 's.updated_at DESC, s.id DESC',
  'most-cited': 'claim_count DESC, s.title COLLATE NOCASE, s.id',
  reliability: `CASE s.reliability WHEN 'credible' THEN 0 WHEN 'mixed' THEN 1 WHEN 'not-credible' THEN 2 ELSE 3 END,
                s.title COLLATE NOCASE, s.id`,
};

/**
 * The library, sorted by `sort` (default title). `query` keeps the sources whose title,
 * publisher, notes or URL contain every word typed (the last as a prefix; a query without
 * words filters nothing). Sources in the bin
 * are left out unless `includeDeleted`.
 */
export function listSources(
  db: Database,
  q: { query?: string; sort?: SourceSort; includeDeleted?: boolean } = {},
): Source[] {
  const sort = oneOf(q.sort ?? 'title', SOURCE_SORTS, 'The sort order');
  const where: string[] = [];
  const params: unknown[] = [];
  if (!q.includeDeleted) where.push('s.deleted_at IS NULL');
  const match = q.query === undefined ? null : toFtsQuery(q.query);
  if (match !== null) {
    where.push('s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)');
    params.push(match);
  }
  const sql = `SELECT ${SOURCE_COLUMNS} FROM sources s ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY ${ORDER_BY[sort]}`;
  return toSources(db, db.prepare<unknown[], SourceRow>(sql).all(...params));
}

/** One source, live or in the bin, with its attachments; AppError('not-found'). */
export function getSource(db: Database, id: number): Source {
  return toSources(db, [sourceRow(db, id)])[0] as Source;
}

/**
 * Adds a source to the library. AppError('invalid-argument') for a missing title, a URL that
 * is not http(s), a badly written date or language, or an unknown type or reliability.
 */
export function createSource(db: Database, fields: SourceFields): Source {
  return db.transaction(() => getSource(db, insertSource(db, fields)))();
}

/** Replaces the fields of a live source. AppError 'not-found', or 'invalid-argument' (see createSource, or in the bin). */
export function updateSource(db: Database, id: number, fields: SourceFields): Source {
  const checked = checkSourceFields(fields);
  return db.transaction(() => {
    const before = sourceHistory.snapshot(db, id);
    if (before.deletedAt !== null) invalid('This source is in the bin; restore it before editing it.');
    writeSourceFields(db, id, checked);
    recordDiff(db, 'source', id, before, sourceHistory.snapshot(db, id));
    return getSource(db, id);
  })();
}

/**
 * Moves a source to the bin. AppError('conflict') while live claims cite it. A source already
 * in the bin is unchanged.
 */
export function deleteSource(db: Database, id: number): Source {
  return db.transaction(() => {
    if (sourceRow(db, id).deleted_at === null) {
      binSource(db, id);
      recordDelete(db, 'source', id);
    }
    return getSource(db, id);
  })();
}

/** Brings a source back from the bin (a merged one becomes independent again; its old links stay with the keeper). */
export function restoreSource(db: Database, id: number): Source {
  return db.transaction(() => {
    const before = sourceHistory.snapshot(db, id);
    if (before.deletedAt !== null) {
      unbinSource(db, id);
      recordDiff(db, 'source', id, before, sourceHistory.snapshot(db, id), 'restore');
    }
    return getSource(db, id);
  })();
}

/**
 * Merges source `mergeId` into `keepId`: every claim link and attachment of `mergeId` moves to
 * `keepId` (a claim citing both keeps its link to `keepId`), and `mergeId` goes to the bin,
 * marked as merged. Undoable from the history. Returns the kept source.
 */
export function mergeSources(db: Database, keepId: number, mergeId: number): Source {
  return db.transaction(() => {
    const { before, after } = mergeSourceRecords(db, keepId, mergeId);
    recordChange(db, { entity: 'source', entityId: mergeId, action: 'merge', before, after });
    return getSource(db, keepId);
  })();
}

/** The live claims that cite source `id`, by document and position. AppError('not-found'). */
export function claimsCitingSource(db: Database, id: number): Claim[] {
  return db.transaction(() => {
    sourceRow(db, id);
    return queryClaims(
      db,
      `SELECT ${CLAIM_COLUMNS} FROM claims c
       WHERE c.id IN (SELECT claim_id FROM claim_sources WHERE source_id = ?) AND c.deleted_at IS NULL
       ORDER BY c.document_id, c.pos_start, c.pos_end, c.id`,
      [id],
    );
  })();
}

