/**
 * Rows as SQLite returns them, and their mapping to the domain types of `shared/domain.ts`.
 * Column lists live here beside the mappers so that a query and its mapper cannot drift.
 */
import type { AttributionKind, Claim, DocumentSummary, SourceRef, Verdict } from '../../shared/domain';

/** SQL for "now" as stored in every timestamp column: ISO-8601 UTC with milliseconds. */
export const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/** Trims text; empty or whitespace-only becomes null ("empty strings are stored as null"). */
export function blankToNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Columns of a document summary; `d` is `documents`, the claim count counts live claims. */
export const DOCUMENT_SUMMARY_COLUMNS = `
  d.id, d.title, d.publication, d.author, d.url, d.published_on, d.created_at, d.updated_at,
  (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL) AS claim_count`;

/** A row selected with DOCUMENT_SUMMARY_COLUMNS. */
export interface DocumentSummaryRow {
  id: number;
  title: string;
  publication: string | null;
  author: string | null;
  url: string | null;
  published_on: string | null;
  created_at: string;
  updated_at: string;
  claim_count: number;
}

/** Maps a DocumentSummaryRow. */
export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    publication: row.publication,
    author: row.author,
    url: row.url,
    publishedOn: row.published_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claimCount: row.claim_count,
  };
}

/** Columns of a claim, from `claims`. */
export const CLAIM_COLUMNS = `
  id, document_id, exact, prefix, suffix, pos_start, pos_end, speaker, attribution_kind,
  verdict_id, confidence, note, created_at, updated_at, deleted_at`;

/** A row selected with CLAIM_COLUMNS. */
export interface ClaimRow {
  id: number;
  document_id: number;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  speaker: string | null;
  attribution_kind: string;
  verdict_id: number;
  confidence: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Maps a ClaimRow and its sources (in position order). */
export function toClaim(row: ClaimRow, sources: readonly SourceRef[]): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    anchor: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.pos_start, end: row.pos_end },
    sources,
    // The CHECK constraint on attribution_kind admits only AttributionKind values.
    attribution: { speaker: row.speaker, kind: row.attribution_kind as AttributionKind },
    verdictId: row.verdict_id,
    confidence: row.confidence,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** A row of `verdicts`. */
export interface VerdictRow {
  id: number;
  key: string;
  label: string;
  color: string;
  position: number;
}

/** Maps a VerdictRow. */
export function toVerdict(row: VerdictRow): Verdict {
  return { id: row.id, key: row.key, label: row.label, color: row.color, position: row.position };
}
