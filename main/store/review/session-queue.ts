/**
 * A session's queue order, and the session as the history sees it: its own fields plus the
 * queue (claim ids in priority order), so moving a claim up or down is undone like any change.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import type { HistoryHandler } from '../history-log';
import { recordChange } from '../history-log';
import { recordId } from '../validate';
import { SESSION_SPEC } from './review-records';
import { rowHistory } from './row-history';

/** The claim ids of session `sessionId`'s queue (claims in the bin included), in priority order. */
export function queueOf(db: Database, sessionId: number): number[] {
  return db
    .prepare<[number], number>('SELECT claim_id FROM review_items WHERE session_id = ? ORDER BY position, id')
    .pluck()
    .all(sessionId);
}

/** Puts the queue of `sessionId` in the order of `claimIds` (ids not in the session are ignored). */
function writeQueue(db: Database, sessionId: number, claimIds: unknown): void {
  if (!Array.isArray(claimIds)) throw new AppError('invalid-argument', 'The queue must be a list of claims.');
  const update = db.prepare<[number, number, number]>('UPDATE review_items SET position = ? WHERE session_id = ? AND claim_id = ?');
  claimIds.forEach((claimId, position) => update.run(position, sessionId, recordId(claimId, 'A claim of the queue')));
}

/**
 * Moves claim `claimId` one place up (`delta` −1) or down (+1) among the live claims of the
 * queue, recording the new order. Nothing happens at either end.
 */
export function moveInQueue(db: Database, sessionId: number, claimId: number, delta: -1 | 1): void {
  const before = queueOf(db, sessionId);
  const live = new Set(
    db
      .prepare<[number], number>('SELECT i.claim_id FROM review_items i JOIN claims c ON c.id = i.claim_id WHERE i.session_id = ? AND c.deleted_at IS NULL')
      .pluck()
      .all(sessionId),
  );
  const visible = before.filter((id) => live.has(id));
  const at = visible.indexOf(claimId);
  if (at < 0) throw new AppError('invalid-argument', 'This claim is not in the session.');
  const other = visible[at + delta];
  if (other === undefined) return;
  const after = [...before];
  const i = after.indexOf(claimId);
  const j = after.indexOf(other);
  [after[i], after[j]] = [other, claimId];
  writeQueue(db, sessionId, after);
  recordChange(db, { entity: 'session', entityId: sessionId, action: 'update', before: { queue: before }, after: { queue: after } });
}

const sessionRow = rowHistory(SESSION_SPEC);

/** The history's view of a session: its fields and its queue. */
export const sessionHistory: HistoryHandler = {
  snapshot: (db, id) => ({ ...sessionRow.snapshot(db, id), queue: queueOf(db, id) }),
  apply(db, id, values) {
    const { queue, ...fields } = values;
    sessionRow.apply(db, id, fields);
    if (queue !== undefined) writeQueue(db, id, queue);
  },
};
