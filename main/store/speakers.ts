/**
 * Speakers: the people and bodies claims are attributed to, reused across claims. Listed and
 * searched by name, role and affiliation; edited, soft-deleted, restored and merged.
 */
import type { Database } from 'better-sqlite3';
import type { Speaker, SpeakerFields } from '../../shared/domain';
import { recordChange, recordDelete, recordDiff } from './history-log';
import {
  SPEAKER_COLUMNS,
  binSpeaker,
  checkSpeakerFields,
  insertSpeaker,
  mergeSpeakerRecords,
  speakerHistory,
  speakerRow,
  toSpeaker,
  unbinSpeaker,
  writeSpeakerFields,
  type SpeakerRow,
} from './speaker-record';
import { invalid, searchKey } from './validate';

/**
 * Speakers by name. `query` keeps those whose name, role, affiliation or external id contain
 * it (ignoring case and accents). Speakers in the bin are left out unless `includeDeleted`.
 */
export function listSpeakers(db: Database, q: { query?: string; includeDeleted?: boolean } = {}): Speaker[] {
  const rows = db
    .prepare<[number], SpeakerRow>(
      `SELECT ${SPEAKER_COLUMNS} FROM speakers sp WHERE ? = 1 OR sp.deleted_at IS NULL ORDER BY sp.name COLLATE NOCASE, sp.id`,
    )
    .all(q.includeDeleted ? 1 : 0);
  const wanted = searchKey(q.query?.trim() ?? '');
  // The list is small (a project's speakers); matching in code folds case and accents fully.
  const matches = (row: SpeakerRow) =>
    [row.name, row.role, row.affiliation, row.external_id].some((text) => text !== null && searchKey(text).includes(wanted));
  return (wanted === '' ? rows : rows.filter(matches)).map(toSpeaker);
}

/** One speaker, live or in the bin; AppError('not-found'). */
export function getSpeaker(db: Database, id: number): Speaker {
  return toSpeaker(speakerRow(db, id));
}

/** Adds a speaker. AppError('invalid-argument') for a blank name or an unknown kind. */
export function createSpeaker(db: Database, fields: SpeakerFields): Speaker {
  return db.transaction(() => getSpeaker(db, insertSpeaker(db, fields)))();
}

/** Replaces the fields of a live speaker. AppError 'not-found' or 'invalid-argument'. */
export function updateSpeaker(db: Database, id: number, fields: SpeakerFields): Speaker {
  const checked = checkSpeakerFields(fields);
  return db.transaction(() => {
    const before = speakerHistory.snapshot(db, id);
    if (before.deletedAt !== null) invalid('This speaker is in the bin; restore them before editing.');
    writeSpeakerFields(db, id, checked);
    recordDiff(db, 'speaker', id, before, speakerHistory.snapshot(db, id));
    return getSpeaker(db, id);
  })();
}

/** Moves a speaker to the bin; AppError('conflict') while a live claim's chain names them. */
export function deleteSpeaker(db: Database, id: number): Speaker {
  return db.transaction(() => {
    if (speakerRow(db, id).deleted_at === null) {
      binSpeaker(db, id);
      recordDelete(db, 'speaker', id);
    }
    return getSpeaker(db, id);
  })();
}

/** Brings a speaker back from the bin (a merged one becomes independent again). */
export function restoreSpeaker(db: Database, id: number): Speaker {
  return db.transaction(() => {
    const before = speakerHistory.snapshot(db, id);
    if (before.deletedAt !== null) {
      unbinSpeaker(db, id);
      recordDiff(db, 'speaker', id, before, speakerHistory.snapshot(db, id), 'restore');
    }
    return getSpeaker(db, id);
  })();
}

/**
 * Merges speaker `mergeId` into `keepId`: every hop naming `mergeId` names `keepId` instead,
 * and `mergeId` goes to the bin, marked as merged. Undoable from the history.
 */
export function mergeSpeakers(db: Database, keepId: number, mergeId: number): Speaker {
  return db.transaction(() => {
    const { before, after } = mergeSpeakerRecords(db, keepId, mergeId);
    recordChange(db, { entity: 'speaker', entityId: mergeId, action: 'merge', before, after });
    return getSpeaker(db, keepId);
  })();
}
