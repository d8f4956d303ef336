/**
 * Reading claims, fully resolved: each comes with its cited sources (as summaries), its
 * attribution chain (with speaker names) and its tag ids. Links are fetched for a whole list
 * of claims at once — three queries however many claims — never one query per claim.
 */
import type { Database } from 'better-sqlite3';
import type {
  AttributionHop,
  AttributionKind,
  Claim,
  ClaimSourceLink,
  ClaimStatus,
  ClaimType,
  HopRole,
  Reliability,
  SourceRole,
  SourceType,
  SpeakerKind,
} from '../../shared/domain';
import { AppError } from '../../shared/result';

/** Columns of a claim; `c` is `claims`. */
export const CLAIM_COLUMNS = `
  c.id, c.uid, c.document_id, c.exact, c.prefix, c.suffix, c.pos_start, c.pos_end, c.attribution_kind, c.claim_type,
  c.verdict_id, c.confidence, c.rationale, c.status, c.note, c.group_id, c.created_by, c.imported_from,
  c.created_at, c.updated_at, c.deleted_at`;

/** A row selected with CLAIM_COLUMNS. */
export interface ClaimRow {
  id: number;
  uid: string;
  document_id: number;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  attribution_kind: string;
  claim_type: string | null;
  verdict_id: number;
  confidence: number;
  rationale: string | null;
  status: string;
  note: string | null;
  group_id: number | null;
  created_by: number | null;
  imported_from: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface SourceLinkRow {
  claim_id: number;
  role: string;
  pinpoint: string | null;
  id: number;
  type: string;
  title: string;
  publisher: string | null;
  url: string | null;
  reliability: string;
}

interface HopRow {
  claim_id: number;
  role: string;
  reliability: string;
  id: number;
  name: string;
  kind: string;
}

// The CHECK constraints admit only the domain's values, so the casts below are safe.

/** Maps claim rows, fetching the links of all of them in three queries. */
export function toClaims(db: Database, rows: readonly ClaimRow[]): Claim[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const sources = groupBy(
    db
      .prepare<[string], SourceLinkRow>(
        `SELECT cs.claim_id, cs.role, cs.pinpoint, s.id, s.type, s.title, s.publisher, s.url, s.reliability
         FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
         WHERE cs.claim_id IN (SELECT value FROM json_each(?)) ORDER BY cs.claim_id, cs.position`,
      )
      .all(ids),
    (row): ClaimSourceLink => ({
      source: {
        id: row.id,
        type: row.type as SourceType,
        title: row.title,
        publisher: row.publisher,
        url: row.url,
        reliability: row.reliability as Reliability,
      },
      role: row.role as SourceRole,
      pinpoint: row.pinpoint,
    }),
  );
  const hops = groupBy(
    db
      .prepare<[string], HopRow>(
        `SELECT h.claim_id, h.role, h.reliability, sp.id, sp.name, sp.kind
         FROM attribution_hops h JOIN speakers sp ON sp.id = h.speaker_id
         WHERE h.claim_id IN (SELECT value FROM json_each(?)) ORDER BY h.claim_id, h.position`,
      )
      .all(ids),
    (row): AttributionHop => ({
      speaker: { id: row.id, name: row.name, kind: row.kind as SpeakerKind },
      role: row.role as HopRole,
      reliability: row.reliability as Reliability,
    }),
  );
  const tags = groupBy(
    db
      .prepare<[string], { claim_id: number; tag_id: number }>(
        'SELECT claim_id, tag_id FROM claim_tags WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, tag_id',
      )
      .all(ids),
    (row) => row.tag_id,
  );
  return rows.map((row) => ({
    id: row.id,
    uid: row.uid,
    documentId: row.document_id,
    anchor: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.pos_start, end: row.pos_end },
    sources: sources.get(row.id) ?? [],
    attribution: { kind: row.attribution_kind as AttributionKind, chain: hops.get(row.id) ?? [] },
    claimType: row.claim_type as ClaimType | null,
    verdictId: row.verdict_id,
    confidence: row.confidence,
    rationale: row.rationale,
    status: row.status as ClaimStatus,
    note: row.note,
    tagIds: tags.get(row.id) ?? [],
    groupId: row.group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    createdBy: row.created_by,
    importedFrom: row.imported_from,
  }));
}

function groupBy<R extends { claim_id: number }, T>(rows: readonly R[], map: (row: R) => T): Map<number, T[]> {
  const byClaim = new Map<number, T[]>();
  for (const row of rows) {
    const list = byClaim.get(row.claim_id) ?? [];
    list.push(map(row));
    byClaim.set(row.claim_id, list);
  }
  return byClaim;
}

/** The row of claim `id`, live or in the bin; AppError('not-found'). */
export function claimRow(db: Database, id: number): ClaimRow {
  const row = db.prepare<[number], ClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ?`).get(id);
  if (row === undefined) throw new AppError('not-found', 'This claim does not exist (it may have been deleted).');
  return row;
}

/** One claim, live or in the bin, fully resolved; AppError('not-found') if there is none. */
export function getClaim(db: Database, id: number): Claim {
  return toClaims(db, [claimRow(db, id)])[0] as Claim;
}

/** Claims selected by `sql` (which must select CLAIM_COLUMNS from `claims c`) with `params`. */
export function queryClaims(db: Database, sql: string, params: unknown[]): Claim[] {
  return toClaims(db, db.prepare<unknown[], ClaimRow>(sql).all(...params));
}
