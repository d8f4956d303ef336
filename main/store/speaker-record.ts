/**
 * Speaker rows, their checks, and their record form for the history:
 * `{ ...SpeakerFields, deletedAt, mergedIntoId }`. A merge points every hop of the merged
 * speaker at the kept one (a chain is a sequence, so no hop is dropped) and leaves the merged
 * speaker in the bin with `merged_into_id`.
 */
import type { Database } from 'better-sqlite3';
import { SPEAKER_KINDS, type Speaker, type SpeakerFields, type SpeakerKind } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { recordCreate, type HistoryHandler, type HistoryRecord } from './history-log';
import { statement } from './statements';
import { invalid, nowIso, oneOf, optionalText, requiredText } from './validate';

/** Columns of a speaker; `sp` is `speakers`. The claim count counts live claims. */
export const SPEAKER_COLUMNS = `
  sp.id, sp.kind, sp.name, sp.role, sp.affiliation, sp.external_id, sp.created_at, sp.updated_at, sp.deleted_at,
  sp.merged_into_id,
  (SELECT count(DISTINCT h.claim_id) FROM attribution_hops h JOIN claims c ON c.id = h.claim_id
   WHERE h.speaker_id = sp.id AND c.deleted_at IS NULL) AS claim_count`;

/** A row selected with SPEAKER_COLUMNS. */
export interface SpeakerRow {
  id: number;
  kind: string;
  name: string;
  role: string | null;
  affiliation: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  merged_into_id: number | null;
  claim_count: number;
}

function fieldsOf(row: SpeakerRow): SpeakerFields {
  // The CHECK constraint admits only SpeakerKind values.
  return {
    kind: row.kind as SpeakerKind,
    name: row.name,
    role: row.role,
    affiliation: row.affiliation,
    externalId: row.external_id,
  };
}

/** Maps a SpeakerRow. */
export function toSpeaker(row: SpeakerRow): Speaker {
  return {
    id: row.id,
    ...fieldsOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    claimCount: row.claim_count,
  };
}

