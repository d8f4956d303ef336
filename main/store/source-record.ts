/**
 * Source rows, their checks, and their record form for the history:
 * `{ ...SourceFields, attachmentIds, deletedAt, mergedIntoId }`.
 *
 * A merge moves every claim link and attachment of the merged source to the kept one (a claim
 * that cites both keeps its own link to the kept source) and leaves the merged source in the
 * bin with `merged_into_id`; the merge entry lists what moved so that undo can move it back.
 */
import type { Database } from 'better-sqlite3';
import {
  RELIABILITIES,
  SOURCE_TYPES,
  type Reliability,
  type Source,
  type SourceFields,
  type SourceType,
} from '../../shared/domain';
import { AppError } from '../../shared/result';
import { attachmentsOf } from './attachment-rows';
import { recordCreate, type HistoryHandler, type HistoryRecord } from './history-log';
import { statement } from './statements';
import { invalid, nowIso, oneOf, optionalText, partialDate, recordId, requiredText, webUrl } from './validate';

/** Columns of a source; `s` is `sources`. The claim count counts live claims. */
export const SOURCE_COLUMNS = `
  s.id, s.type, s.title, s.publisher, s.authors_json, s.issued, s.accessed, s.url, s.language, s.notes,
  s.reliability, s.reliability_reason, s.confidential, s.created_at, s.updated_at, s.deleted_at, s.merged_into_id,
  (SELECT count(DISTINCT cs.claim_id) FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id
   WHERE cs.source_id = s.id AND c.deleted_at IS NULL) AS claim_count`;

/** A row selected with SOURCE_COLUMNS. */
export interface SourceRow {
  id: number;
  type: string;
  title: string;
  publisher: string | null;
  authors_json: string;
  issued: string | null;
  accessed: string | null;
  url: string | null;
  language: string | null;
  notes: string | null;
  reliability: string;
  reliability_reason: string | null;
  confidential: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  merged_into_id: number | null;
  claim_count: number;
}

/** Maps source rows, with their attachments fetched in one query. */
export function toSources(db: Database, rows: readonly SourceRow[]): Source[] {
  const attachments = attachmentsOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    ...fieldsOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    claimCount: row.claim_count,
    attachments: attachments.get(row.id) ?? [],
  }));
}

function fieldsOf(row: SourceRow): SourceFields {
  return {
    // The CHECK constraints admit only SourceType and Reliability values.
    type: row.type as SourceType,
    title: row.title,
    publisher: row.publisher,
    authors: JSON.parse(row.authors_json) as string[],
    issued: row.issued,
    accessed: row.accessed,
    url: row.url,
    language: row.language,
    notes: row.notes,
    reliability: row.reliability as Reliability,
    reliabilityReason: row.reliability_reason,
    confidential: row.confidential === 1,
  };
}

/** The row of source `id`, live or not; AppError('not-found'). */
export function sourceRow(db: Database, id: number): SourceRow {
  const row = db.prepare<[number], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This source does not exist (it may have been deleted).');
  return row;
}

/** Source `id` as cited by a claim: it must exist and be live, else AppError('invalid-argument'). */
export function requireLiveSource(db: Database, id: number): void {
  const row = statement<[number], { title: string; deleted_at: string | null }>(db, 'SELECT title, deleted_at FROM sources WHERE id = ?').get(id);
  if (row === undefined) invalid(`The source #${id} does not exist.`);
  if (row.deleted_at !== null) invalid(`The source "${row.title}" is in the bin; restore it first.`);
}

/** Checks and normalises source fields (trimmed, blanks as null). AppError('invalid-argument'). */
export function checkSourceFields(fields: SourceFields): SourceFields {
  if (typeof fields !== 'object' || fields === null) throw new AppError('invalid-argument', 'A source needs its fields.');
  const authors = Array.isArray(fields.authors) ? fields.authors : null;
  if (authors === null) throw new AppError('invalid-argument', 'The authors must be a list of names.');
  const language = optionalText(fields.language, 'The language');
  if (language !== null && !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/iu.test(language)) {
    throw new AppError('invalid-argument', `"${language}" is not a language code such as en, ru or kk.`);
  }
  if (typeof fields.confidential !== 'boolean') throw new AppError('invalid-argument', 'Confidential must be yes or no.');
  return {
    type: oneOf(fields.type, SOURCE_TYPES, 'The source type'),
    title: requiredText(fields.title, 'A source needs a title.'),
    publisher: optionalText(fields.publisher, 'The publisher'),
    authors: authors.map((name) => optionalText(name, 'An author')).filter((name) => name !== null),
    issued: partialDate(fields.issued, 'The date issued'),
    accessed: partialDate(fields.accessed, 'The date accessed'),
    url: webUrl(fields.url),
    language,
    notes: optionalText(fields.notes, 'The notes'),
    reliability: oneOf(fields.reliability, RELIABILITIES, 'The reliability'),
    reliabilityReason: optionalText(fields.reliabilityReason, 'The reason for the reliability'),
    confidential: fields.confidential,
  };
}

