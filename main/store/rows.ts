/**
 * Document rows as SQLite returns them, and their mapping to the domain types. The other
 * records keep their rows beside their own code (`*-record.ts`), so a query and its mapper
 * cannot drift.
 */
import type { DocumentSummary, SourceFormat } from '../../shared/domain';

/** SQL for "now" as stored in every timestamp column: ISO-8601 UTC with milliseconds. */
export const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/**
 * Columns of a document summary; `d` is `documents`, the claim count counts live claims, the
 * version count the documents of its series (served by documents_by_series).
 */
export const DOCUMENT_SUMMARY_COLUMNS = `
  d.id, d.title, d.publication, d.author, d.url, d.published_on, d.created_at, d.updated_at,
  (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL) AS claim_count,
  d.series_id, d.version, (SELECT count(*) FROM documents s WHERE s.series_id = d.series_id) AS version_count,
  d.language, d.source_format`;

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
  series_id: number;
  version: number;
  version_count: number;
  language: string | null;
  source_format: string | null;
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
    seriesId: row.series_id,
    version: row.version,
    versionCount: row.version_count,
    language: row.language,
    sourceFormat: row.source_format as SourceFormat | null,
  };
}
