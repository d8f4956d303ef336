/**
 * Reading the history and undoing any entry of it — not only the last.
 *
 * Undoing applies the entry's `before` values (through the entity's HistoryHandler, with the
 * checks an edit makes) and records that as an 'undo' entry of its own, marking the original
 * as undone. A create is undone by a soft delete, a delete by a restore, a merge by moving
 * back what its entry says moved. Undoing an undo re-applies the original change (redo).
 * Undoing an entry also undoes the changes recorded as part of it (see `asPartOf`).
 */
import type { Database } from 'better-sqlite3';
import { HISTORY_ENTITIES, type HistoryAction, type HistoryEntity, type HistoryEntry } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { claimHistory } from './claim-record';
import { changedFields, isMergedSide, liveParts, recordChange, type HistoryHandler, type HistoryRecord } from './history-log';
import { sourceHistory } from './source-record';
import { speakerHistory } from './speaker-record';
import { tagHistory } from './tag-record';
import { nowIso, oneOf, recordId } from './validate';
import { verdictHistory } from './verdict-record';
import {
  commentHistory,
  conflictHistory,
  decisionHistory,
  mergeHistory,
  overrideHistory,
  voteHistory,
} from './review/review-records';
import { sessionHistory } from './review/session-queue';

const HANDLERS: Record<HistoryEntity, HistoryHandler> = {
  claim: claimHistory,
  source: sourceHistory,
  speaker: speakerHistory,
  tag: tagHistory,
  verdict: verdictHistory,
  session: sessionHistory,
  vote: voteHistory,
  comment: commentHistory,
  decision: decisionHistory,
  override: overrideHistory,
  merge: mergeHistory,
  conflict: conflictHistory,
};

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5000;

interface HistoryRow {
  id: number;
  at: string;
  entity: HistoryEntity;
  entity_id: number;
  action: HistoryAction;
  before_json: string | null;
  after_json: string | null;
  undoes_id: number | null;
  undone_by_id: number | null;
  claim_id: number | null;
  actor_id: number | null;
  actor_name: string | null;
  actor_initials: string | null;
}

const SELECT_HISTORY = `
  SELECT h.id, h.at, h.entity, h.entity_id, h.action, h.before_json, h.after_json, h.undoes_id, h.undone_by_id, h.claim_id,
         p.id AS actor_id, p.name AS actor_name, p.initials AS actor_initials
  FROM history h LEFT JOIN profiles p ON p.id = h.actor_id`;

/**
 * History entries, newest first: all of them, those of one kind of record, those of one
 * record (`entity` and `entityId`, served by the history_by_entity index), or everything that
 * concerns one claim (`claimId`: its edits, votes, comments, sign-offs, merges). At most `limit`.
 */
export function listHistory(
  db: Database,
  query: { entity?: HistoryEntity; entityId?: number; claimId?: number; limit?: number } = {},
): HistoryEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.claimId !== undefined) {
    where.push('h.claim_id = ?');
    params.push(recordId(query.claimId, 'The claim'));
  }
  if (query.entity !== undefined) {
    where.push('h.entity = ?');
    params.push(oneOf(query.entity, HISTORY_ENTITIES, 'The kind of record'));
  }
  if (query.entityId !== undefined) {
    if (query.entity === undefined) throw new AppError('invalid-argument', 'Say which kind of record the id belongs to.');
    where.push('h.entity_id = ?');
    params.push(recordId(query.entityId, 'The record'));
  }
  const limit = Number.isInteger(query.limit) ? Math.min(Math.max(query.limit as number, 1), MAX_LIMIT) : DEFAULT_LIMIT;
  const sql = `${SELECT_HISTORY} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY h.id DESC LIMIT ?`;
  return db.prepare<unknown[], HistoryRow>(sql).all(...params, limit).map(toEntry);
}

function getEntry(db: Database, id: number): HistoryEntry {
  const row = db.prepare<[number], HistoryRow>(`${SELECT_HISTORY} WHERE h.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This change is not in the history.');
  return toEntry(row);
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '', initials: row.actor_initials ?? '' },
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as HistoryRecord),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as HistoryRecord),
    undoes: row.undoes_id,
    undoneBy: row.undone_by_id,
    claimId: row.claim_id,
  };
}

/**
 * Undoes history entry `entryId` and returns the 'undo' entry recorded for it. AppError
 * 'not-found', 'conflict' for an entry already undone, or whatever the change back would
 * meet as an edit (e.g. 'conflict' for a source that live claims cite, 'invalid-argument'
 * for a value that refers to a record deleted since).
 */
export function undoChange(db: Database, entryId: number): HistoryEntry {
  return db.transaction(() => {
    const entry = getEntry(db, entryId);
    if (entry.undoneBy !== null) throw new AppError('conflict', 'This change has already been undone.');
    const handler = HANDLERS[entry.entity];
    const id = entry.entityId;
    let change: { before: HistoryRecord; after: HistoryRecord };
    if (isMergedSide(entry.after) && handler.unmerge !== undefined) {
      handler.unmerge(db, id, entry.after);
      change = { before: entry.after, after: entry.before ?? {} };
    } else if (isMergedSide(entry.before) && handler.merge !== undefined) {
      change = handler.merge(db, entry.before.mergedIntoId, id);
    } else {
      const current = handler.snapshot(db, id);
      handler.apply(db, id, entry.before ?? { deletedAt: nowIso() });
      change = changedFields(current, handler.snapshot(db, id));
    }
    const undoId = recordChange(db, { entity: entry.entity, entityId: id, action: 'undo', ...change, undoes: entryId, claimId: entry.claimId });
    db.prepare('UPDATE history SET undone_by_id = ? WHERE id = ?').run(undoId, entryId);
    // Then its consequences, newest first: the record is back, so claims can return to it.
    for (const part of liveParts(db, entryId)) undoChange(db, part);
    return getEntry(db, undoId);
  })();
}