/** Inserts a checked source and records its creation; returns its id. Call inside a transaction. */
export function insertSource(db: Database, fields: SourceFields): number {
  const checked = checkSourceFields(fields);
  const now = nowIso();
  const id = db
    .prepare<unknown[], number>(
      `INSERT INTO sources (type, title, publisher, authors_json, issued, accessed, url, language, notes,
                            reliability, reliability_reason, confidential, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(...fieldParams(checked), now, now) as number;
  recordCreate(db, 'source', id, sourceHistory.snapshot(db, id));
  return id;
}

/** Writes checked fields over source `id` and bumps updated_at. */
export function writeSourceFields(db: Database, id: number, fields: SourceFields): void {
  db.prepare(
    `UPDATE sources SET type = ?, title = ?, publisher = ?, authors_json = ?, issued = ?, accessed = ?, url = ?,
            language = ?, notes = ?, reliability = ?, reliability_reason = ?, confidential = ?, updated_at = ?
     WHERE id = ?`,
  ).run(...fieldParams(checkSourceFields(fields)), nowIso(), id);
}

function fieldParams(f: SourceFields): unknown[] {
  return [
    f.type, f.title, f.publisher, JSON.stringify(f.authors), f.issued, f.accessed, f.url, f.language, f.notes,
    f.reliability, f.reliabilityReason, f.confidential ? 1 : 0,
  ];
}

/** Number of live claims citing source `id`. */
export function liveCitations(db: Database, id: number): number {
  return sourceRow(db, id).claim_count;
}

/** Moves source `id` to the bin; AppError('conflict') while live claims cite it. */
export function binSource(db: Database, id: number, mergedIntoId: number | null = null): void {
  const count = liveCitations(db, id);
  if (count > 0) {
    throw new AppError(
      'conflict',
      `This source is cited by ${count} ${count === 1 ? 'claim' : 'claims'}. ` +
        'Remove it from them or merge it into another source first.',
    );
  }
  const now = nowIso();
  db.prepare('UPDATE sources SET deleted_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?').run(
    now, mergedIntoId, now, id,
  );
}

/** Brings source `id` back from the bin (no longer merged into anything). */
export function unbinSource(db: Database, id: number): void {
  db.prepare('UPDATE sources SET deleted_at = NULL, merged_into_id = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
}

interface MovedLinks {
  moved: { claimId: number; position: number }[];
  dropped: { claimId: number; position: number; role: string; pinpoint: string | null }[];
  attachmentIds: number[];
}

/** The history's view of sources. */
export const sourceHistory: HistoryHandler = {
  snapshot(db, id) {
    const row = sourceRow(db, id);
    const attachmentIds = db
      .prepare<[number], number>('SELECT id FROM source_attachments WHERE source_id = ? AND deleted_at IS NULL ORDER BY id')
      .pluck()
      .all(id);
    return { ...fieldsOf(row), attachmentIds, deletedAt: row.deleted_at, mergedIntoId: row.merged_into_id };
  },

  apply(db, id, values) {
    const row = sourceRow(db, id);
    const fields = fieldsOf(row);
    const changed = Object.keys(fields).some((key) => key in values);
    if (changed) writeSourceFields(db, id, { ...fields, ...(values as Partial<SourceFields>) });
    if (Array.isArray(values.attachmentIds)) {
      setLiveAttachments(db, id, values.attachmentIds.map((a) => recordId(a, 'An attachment')));
    }
    if (values.deletedAt === null && row.deleted_at !== null) unbinSource(db, id);
    if (typeof values.deletedAt === 'string' && row.deleted_at === null) {
      binSource(db, id, typeof values.mergedIntoId === 'number' ? values.mergedIntoId : null);
    }
  },

  merge: (db, keepId, mergeId) => mergeSourceRecords(db, keepId, mergeId),
  unmerge: (db, mergeId, after) => unmergeSourceRecords(db, mergeId, after),
};

/**
 * Merges live source `mergeId` into live source `keepId` (see the header); returns the merge
 * entry's before and after. AppError('invalid-argument') for a source in the bin or the same
 * source twice.
 */
export function mergeSourceRecords(
  db: Database,
  keepId: number,
  mergeId: number,
): { before: HistoryRecord; after: HistoryRecord } {
  for (const id of [keepId, mergeId]) {
    const row = sourceRow(db, id);
    if (row.deleted_at !== null) invalid(`The source "${row.title}" is in the bin; restore it before merging.`);
  }
  if (keepId === mergeId) invalid('A source cannot be merged into itself.');
  const links: MovedLinks = { moved: [], dropped: [], attachmentIds: [] };
  const rows = db
    .prepare<[number], { claim_id: number; position: number; role: string; pinpoint: string | null }>(
      'SELECT claim_id, position, role, pinpoint FROM claim_sources WHERE source_id = ? ORDER BY claim_id, position',
    )
    .all(mergeId);
  const cites = db.prepare<[number, number], number>('SELECT 1 FROM claim_sources WHERE claim_id = ? AND source_id = ?');
  const move = db.prepare('UPDATE claim_sources SET source_id = ? WHERE claim_id = ? AND position = ?');
  const drop = db.prepare('DELETE FROM claim_sources WHERE claim_id = ? AND position = ?');
  for (const row of rows) {
    if (cites.get(row.claim_id, keepId) === undefined) {
      move.run(keepId, row.claim_id, row.position);
      links.moved.push({ claimId: row.claim_id, position: row.position });
    } else {
      drop.run(row.claim_id, row.position);
      links.dropped.push({ claimId: row.claim_id, position: row.position, role: row.role, pinpoint: row.pinpoint });
    }
  }
  links.attachmentIds = db
    .prepare<[number, number], number>('UPDATE source_attachments SET source_id = ? WHERE source_id = ? RETURNING id')
    .pluck()
    .all(keepId, mergeId);
  binSource(db, mergeId, keepId);
  const deletedAt = sourceRow(db, mergeId).deleted_at;
  return { before: { deletedAt: null, mergedIntoId: null }, after: { deletedAt, mergedIntoId: keepId, links } };
}

/** Reverses the merge of source `mergeId` described by the `after` of its merge entry. */
function unmergeSourceRecords(db: Database, mergeId: number, after: HistoryRecord): void {
  const keepId = after.mergedIntoId as number;
  const links = after.links as MovedLinks;
  for (const { claimId, position } of links.moved) {
    db.prepare('UPDATE claim_sources SET source_id = ? WHERE claim_id = ? AND position = ? AND source_id = ?').run(
      mergeId, claimId, position, keepId,
    );
  }
  for (const link of links.dropped) {
    const cites = db.prepare('SELECT 1 FROM claim_sources WHERE claim_id = ? AND source_id = ?').get(link.claimId, mergeId);
    if (cites !== undefined) continue;
    // Back at its old place if that is still free, else after the claim's other sources.
    const position = db
      .prepare<[{ claimId: number; position: number }], number>(
        `SELECT CASE WHEN EXISTS (SELECT 1 FROM claim_sources WHERE claim_id = @claimId AND position = @position)
                THEN (SELECT max(position) + 1 FROM claim_sources WHERE claim_id = @claimId) ELSE @position END`,
      )
      .pluck()
      .get({ claimId: link.claimId, position: link.position }) as number;
    db.prepare('INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) VALUES (?, ?, ?, ?, ?)').run(
      link.claimId, position, mergeId, link.role, link.pinpoint,
    );
  }
  const move = db.prepare('UPDATE source_attachments SET source_id = ? WHERE id = ? AND source_id = ?');
  for (const attachmentId of links.attachmentIds) move.run(mergeId, attachmentId, keepId);
  unbinSource(db, mergeId);
}

/** Makes exactly `ids` the live attachments of source `id` (others of the source go to the bin). */
function setLiveAttachments(db: Database, id: number, ids: readonly number[]): void {
  const now = nowIso();
  db.prepare(
    `UPDATE source_attachments
     SET deleted_at = CASE WHEN id IN (SELECT value FROM json_each(?)) THEN NULL ELSE ifnull(deleted_at, ?) END
     WHERE source_id = ?`,
  ).run(JSON.stringify(ids), now, id);
}
