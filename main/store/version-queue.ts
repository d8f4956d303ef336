/**
 * The changes queue of a version: one row per claim carried over from the previous version
 * that needs a look (see `shared/domain/versions.ts`), and the three ways to resolve a row.
 *
 * - confirm: the claim's placement on the new version is right (nothing about the claim changes);
 * - reattach: the claim is attached to a passage the user selected (reattachClaim: a change of
 *   the claim's anchor, recorded in the history);
 * - retire: the claim on the new version goes to the bin (deleteClaim, recorded in the
 *   history); the row keeps why ("vanished in version 2"), who and when.
 *
 * A row resolved by a change of the claim keeps the id of that change's history entry. The row
 * counts as resolved only while that change is in effect: undoing it in the history (moving
 * the claim back) puts the row back in the queue, and redoing it resolves the row again — the
 * history stays the one place where changes are undone. A retired row counts as resolved
 * while its claim is in the bin, however it got back out (undo, or Restore in the claims panel).
 * `reopen` does the same from the queue: it undoes the resolving change, if any, and clears
 * the resolution.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, QuotedPassage, TextAnchor, VersionAction, VersionChange, VersionChangeKind, VersionResolution } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { passageInParagraph, passageText, wordDiff } from '../../shared/versions/text-diff';
import { getActor } from './actor';
import { deleteClaim, reattachClaim } from './claims';
import { undoChange } from './history';
import { statement } from './statements';
import { nowIso } from './validate';

/** A row to add to the queue: the new claim, the claim it was carried over from, and how it was found. */
export interface NewVersionChange {
  readonly claimId: number;
  readonly previous: Claim;
  readonly kind: VersionChangeKind;
  readonly method: 'position' | 'quote' | 'fuzzy' | null;
}

