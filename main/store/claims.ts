/**
 * Claims: quoted spans of a document's plain text with their full record — sources with roles,
 * the attribution chain, type, verdict, confidence, rationale, status, tags and note. Deleting
 * is soft (the claim goes to the bin) so it can be restored; only deleting the document
 * removes claims for good. Claims seen as "the same claim" in several documents are linked
 * into a group, whose id is the smallest claim id in it. Every claim has a random uid, fixed
 * at creation, by which copies of a project recognise it.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimInput, TextAnchor } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { resolveClaimInput } from './claim-input';
import { RefusedClaim, writeClaims } from './claims-bulk';
import { CLAIM_COLUMNS, claimRow, getClaim, queryClaims } from './claim-read';
import { binClaim, changeClaim, checkAnchor, claimDocumentText, claimRecord, unbinClaim } from './claim-record';
import { recordChange, recordDelete, recordDiff } from './history-log';
import { statement } from './statements';
import { invalid, nowIso } from './validate';

export { getClaim };
export { filterClaims } from './claim-filter';

/** What createClaim needs. */
export interface NewClaim {
  readonly documentId: number;
  readonly anchor: TextAnchor;
  readonly input: ClaimInput;
  /** The id (IRI) of the annotation the claim is imported from; at most one claim per document has each. */
  readonly importedFrom?: string | null;
  /**
   * True for an imported claim whose quote was not found in the text: its anchor is stored as
   * the file gave it (offsets within the text, but the quote not there), and the claim is an
   * orphan until someone re-attaches it (reattachClaim).
   */
  readonly unplaced?: boolean;
}

/** Longest `importedFrom` accepted. */
export const MAX_IMPORTED_FROM = 2048;

/**
 * The query behind listClaims (exported for its query-plan test): a document's claims in text
 * order, served by the index claims_by_document.
 */
export const LIST_CLAIMS_SQL = `
  SELECT ${CLAIM_COLUMNS} FROM claims c
  WHERE c.document_id = ? AND (? = 1 OR c.deleted_at IS NULL)
  ORDER BY c.pos_start, c.pos_end, c.id`;

/**
 * A document's claims in text order (start, end, id), fully resolved, without those in the bin
 * unless `includeDeleted`. AppError('not-found') if the document does not exist.
 */
export function listClaims(db: Database, documentId: number, options: { includeDeleted?: boolean } = {}): Claim[] {
  return db.transaction(() => {
    requireDocument(db, documentId);
    return queryClaims(db, LIST_CLAIMS_SQL, [documentId, options.includeDeleted ? 1 : 0]);
  })();
}

/**
 * Stores a new claim on a document, with a new uid, creating the sources, speakers and free
 * tags its input names as new, all in one transaction; the claim's author is the connection's
 * actor. AppError 'not-found' (no such document), 'invalid-argument' for an anchor that does
 * not match the document's plain text (see `unplaced`), or input naming a verdict, source,
 * speaker or tag that does not exist or is deleted, or with bad values; 'conflict' when a
 * claim of the document was already imported from `importedFrom`.
 */
export function createClaim(db: Database, claim: NewClaim): Claim {
  // A batch of one: the same checks and writes, each claim written once with its final values.
  return db.transaction(() => {
    try {
      return getClaim(db, writeClaims(db, claim.documentId, [claim])[0]!);
    } catch (error) {
      if (error instanceof RefusedClaim) throw new AppError(error.kind, error.message);
      throw error;
    }
  })();
}

/**
 * Replaces the record of a live claim with `input` (new sources, speakers and free tags are
 * created); its anchor stays. Records only the fields that changed. AppError 'not-found', or
 * 'invalid-argument' for a claim in the bin or bad input (see createClaim).
 */
export function updateClaim(db: Database, id: number, input: ClaimInput): Claim {
  return db.transaction(() => {
    if (claimRow(db, id).deleted_at !== null) invalid('This claim is in the bin; restore it before editing it.');
    changeClaim(db, id, resolveClaimInput(db, input));
    return getClaim(db, id);
  })();
}

/**
 * Attaches a live claim to other text of its document: its anchor becomes `anchor`, which must
 * match the document's plain text as createClaim's must. Recorded in the history as a change
 * of the field `anchor` (undone like any other change); an unchanged anchor records nothing.
 * AppError 'not-found', or 'invalid-argument' for a claim in the bin or an anchor that does
 * not match.
 */
