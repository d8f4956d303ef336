/**
 * Which claims an export of a document contains — shared by the export itself and by the
 * publication gate, so the gate checks exactly what would go out.
 */
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimFilter } from '../../shared/domain';
import { readingOrder } from '../../shared/domain/reading-order';
import { filterClaims } from './claim-filter';
import { listClaims } from './claims';

/**
 * The live claims of document `documentId` an export contains: all of them, or with `filter`
 * (the filters on screen) those matching it; in reading order, as every format numbers them.
 */
export function exportSelection(db: Database, documentId: number, filter?: ClaimFilter): Claim[] {
  const claims = filter === undefined ? listClaims(db, documentId) : filterClaims(db, { ...filter, documentId, deleted: false });
  return claims.sort(readingOrder);
}