/** Adds a row to the queue (inside linkAsNewVersion's transaction). */
export function insertVersionChange(db: Database, change: NewVersionChange): void {
  const { exact, prefix, suffix } = change.previous.anchor;
  statement(
    db,
    `INSERT INTO version_changes (claim_id, previous_claim_id, kind, old_exact, old_prefix, old_suffix, method, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(change.claimId, change.previous.id, change.kind, exact, prefix, suffix, change.method, nowIso());
}

interface QueueRow {
  id: number;
  claim_id: number;
  previous_claim_id: number;
  previous_document_id: number;
  kind: VersionChangeKind;
  old_exact: string;
  old_prefix: string;
  old_suffix: string;
  method: 'position' | 'quote' | 'fuzzy' | null;
  resolution: VersionResolution | null;
  resolved_by: number | null;
  resolver_name: string | null;
  resolved_at: string | null;
  resolved_entry_id: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  deleted_at: string | null;
  document_id: number;
}

const SELECT_QUEUE = `
  SELECT vc.id, vc.claim_id, vc.previous_claim_id, p.document_id AS previous_document_id, vc.kind, vc.old_exact,
         vc.old_prefix, vc.old_suffix, vc.method, vc.resolution, vc.resolved_by, pr.name AS resolver_name, vc.resolved_at,
         vc.resolved_entry_id, c.exact, c.prefix, c.suffix, c.pos_start, c.pos_end, c.deleted_at, c.document_id
  FROM claims c
  JOIN version_changes vc ON vc.claim_id = c.id
  JOIN claims p ON p.id = vc.previous_claim_id
  LEFT JOIN profiles pr ON pr.id = vc.resolved_by`;

/**
 * The query behind listVersionChanges (exported for its query-plan test): a document's claims
 * through claims_by_document, each row of the queue by its unique claim id.
 */
export const LIST_QUEUE_SQL = `${SELECT_QUEUE} WHERE c.document_id = ? ORDER BY c.pos_start, c.id`;

/**
 * The changes queue of document `documentId`, in text order, resolved rows included (see
 * `resolution`). AppError('not-found') if the document does not exist.
 */
export function listVersionChanges(db: Database, documentId: number): VersionChange[] {
  return db.transaction(() => {
    const text = documentText(db, documentId);
    if (text === undefined) throw new AppError('not-found', 'This document does not exist (it may have been deleted).');
    return db.prepare<[number], QueueRow>(LIST_QUEUE_SQL).all(documentId).map((row) => toChange(db, row, text));
  })();
}

/** One row of a queue. AppError('not-found'). */
export function getVersionChange(db: Database, id: number): VersionChange {
  const row = queueRow(db, id);
  return toChange(db, row, documentText(db, row.document_id) ?? '');
}

function documentText(db: Database, documentId: number): string | undefined {
  return db.prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?').pluck().get(documentId);
}

/**
 * Resolves row `id` by `action` and returns it: 'confirm' accepts the claim's placement (a
 * claim in the bin cannot be confirmed), 'retire' moves the claim to the bin, 'reopen' puts a
 * resolved row back in the queue, undoing the change that resolved it. AppError 'not-found';
 * 'conflict' for a row already resolved (or, for reopen, not resolved); 'invalid-argument' to
 * confirm a claim that is in the bin.
 */
export function resolveVersionChange(db: Database, id: number, action: VersionAction): VersionChange {
  return db.transaction(() => {
    const row = queueRow(db, id);
    const resolved = isResolved(db, row);
    if (action === 'reopen') {
      if (!resolved) throw new AppError('conflict', 'This change is not resolved; there is nothing to reopen.');
      if (row.resolved_entry_id !== null) undoChange(db, lastInChain(db, row.resolved_entry_id));
      db.prepare('UPDATE version_changes SET resolution = NULL, resolved_by = NULL, resolved_at = NULL, resolved_entry_id = NULL WHERE id = ?').run(id);
      return getVersionChange(db, id);
    }
    if (resolved) throw new AppError('conflict', `This change was already ${row.resolution}; reopen it first.`);
    if (action === 'confirm') {
      if (row.deleted_at !== null) throw new AppError('invalid-argument', 'This claim is in the bin; restore it before confirming it, or retire it.');
      markResolved(db, id, 'confirmed', null);
    } else {
      const entry = changeOfClaim(db, row.claim_id, () => deleteClaim(db, row.claim_id));
      markResolved(db, id, 'retired', entry);
    }
    return getVersionChange(db, id);
  })();
}

/**
 * Attaches the claim of row `id` to `anchor` (a passage of the new version, as reattachClaim
 * checks it) and marks the row resolved. AppError 'not-found', 'conflict' for a resolved row,
 * 'invalid-argument' for an anchor that does not match the text or a claim in the bin.
 */
export function reattachVersionChange(db: Database, id: number, anchor: TextAnchor): VersionChange {
  return db.transaction(() => {
    const row = queueRow(db, id);
    if (isResolved(db, row)) throw new AppError('conflict', `This change was already ${row.resolution}; reopen it first.`);
    const entry = changeOfClaim(db, row.claim_id, () => reattachClaim(db, row.claim_id, anchor));
    markResolved(db, id, 'reattached', entry);
    return getVersionChange(db, id);
  })();
}

function queueRow(db: Database, id: number): QueueRow {
  const row = db.prepare<[number], QueueRow>(`${SELECT_QUEUE} WHERE vc.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This change is not in the queue (its version may have been deleted).');
  return row;
}

function markResolved(db: Database, id: number, resolution: VersionResolution, entryId: number | null): void {
  db.prepare('UPDATE version_changes SET resolution = ?, resolved_by = ?, resolved_at = ?, resolved_entry_id = ? WHERE id = ?').run(
    resolution,
    getActor(db),
    nowIso(),
    entryId,
    id,
  );
}

/** Runs `change` and returns the id of the history entry it recorded for claim `claimId`, or null when it recorded none. */
function changeOfClaim(db: Database, claimId: number, change: () => unknown): number | null {
  const before = db.prepare<[], number | null>('SELECT max(id) FROM history').pluck().get() ?? 0;
  change();
  return (
    db
      .prepare<[number, number], number>(
        "SELECT id FROM history WHERE id > ? AND entity = 'claim' AND entity_id = ? AND part_of_id IS NULL ORDER BY id DESC LIMIT 1",
      )
      .pluck()
      .get(before, claimId) ?? null
  );
}

/**
 * A row is resolved while its resolution stands: a retired claim is still in the bin, and the
 * change that resolved the row (if any) is in effect.
 */
function isResolved(db: Database, row: QueueRow): boolean {
  if (row.resolution === null) return false;
  if (row.resolution === 'retired') return row.deleted_at !== null;
  if (row.resolved_entry_id === null) return true;
  return chainOf(db, row.resolved_entry_id).length % 2 === 1;
}

/**
 * The entry and the undos of it, each undoing the one before: [change, undo, redo, …]. The
 * change is in effect when the chain has an odd length.
 */
function chainOf(db: Database, entryId: number): number[] {
  const next = db.prepare<[number], number | null>('SELECT undone_by_id FROM history WHERE id = ?').pluck();
  const chain = [entryId];
  for (let undoneBy = next.get(entryId); typeof undoneBy === 'number'; undoneBy = next.get(undoneBy)) chain.push(undoneBy);
  return chain;
}

function lastInChain(db: Database, entryId: number): number {
  const chain = chainOf(db, entryId);
  return chain[chain.length - 1]!;
}

/** The row as the queue shows it; `text` is the plain text of the row's document. */
function toChange(db: Database, row: QueueRow, text: string): VersionChange {
  const before = passageInParagraph({ prefix: row.old_prefix, exact: row.old_exact, suffix: row.old_suffix });
  const placed = text.slice(row.pos_start, row.pos_end) === row.exact;
  const after: QuotedPassage | null = placed ? passageInParagraph({ prefix: row.prefix, exact: row.exact, suffix: row.suffix }) : null;
  const resolved = isResolved(db, row);
  return {
    id: row.id,
    kind: row.kind,
    claimId: row.claim_id,
    previousClaimId: row.previous_claim_id,
    previousDocumentId: row.previous_document_id,
    method: row.method,
    before,
    after,
    quoteDiff: after === null ? [{ kind: 'removed', text: before.exact }] : wordDiff(before.exact, after.exact),
    passageDiff: after === null ? [{ kind: 'removed', text: passageText(before) }] : wordDiff(passageText(before), passageText(after)),
    resolution: resolved ? row.resolution : null,
    resolvedBy: resolved && row.resolved_by !== null ? { id: row.resolved_by, name: row.resolver_name ?? '' } : null,
    resolvedAt: resolved ? row.resolved_at : null,
    claimInBin: row.deleted_at !== null,
  };
}
