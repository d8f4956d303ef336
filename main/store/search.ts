/**
 * Full-text search over a project's documents and live claims (FTS5, see migration 1).
 *
 * What a user types is never passed to MATCH as it is: FTS5 has its own query language, in
 * which `"`, `*`, `(`, `NEAR` or `OR` change the meaning or fail to parse. Each word becomes a
 * quoted string (so it is only text), and the last word a prefix query, for search-as-you-type.
 */
import type { Database } from 'better-sqlite3';

/** One search result. `snippet` marks the matched words with SNIPPET_OPEN/SNIPPET_CLOSE. */
export interface SearchHit {
  readonly kind: 'document' | 'claim';
  readonly documentId: number;
  /** Set when kind is 'claim'. */
  readonly claimId: number | null;
  /** Plain text around the match; not HTML. */
  readonly snippet: string;
}

/** Marks the start of a matched word in a snippet (a control character, never in article text). */
export const SNIPPET_OPEN = '\u0002';
/** Marks the end of a matched word in a snippet. */
export const SNIPPET_CLOSE = '\u0003';

const MAX_LIMIT = 500;
const SNIPPET_TOKENS = 12;

/**
 * Turns what a user typed into a safe FTS5 query: every word quoted (with `"` doubled), the
 * last one as a prefix; words are ANDed. Null when no word has a letter or digit.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return index === words.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

/**
 * Documents and live claims matching every word of `query` (the last as a prefix), best
 * matches first, at most `limit`. An empty query (or one without words) returns [].
 */
export function searchProject(db: Database, query: string, limit = 50): SearchHit[] {
  const match = toFtsQuery(query);
  if (match === null) return [];
  const max = Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : 50;
  const rows = db
    .prepare<[{ match: string; limit: number; open: string; close: string }], HitRow>(
      `SELECT 'document' AS kind, d.id AS document_id, NULL AS claim_id,
              snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet,
              documents_fts.rank AS score
       FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
       WHERE documents_fts MATCH @match
       UNION ALL
       SELECT 'claim', c.document_id, c.id,
              snippet(claims_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}),
              claims_fts.rank
       FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
       WHERE claims_fts MATCH @match AND c.deleted_at IS NULL
       ORDER BY score, kind, claim_id
       LIMIT @limit`,
    )
    .all({ match, limit: max, open: SNIPPET_OPEN, close: SNIPPET_CLOSE });
  return rows.map((row) => ({
    kind: row.kind,
    documentId: row.document_id,
    claimId: row.claim_id,
    snippet: row.snippet,
  }));
}

interface HitRow {
  kind: 'document' | 'claim';
  document_id: number;
  claim_id: number | null;
  snippet: string;
}