export function reattachClaim(db: Database, id: number, anchor: TextAnchor): Claim {
  return db.transaction(() => {
    if (claimRow(db, id).deleted_at !== null) invalid('This claim is in the bin; restore it before editing it.');
    changeClaim(db, id, { anchor: checkAnchor(claimDocumentText(db, id), anchor, true) });
    return getClaim(db, id);
  })();
}

/** Moves a claim to the bin (soft delete; see restoreClaim). A claim already there is unchanged. */
export function deleteClaim(db: Database, id: number): Claim {
  return db.transaction(() => {
    if (claimRow(db, id).deleted_at === null) {
      binClaim(db, id);
      recordDelete(db, 'claim', id);
    }
    return getClaim(db, id);
  })();
}

/**
 * Brings a claim back from the bin; a live claim is unchanged. AppError 'not-found', or
 * 'conflict' while a source or speaker it cites is in the bin.
 */
export function restoreClaim(db: Database, id: number): Claim {
  return db.transaction(() => {
    const before = claimRecord(db, id);
    if (before.deletedAt !== null) {
      unbinClaim(db, id);
      recordDiff(db, 'claim', id, before, claimRecord(db, id), 'restore');
    }
    return getClaim(db, id);
  })();
}

/**
 * Links claim `id` and claim `withId` (and the groups they are in) as one claim: they all get
 * the smallest claim id among them as group id. Each change is recorded. Returns claim `id`.
 */
export function linkClaims(db: Database, id: number, withId: number): Claim {
  return db.transaction(() => {
    const rows = [claimRow(db, id), claimRow(db, withId)];
    if (rows.some((row) => row.deleted_at !== null)) invalid('A claim in the bin cannot be linked; restore it first.');
    if (id === withId) invalid('A claim cannot be linked with itself.');
    const groups = rows.map((row) => row.group_id).filter((group) => group !== null);
    const members = new Set([id, withId, ...groups.flatMap((group) => groupMembers(db, group))]);
    const group = Math.min(...members);
    for (const member of members) changeClaim(db, member, { groupId: group });
    return getClaim(db, id);
  })();
}

/**
 * The group a claim created now joins when it is linked with live claim `id`: id's group, or,
 * when id is in none, a new group of id alone, with id's id, the change recorded as linkClaims
 * records it. The caller creates the new claim with this group id (createClaims' `groupId`) in
 * the same transaction: one history entry for the new claim instead of linkClaims' two.
 */
export function startGroup(db: Database, id: number): number {
  const row = claimRow(db, id);
  if (row.deleted_at !== null) invalid('A claim in the bin cannot be linked; restore it first.');
  if (row.group_id !== null) return row.group_id;
  statement(db, 'UPDATE claims SET group_id = id, updated_at = ? WHERE id = ?').run(nowIso(), id);
  recordChange(db, { entity: 'claim', entityId: id, action: 'update', before: { groupId: null }, after: { groupId: id } });
  return id;
}

/**
 * Takes claim `id` out of its group. A group left with one claim dissolves; a group that lost
 * its smallest id is renumbered. Each change is recorded. Returns claim `id`.
 */
export function unlinkClaim(db: Database, id: number): Claim {
  return db.transaction(() => {
    const group = claimRow(db, id).group_id;
    if (group === null) return getClaim(db, id);
    changeClaim(db, id, { groupId: null });
    const rest = groupMembers(db, group);
    const next = rest.length <= 1 ? null : Math.min(...rest);
    for (const member of rest) changeClaim(db, member, { groupId: next });
    return getClaim(db, id);
  })();
}

/** The live claims linked with `id` as the same claim (in this or other documents), without itself. */
export function linkedClaims(db: Database, id: number): Claim[] {
  const group = claimRow(db, id).group_id;
  if (group === null) return [];
  return queryClaims(db, `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.group_id = ? AND c.id <> ? AND c.deleted_at IS NULL ORDER BY c.document_id, c.pos_start`, [group, id]);
}

function groupMembers(db: Database, group: number): number[] {
  return statement<[number], number>(db, 'SELECT id FROM claims WHERE group_id = ? ORDER BY id').pluck().all(group);
}

/** AppError('not-found') unless document `documentId` exists (without reading its text). */
function requireDocument(db: Database, documentId: number): void {
  const found = statement<[number], number>(db, 'SELECT 1 FROM documents WHERE id = ?').pluck().get(documentId);
  if (found === undefined) throw new AppError('not-found', 'This document does not exist (it may have been deleted).');
}
