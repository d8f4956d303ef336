/**
 * Creating many claims on one document at once (an annotation import, a carried-over version,
 * a benchmark's desk of 100,000 claims). The result is what as many createClaim calls would
 * leave — the same rows, links, history entries and search index — but the work that does not
 * depend on the claim is done once: the document's text is read once, each verdict, source,
 * speaker and tag is checked once, the statements are prepared once, and each claim is written
 * with its final values in one INSERT (no follow-up UPDATE that would re-index its text).
 *
 * A large batch also leaves the claims' search index alone while it inserts, and indexes the
 * new rows in one statement afterwards: an FTS5 trigger firing per row costs more than the
 * rest of the insert (see BULK_INDEX_THRESHOLD).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { getActor } from './actor';
import { resolveClaimInput } from './claim-input';
import { checkAnchor, rememberedLiveChecks, type ClaimRecord } from './claim-record';
import { currentPartOf } from './history-log';
import { MAX_IMPORTED_FROM, type NewClaim } from './claims';
import { statement } from './statements';
import { invalid, nowIso } from './validate';

/** One claim of a createClaims batch: a NewClaim without its document. */
export type NewClaimItem = Omit<NewClaim, 'documentId'> & {
  /**
   * The group the new claim is created in, linked as the same claim as its members: the group
   * id of an existing live claim (see startGroup in claims.ts), which the caller guarantees.
   * A new claim's id is larger than every member's, so the group keeps its id. Without it, none.
   */
  readonly groupId?: number;
};

/**
 * From this many claims in one batch on, the search index is filled in one statement after the
 * inserts instead of by the per-row trigger. Below it, dropping and recreating the trigger (a
 * schema change every connection notices) costs more than it saves.
 */
export const BULK_INDEX_THRESHOLD = 500;

/** The refusal of one item of a createClaims batch: the item's AppError, with its index in the batch. */
export class RefusedClaim extends AppError {
  constructor(
    readonly index: number,
    error: AppError,
  ) {
    super(error.kind, error.message);
  }
}

/**
 * Stores `items` as new claims of document `documentId`, in order, in one transaction, exactly
 * as createClaim would one by one (new uids, the connection's actor as author, one history
 * entry each; new sources, speakers and free tags the inputs name are created). Returns the new
 * claims' ids in the order of `items`. All or nothing: AppError 'not-found' (no such document),
 * or a RefusedClaim ('invalid-argument' or 'conflict', as createClaim's) naming the first item
 * refused; nothing is stored.
 */
export function createClaims(db: Database, documentId: number, items: readonly NewClaimItem[]): number[] {
  return db.transaction(() => writeClaims(db, documentId, items))();
}

/** createClaims without its own transaction: for a caller that already has one (createClaim). */
export function writeClaims(db: Database, documentId: number, items: readonly NewClaimItem[]): number[] {
  const text = statement<[number], string>(db, 'SELECT plain_text FROM documents WHERE id = ?').pluck().get(documentId);
  if (text === undefined) throw new AppError('not-found', 'This document does not exist (it may have been deleted).');
  if (items.length === 0) return [];
  const write = claimWriter(db, documentId);
  const bulkIndex = items.length >= BULK_INDEX_THRESHOLD;
  const trigger = bulkIndex ? suspendClaimIndexTrigger(db) : null;
  const ids = items.map((item, index) => {
    try {
      return write(item, text);
    } catch (error) {
      if (error instanceof AppError) throw new RefusedClaim(index, error);
      throw error;
    }
  });
  if (trigger !== null) {
    db.prepare<[number, number]>(
      'INSERT INTO claims_fts (rowid, exact, note, rationale) SELECT id, exact, note, rationale FROM claims WHERE id BETWEEN ? AND ?',
    ).run(ids[0]!, ids[ids.length - 1]!);
    db.exec(trigger);
  }
  return ids;
}

