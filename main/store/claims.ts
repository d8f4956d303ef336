/**
 * Claims: quoted spans of a document's plain text with their attribution, verdict, confidence,
 * note and sources. Deleting is soft (the claim goes to the bin, `deleted_at` set) so it can
 * be restored; only deleting the document removes claims for good.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimFields, TextAnchor } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { sourcesOfClaim, sourcesOfDocument, writeClaimSources } from './claim-sources';
import { CLAIM_COLUMNS, NOW_SQL, blankToNull, toClaim, type ClaimRow } from './rows';
import { verdictExists } from './verdicts';

/** What createClaim needs. */
export interface NewClaim {
  readonly documentId: number;
  readonly anchor: TextAnchor;
  readonly fields: ClaimFields;
}

/**
 * The query behind listClaims (exported for its query-plan test): a document's claims in text
 * order, served by the index claims_by_document.
 */
export const LIST_CLAIMS_SQL = `
  SELECT ${CLAIM_COLUMNS} FROM claims
  WHERE document_id = @documentId AND (@includeDeleted = 1 OR deleted_at IS NULL)
  ORDER BY pos_start, pos_end, id`;

/**
 * A document's claims in text order (start, end, id), without those in the bin unless
 * `includeDeleted`. AppError('not-found') if the document does not exist.
 */
export function listClaims(db: Database, documentId: number, options: { includeDeleted?: boolean } = {}): Claim[] {
  return db.transaction(() => {
    if (db.prepare<[number], number>('SELECT 1 FROM documents WHERE id = ?').pluck().get(documentId) === undefined) {
      throw documentNotFound();
    }
    const rows = db
      .prepare<[{ documentId: number; includeDeleted: number }], ClaimRow>(LIST_CLAIMS_SQL)
      .all({ documentId, includeDeleted: options.includeDeleted ? 1 : 0 });
    const sources = sourcesOfDocument(db, documentId);
    return rows.map((row) => toClaim(row, sources.get(row.id) ?? []));
  })();
}

/** One claim, live or in the bin; AppError('not-found') if there is none. */
export function getClaim(db: Database, id: number): Claim {
  const row = db.prepare<[number], ClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This claim does not exist (it may have been deleted).');
  return toClaim(row, sourcesOfClaim(db, id));
}

/**
 * Stores a new claim on a document. AppError 'not-found' (no such document),
 * 'invalid-argument' for an unknown verdict or an anchor whose `exact` is not the document's
 * plain text between `start` and `end`.
 */
export function createClaim(db: Database, input: NewClaim): Claim {
  const { documentId, anchor, fields } = input;
  return db.transaction(() => {
    const plainText = db
      .prepare<[number], string>('SELECT plain_text FROM documents WHERE id = ?')
      .pluck()
      .get(documentId);
    if (plainText === undefined) throw documentNotFound();
    checkVerdict(db, fields.verdictId);
    const inRange = Number.isInteger(anchor.start) && anchor.start >= 0 && anchor.end > anchor.start;
    if (!inRange || anchor.end > plainText.length || plainText.slice(anchor.start, anchor.end) !== anchor.exact) {
      throw new AppError('invalid-argument', 'The selected text does not match the document.');
    }
    const id = db
      .prepare(
        `INSERT INTO claims (document_id, exact, prefix, suffix, pos_start, pos_end,
                             speaker, attribution_kind, verdict_id, confidence, note)
         VALUES (@documentId, @exact, @prefix, @suffix, @start, @end,
                 @speaker, @kind, @verdictId, @confidence, @note)
         RETURNING id`,
      )
      .pluck()
      .get({ documentId, ...anchor, ...fieldParams(fields) }) as number;
    writeClaimSources(db, id, fields.sources);
    return getClaim(db, id);
  })();
}

/**
 * Replaces the editable fields of a live claim (its sources are rewritten in the given order)
 * and bumps updated_at. AppError 'not-found', or 'invalid-argument' for a claim in the bin or
 * an unknown verdict.
 */
export function updateClaim(db: Database, id: number, fields: ClaimFields): Claim {
  return db.transaction(() => {
    if (getClaim(db, id).deletedAt !== null) {
      throw new AppError('invalid-argument', 'This claim is in the bin; restore it before editing it.');
    }
    checkVerdict(db, fields.verdictId);
    db.prepare(
      `UPDATE claims SET speaker = @speaker, attribution_kind = @kind, verdict_id = @verdictId,
                         confidence = @confidence, note = @note, updated_at = ${NOW_SQL}
       WHERE id = @id`,
    ).run({ id, ...fieldParams(fields) });
    writeClaimSources(db, id, fields.sources);
    return getClaim(db, id);
  })();
}

/** Moves a claim to the bin (soft delete; see restoreClaim). A claim already there is unchanged. */
export function deleteClaim(db: Database, id: number): Claim {
  return db.transaction(() => {
    getClaim(db, id);
    db.prepare<[number]>(
      `UPDATE claims SET deleted_at = ${NOW_SQL}, updated_at = ${NOW_SQL} WHERE id = ? AND deleted_at IS NULL`,
    ).run(id);
    return getClaim(db, id);
  })();
}

/** Brings a claim back from the bin. A live claim is unchanged. AppError('not-found'). */
export function restoreClaim(db: Database, id: number): Claim {
  return db.transaction(() => {
    getClaim(db, id);
    db.prepare<[number]>(
      `UPDATE claims SET deleted_at = NULL, updated_at = ${NOW_SQL} WHERE id = ? AND deleted_at IS NOT NULL`,
    ).run(id);
    return getClaim(db, id);
  })();
}

function fieldParams(fields: ClaimFields) {
  return {
    speaker: blankToNull(fields.attribution.speaker),
    kind: fields.attribution.kind,
    verdictId: fields.verdictId,
    confidence: fields.confidence,
    note: blankToNull(fields.note),
  };
}

function checkVerdict(db: Database, verdictId: number): void {
  if (!verdictExists(db, verdictId)) throw new AppError('invalid-argument', 'Unknown verdict');
}

function documentNotFound(): AppError {
  return new AppError('not-found', 'This document does not exist (it may have been deleted).');
}
