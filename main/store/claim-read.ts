/**
 * Reading claims, fully resolved: each comes with its cited sources (as summaries), its
 * attribution chain (with speaker names) and its tag ids. Links are fetched for a whole list
 * of claims at once — four queries however many claims — never one query per claim.
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
import { statement } from './statements';

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

/** The query for the source links of a list of claims (JSON array of ids): claim, source, role, pinpoint, in claim and citation order. */
export const SOURCE_LINKS_SQL = `SELECT cs.claim_id, cs.source_id, cs.role, cs.pinpoint FROM claim_sources cs
  WHERE cs.claim_id IN (SELECT value FROM json_each(?)) ORDER BY cs.claim_id, cs.position`;

/** The summaries of a list of sources (JSON array of ids): id, type, title, publisher, url, reliability. */
export const SOURCE_SUMMARIES_SQL = 'SELECT s.id, s.type, s.title, s.publisher, s.url, s.reliability FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))';

/** The attribution hops of a list of claims (JSON array of ids), with their speakers, in claim and chain order. */
export const HOPS_SQL = `SELECT h.claim_id, h.role, h.reliability, sp.id, sp.name, sp.kind FROM attribution_hops h JOIN speakers sp ON sp.id = h.speaker_id
  WHERE h.claim_id IN (SELECT value FROM json_each(?)) ORDER BY h.claim_id, h.position`;

/** The tag ids of a list of claims (JSON array of ids), in claim and tag order. */
export const TAGS_SQL = 'SELECT claim_id, tag_id FROM claim_tags WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, tag_id';

/** A row selected with CLAIM_COLUMNS in raw mode (an array, in the order of CLAIM_COLUMNS). */
type RawClaimRow = [
  id: number, uid: string, documentId: number, exact: string, prefix: string, suffix: string, start: number, end: number,
  attributionKind: string, claimType: string | null, verdictId: number, confidence: number, rationale: string | null,
  status: string, note: string | null, groupId: number | null, createdBy: number | null, importedFrom: string | null,
  createdAt: string, updatedAt: string, deletedAt: string | null,
];
type RawSourceLink = [claimId: number, sourceId: number, role: string, pinpoint: string | null];
type RawSourceSummary = [id: number, type: string, title: string, publisher: string | null, url: string | null, reliability: string];
type RawHop = [claimId: number, role: string, reliability: string, id: number, name: string, kind: string];
type RawTag = [claimId: number, tagId: number];

// The CHECK constraints admit only the domain's values, so the casts below are safe.

/**
 * Resolves claim rows read in raw mode (arrays: the mapping reads positions instead of
 * building an object per row first). The links of all of them are read at once: the source
 * links, the summaries of the distinct sources they cite (each read once, however many
 * claims cite it; every link still gets an object of its own), the hops and the tags.
 */
function resolveClaims(db: Database, rows: readonly RawClaimRow[]): Claim[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row[0]));
  const links = statement<[string], RawSourceLink>(db, SOURCE_LINKS_SQL).raw(true).all(ids) as unknown as RawSourceLink[];
  const summaries = new Map<number, RawSourceSummary>();
  if (links.length > 0) {
    const sourceIds = JSON.stringify([...new Set(links.map((link) => link[1]))]);
    const found = statement<[string], RawSourceSummary>(db, SOURCE_SUMMARIES_SQL).raw(true).all(sourceIds) as unknown as RawSourceSummary[];
    for (const summary of found) summaries.set(summary[0], summary);
  }
  const sources = groupBy(links, (link): ClaimSourceLink => {
    const s = summaries.get(link[1])!;
    return {
      source: { id: s[0], type: s[1] as SourceType, title: s[2], publisher: s[3], url: s[4], reliability: s[5] as Reliability },
      role: link[2] as SourceRole,
      pinpoint: link[3],
    };
  });
  const hops = groupBy(
    statement<[string], RawHop>(db, HOPS_SQL).raw(true).all(ids) as unknown as RawHop[],
    (hop): AttributionHop => ({
      speaker: { id: hop[3], name: hop[4], kind: hop[5] as SpeakerKind },
      role: hop[1] as HopRole,
      reliability: hop[2] as Reliability,
    }),
  );
  const tags = groupBy(statement<[string], RawTag>(db, TAGS_SQL).raw(true).all(ids) as unknown as RawTag[], (tag) => tag[1]);
  return rows.map((row) => ({
    id: row[0],
    uid: row[1],
    documentId: row[2],
    anchor: { exact: row[3], prefix: row[4], suffix: row[5], start: row[6], end: row[7] },
    sources: sources.get(row[0]) ?? [],
    attribution: { kind: row[8] as AttributionKind, chain: hops.get(row[0]) ?? [] },
    claimType: row[9] as ClaimType | null,
    verdictId: row[10],
    confidence: row[11],
    rationale: row[12],
    status: row[13] as ClaimStatus,
    note: row[14],
    tagIds: tags.get(row[0]) ?? [],
    groupId: row[15],
    createdAt: row[18],
    updatedAt: row[19],
    deletedAt: row[20],
    createdBy: row[16],
    importedFrom: row[17],
  }));
}

/** Groups rows whose first value is a claim id, in their order. */
function groupBy<R extends readonly [number, ...unknown[]], T>(rows: readonly R[], map: (row: R) => T): Map<number, T[]> {
  const byClaim = new Map<number, T[]>();
  for (const row of rows) {
    const list = byClaim.get(row[0]);
    if (list === undefined) byClaim.set(row[0], [map(row)]);
    else list.push(map(row));
  }
  return byClaim;
}

const CLAIM_BY_ID_SQL = `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ?`;

/** The row of claim `id`, live or in the bin; AppError('not-found'). */
export function claimRow(db: Database, id: number): ClaimRow {
  const row = statement<[number], ClaimRow>(db, CLAIM_BY_ID_SQL).get(id);
  if (row === undefined) throw notFound();
  return row;
}

/** One claim, live or in the bin, fully resolved; AppError('not-found') if there is none. */
export function getClaim(db: Database, id: number): Claim {
  const row = statement<[number], RawClaimRow>(db, CLAIM_BY_ID_SQL).raw(true).get(id) as unknown as RawClaimRow | undefined;
  if (row === undefined) throw notFound();
  return resolveClaims(db, [row])[0]!;
}

function notFound(): AppError {
  return new AppError('not-found', 'This claim does not exist (it may have been deleted).');
}

/**
 * Claims selected by `sql` (which must select CLAIM_COLUMNS from `claims c`) with `params`,
 * fully resolved. The statement is kept for the connection (see statements.ts), so `sql` must
 * be one of a fixed set of texts, never built from input.
 */
export function queryClaims(db: Database, sql: string, params: unknown[]): Claim[] {
  return resolveClaims(db, statement<unknown[], RawClaimRow>(db, sql).raw(true).all(...params) as unknown as RawClaimRow[]);
}