/** A function that writes one claim of `documentId` (whose plain text it is given) and returns its id. */
function claimWriter(db: Database, documentId: number): (item: NewClaimItem, text: string) => number {
  const live = rememberedLiveChecks(db);
  const actor = getActor(db);
  const partOf = currentPartOf(db);
  const now = nowIso();
  // Statements are shared per connection: each use below sets its mode (pluck) itself.
  const taken = statement<[number, string], number>(db, 'SELECT id FROM claims WHERE document_id = ? AND imported_from = ?');
  const insertClaim = statement<unknown[], number>(
    db,
    `INSERT INTO claims (uid, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id,
                         confidence, rationale, status, note, group_id, created_by, imported_from, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertHop = statement(db, 'INSERT INTO attribution_hops (claim_id, position, speaker_id, role, reliability) VALUES (?, ?, ?, ?, ?)');
  const insertSource = statement(db, 'INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) VALUES (?, ?, ?, ?, ?)');
  const insertTag = statement(db, 'INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
  const insertHistory = statement(
    db,
    `INSERT INTO history (at, actor_id, entity, entity_id, action, before_json, after_json, part_of_id, claim_id)
     VALUES (?, ?, 'claim', ?, 'create', NULL, ?, ?, ?)`,
  );
  const imported = new Set<string>();

  return (item, text) => {
    const anchor = checkAnchor(text, item.anchor, item.unplaced !== true);
    const importedFrom = item.importedFrom ?? null;
    if (importedFrom !== null) {
      if (typeof importedFrom !== 'string' || importedFrom === '' || importedFrom.length > MAX_IMPORTED_FROM) {
        invalid(`Where a claim was imported from must be an id of 1 to ${MAX_IMPORTED_FROM} characters.`);
      }
      const earlier = imported.has(importedFrom) ? 'Another claim of this batch' : taken.pluck().get(documentId, importedFrom);
      if (earlier !== undefined) {
        throw new AppError('conflict', `${typeof earlier === 'number' ? `Claim ${earlier}` : earlier} was already imported from this annotation.`);
      }
      imported.add(importedFrom);
    }
    const values = resolveClaimInput(db, item.input, live);
    const groupId = item.groupId ?? null;
    const id = insertClaim.pluck().get(
      randomUUID(), documentId, anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, values.attribution.kind,
      values.claimType, values.verdictId, values.confidence, values.rationale, values.status, values.note, groupId, actor, importedFrom, now, now,
    ) as number;
    values.attribution.chain.forEach((hop, position) => insertHop.run(id, position, hop.speakerId, hop.role, hop.reliability));
    values.sources.forEach((link, position) => insertSource.run(id, position, link.sourceId, link.role, link.pinpoint));
    for (const tagId of values.tagIds) insertTag.run(id, tagId);
    // The record form claimRecord would read back, field for field.
    const record: ClaimRecord = { anchor, ...values, groupId, deletedAt: null };
    insertHistory.run(now, actor, id, JSON.stringify(recordInOrder(record)), partOf, id);
    return id;
  };
}

/** `record` with its fields in claimRecord's order, so the stored JSON reads the same. */
function recordInOrder(record: ClaimRecord): ClaimRecord {
  const { anchor, verdictId, confidence, note, rationale, status, claimType, attribution, sources, tagIds, groupId, deletedAt } = record;
  return {
    anchor: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start: anchor.start, end: anchor.end },
    verdictId,
    confidence,
    note,
    rationale,
    status,
    claimType,
    attribution,
    sources,
    tagIds,
    groupId,
    deletedAt,
  };
}

/**
 * Drops the trigger that indexes each new claim for search, and returns the SQL that creates
 * it again (read from the schema, so it is the one the migrations made). The caller, in the
 * same transaction, indexes the rows it inserted and runs that SQL before committing.
 */
function suspendClaimIndexTrigger(db: Database): string {
  const sql = db
    .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'claims_fts_after_insert'")
    .pluck()
    .get();
  if (sql === undefined) throw new Error('The claims search index has no insert trigger.');
  db.exec('DROP TRIGGER claims_fts_after_insert');
  return sql;
}
