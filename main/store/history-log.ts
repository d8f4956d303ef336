/**
 * Writing the history. Every mutation of a claim, source, speaker, tag or verdict records, in
 * its own transaction, one row per record it changed: who (the connection's actor), when,
 * what (`before` and `after` hold only the fields that changed, in the record's "record form"
 * — see each entity's `*-record.ts`). A create has no before, a delete no after.
 *
 * A merge entry (on the record merged away) carries `mergedIntoId` and `links` (what moved
 * where) in its `after`, enough for undo to move everything back.
 *
 * Each kind of record gives history a HistoryHandler; `history.ts` stays generic over them.
 */
import type { Database } from 'better-sqlite3';
import type { HistoryAction, HistoryEntity } from '../../shared/domain';
import { getActor } from './actor';
import { statement } from './statements';
import { nowIso } from './validate';

/** A record (or part of one) in the form history stores: field name → JSON value. */
export type HistoryRecord = Readonly<Record<string, unknown>>;

/** What the history needs from each kind of record. None of these records history itself. */
export interface HistoryHandler {
  /** The record form of `id`: every field history tracks. AppError('not-found'). */
  snapshot(db: Database, id: number): HistoryRecord;
  /**
   * Writes `values` (fields of the record form) to `id` with the checks an edit makes. A
   * `deletedAt` moves the record to the bin (a timestamp) or out of it (null).
   */
  apply(db: Database, id: number, values: HistoryRecord): void;
  /** Merges `mergeId` into `keepId`; returns the merge entry's before and after. */
  merge?(db: Database, keepId: number, mergeId: number): { before: HistoryRecord; after: HistoryRecord };
  /** Reverses the merge of `mergeId` described by the `after` of its merge entry. */
  unmerge?(db: Database, mergeId: number, after: HistoryRecord): void;
}

/** One change to record. */
export interface Change {
  readonly entity: HistoryEntity;
  readonly entityId: number;
  readonly action: HistoryAction;
  readonly before: HistoryRecord | null;
  readonly after: HistoryRecord | null;
  readonly undoes?: number;
  /** The claim the change concerns, for a record that is not a claim (a vote, a comment…). */
  readonly claimId?: number | null;
}

// The entry that changes being recorded now are consequences of, per connection (see asPartOf).
const partOf = new WeakMap<Database, number>();

/**
 * Runs `fn` with every change it records marked as part of entry `entryId` — the claims moved
 * off a deleted verdict, the sub-tags moved up from a deleted tag — so that undoing that entry
 * undoes them too.
 */
export function asPartOf<T>(db: Database, entryId: number, fn: () => T): T {
  const outer = partOf.get(db);
  partOf.set(db, entryId);
  try {
    return fn();
  } finally {
    if (outer === undefined) partOf.delete(db);
    else partOf.set(db, outer);
  }
}

/** The entry that changes recorded now are part of (see asPartOf), or null. */
export function currentPartOf(db: Database): number | null {
  return partOf.get(db) ?? null;
}

/** The entries recorded as part of `entryId` and not yet undone, newest first. */
export function liveParts(db: Database, entryId: number): number[] {
  return db
    .prepare<[number], number>('SELECT id FROM history WHERE part_of_id = ? AND undone_by_id IS NULL ORDER BY id DESC')
    .pluck()
    .all(entryId);
}

/** Records `change` as done now by the connection's actor; returns the entry id. */
export function recordChange(db: Database, change: Change): number {
  return statement<unknown[], number>(
    db,
    `INSERT INTO history (at, actor_id, entity, entity_id, action, before_json, after_json, undoes_id, part_of_id, claim_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  )
    .pluck()
    .get(
      nowIso(),
      getActor(db),
      change.entity,
      change.entityId,
      change.action,
      change.before === null ? null : JSON.stringify(change.before),
      change.after === null ? null : JSON.stringify(change.after),
      change.undoes ?? null,
      currentPartOf(db),
      change.entity === 'claim' ? change.entityId : (change.claimId ?? null),
    ) as number;
}

/** The fields whose values differ between two record forms, as before/after halves. */
export function changedFields(before: HistoryRecord, after: HistoryRecord): { before: HistoryRecord; after: HistoryRecord } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key] ?? null;
      now[key] = after[key] ?? null;
    }
  }
  return { before: was, after: now };
}

/**
 * Records an update (or restore) from two snapshots, keeping only the fields that changed.
 * Records nothing, and returns null, when nothing changed.
 */
export function recordDiff(
  db: Database,
  entity: HistoryEntity,
  entityId: number,
  before: HistoryRecord,
  after: HistoryRecord,
  action: HistoryAction = 'update',
  claimId: number | null = null,
): number | null {
  const diff = changedFields(before, after);
  if (Object.keys(diff.after).length === 0) return null;
  return recordChange(db, { entity, entityId, action, ...diff, claimId });
}

/** Records the creation of a record whose record form is `after`. */
export function recordCreate(
  db: Database,
  entity: HistoryEntity,
  entityId: number,
  after: HistoryRecord,
  claimId: number | null = null,
): number {
  return recordChange(db, { entity, entityId, action: 'create', before: null, after, claimId });
}

/** Records the move of a record to the bin. */
export function recordDelete(db: Database, entity: HistoryEntity, entityId: number, claimId: number | null = null): number {
  return recordChange(db, { entity, entityId, action: 'delete', before: { deletedAt: null }, after: null, claimId });
}

/** True if `side` is the merged state of a merge entry (it names a keeper and the moved links). */
export function isMergedSide(side: HistoryRecord | null): side is HistoryRecord & { mergedIntoId: number } {
  return side !== null && typeof side.mergedIntoId === 'number' && side.links !== undefined;
}