/** The row of speaker `id`, live or not; AppError('not-found'). */
export function speakerRow(db: Database, id: number): SpeakerRow {
  const row = db.prepare<[number], SpeakerRow>(`SELECT ${SPEAKER_COLUMNS} FROM speakers sp WHERE sp.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This speaker does not exist (it may have been deleted).');
  return row;
}

/** Speaker `id` as named in a chain: it must exist and be live, else AppError('invalid-argument'). Returns the id. */
export function requireLiveSpeaker(db: Database, id: number): number {
  const row = statement<[number], { name: string; deleted_at: string | null }>(db, 'SELECT name, deleted_at FROM speakers WHERE id = ?').get(id);
  if (row === undefined) invalid(`The speaker #${id} does not exist.`);
  if (row.deleted_at !== null) invalid(`The speaker "${row.name}" is in the bin; restore them first.`);
  return id;
}

/** Checks and normalises speaker fields. AppError('invalid-argument'). */
export function checkSpeakerFields(fields: SpeakerFields): SpeakerFields {
  if (typeof fields !== 'object' || fields === null) invalid('A speaker needs its fields.');
  return {
    kind: oneOf(fields.kind, SPEAKER_KINDS, 'The kind of speaker'),
    name: requiredText(fields.name, 'A speaker needs a name.'),
    role: optionalText(fields.role, 'The role'),
    affiliation: optionalText(fields.affiliation, 'The affiliation'),
    externalId: optionalText(fields.externalId, 'The external identifier'),
  };
}

/** Inserts a checked speaker and records its creation; returns its id. Call inside a transaction. */
export function insertSpeaker(db: Database, fields: SpeakerFields): number {
  const f = checkSpeakerFields(fields);
  const now = nowIso();
  const id = db
    .prepare<unknown[], number>(
      `INSERT INTO speakers (kind, name, role, affiliation, external_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(f.kind, f.name, f.role, f.affiliation, f.externalId, now, now) as number;
  recordCreate(db, 'speaker', id, speakerHistory.snapshot(db, id));
  return id;
}

/** Writes checked fields over speaker `id` and bumps updated_at. */
export function writeSpeakerFields(db: Database, id: number, fields: SpeakerFields): void {
  const f = checkSpeakerFields(fields);
  db.prepare(
    'UPDATE speakers SET kind = ?, name = ?, role = ?, affiliation = ?, external_id = ?, updated_at = ? WHERE id = ?',
  ).run(f.kind, f.name, f.role, f.affiliation, f.externalId, nowIso(), id);
}

/** Moves speaker `id` to the bin; AppError('conflict') while a live claim's chain names them. */
export function binSpeaker(db: Database, id: number, mergedIntoId: number | null = null): void {
  const count = speakerRow(db, id).claim_count;
  if (count > 0) {
    throw new AppError(
      'conflict',
      `This speaker is in the attribution of ${count} ${count === 1 ? 'claim' : 'claims'}. ` +
        'Remove them from those claims or merge them into another speaker first.',
    );
  }
  const now = nowIso();
  db.prepare('UPDATE speakers SET deleted_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?').run(
    now, mergedIntoId, now, id,
  );
}

/** Brings speaker `id` back from the bin (no longer merged into anyone). */
export function unbinSpeaker(db: Database, id: number): void {
  db.prepare('UPDATE speakers SET deleted_at = NULL, merged_into_id = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
}

/** The history's view of speakers. */
export const speakerHistory: HistoryHandler = {
  snapshot(db, id) {
    const row = speakerRow(db, id);
    return { ...fieldsOf(row), deletedAt: row.deleted_at, mergedIntoId: row.merged_into_id };
  },

  apply(db, id, values) {
    const row = speakerRow(db, id);
    const fields = fieldsOf(row);
    if (Object.keys(fields).some((key) => key in values)) {
      writeSpeakerFields(db, id, { ...fields, ...(values as Partial<SpeakerFields>) });
    }
    if (values.deletedAt === null && row.deleted_at !== null) unbinSpeaker(db, id);
    if (typeof values.deletedAt === 'string' && row.deleted_at === null) {
      binSpeaker(db, id, typeof values.mergedIntoId === 'number' ? values.mergedIntoId : null);
    }
  },

  merge: (db, keepId, mergeId) => mergeSpeakerRecords(db, keepId, mergeId),
  unmerge: (db, mergeId, after) => unmergeSpeakerRecords(db, mergeId, after),
};

/**
 * Merges live speaker `mergeId` into live speaker `keepId` (see the header); returns the merge
 * entry's before and after. AppError('invalid-argument') for a speaker in the bin or the same
 * speaker twice.
 */
export function mergeSpeakerRecords(
  db: Database,
  keepId: number,
  mergeId: number,
): { before: HistoryRecord; after: HistoryRecord } {
  for (const id of [keepId, mergeId]) {
    const row = speakerRow(db, id);
    if (row.deleted_at !== null) invalid(`The speaker "${row.name}" is in the bin; restore them before merging.`);
  }
  if (keepId === mergeId) invalid('A speaker cannot be merged into themselves.');
  const moved = db
    .prepare<[number, number], { claimId: number; position: number }>(
      'UPDATE attribution_hops SET speaker_id = ? WHERE speaker_id = ? RETURNING claim_id AS claimId, position',
    )
    .all(keepId, mergeId)
    .sort((a, b) => a.claimId - b.claimId || a.position - b.position);
  binSpeaker(db, mergeId, keepId);
  const deletedAt = speakerRow(db, mergeId).deleted_at;
  return { before: { deletedAt: null, mergedIntoId: null }, after: { deletedAt, mergedIntoId: keepId, links: { moved } } };
}

/** Reverses the merge of speaker `mergeId` described by the `after` of its merge entry. */
function unmergeSpeakerRecords(db: Database, mergeId: number, after: HistoryRecord): void {
  const keepId = after.mergedIntoId as number;
  const { moved } = after.links as { moved: { claimId: number; position: number }[] };
  const back = db.prepare('UPDATE attribution_hops SET speaker_id = ? WHERE claim_id = ? AND position = ? AND speaker_id = ?');
  for (const hop of moved) back.run(mergeId, hop.claimId, hop.position, keepId);
  unbinSpeaker(db, mergeId);
}
