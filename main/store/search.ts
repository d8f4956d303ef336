/**
 * Full-text search over a project's documents, live claims (quote, note, rationale) and live
 * sources (title, publisher, notes, URL), with FTS5 (see migrations 1 and 2).
 *
 * What a user types is never passed to MATCH as it is: FTS5 has its own query language, in
 * which `"`, `*`, `(`, `NEAR` or `OR` change the meaning or fail to parse. Each word becomes a
 * quoted string (so it is only text), and the last word a prefix query, for search-as-you-type.
 */
import type { Database } from 'better-sqlite3';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchResults } from '../../shared/domain';
import { statement } from './statements';

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

interface HitRow {
  kind: SearchHit['kind'];
  document_id: number | null;
  claim_id: number | null;
  source_id: number | null;
  title: string;
  snippet: string;
}

/**
 * How many matches of each kind (documents, claims, sources) a search ranks at most: the
 * newest ones (highest ids). Search runs as the user types, and the first letters of a word
 * match a large part of a desk ("pol" matches a claim in four on a newsroom desk of 100,000);
 * ranking every one of them, and reading each claim to leave out those in the bin, costs tens
 * of milliseconds per keystroke for a list of 50. Within the candidates the ranking is exact
 * (bm25 with the statistics of the whole index), so a query with fewer matches than this —
 * any query once a word or two are typed — gets exactly the best hits of the whole project.
 * Claims and sources in the bin are still in the index, so they count among the candidates
 * before they are left out: a search may show fewer hits than it could when many of the
 * newest matches are in the bin.
 */
export const SEARCH_CANDIDATES = 2000;

/** The id of the match of @match in `fts` that has `newer` (an SQL expression) newer matches before it. */
function nthNewestMatch(fts: string, newer: string): string {
  return `SELECT rowid FROM ${fts} WHERE ${fts} MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET ${newer}`;
}

/** The smallest id among the newest SEARCH_CANDIDATES matches in `fts` (a floor below every id when there are fewer). */
function candidateFloor(fts: string): string {
  return `ifnull((${nthNewestMatch(fts, '@candidates - 1')}), -9223372036854775808)`;
}

/** The snippets of the hits of one kind, from one pass over the matches of `fts` in the range of the hits' ids. */
function snippets(fts: string, idColumn: string): string {
  return `SELECT rowid AS id, snippet(${fts}, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
    FROM ${fts}
    WHERE ${fts} MATCH @match
      AND rowid BETWEEN (SELECT min(${idColumn}) FROM hits) AND (SELECT max(${idColumn}) FROM hits)
      AND +rowid IN (SELECT ${idColumn} FROM hits)`;
}

/**
 * The query behind searchProject (exported for the benchmark, which runs it raw): named
 * parameters `match` (an FTS5 query, see toFtsQuery), `limit`, `candidates`
 * (SEARCH_CANDIDATES), `open` and `close`.
 *
 * The best `limit` hits are chosen first, by rank alone, among the newest `candidates` matches
 * of each kind (see SEARCH_CANDIDATES). Only they get a snippet, and the snippets of each kind
 * come from one pass over that index's matches in the range of the hits' ids: a snippet needs
 * the match positions of its row, and looking each hit up on its own (MATCH with rowid =)
 * evaluates the whole query again for every hit — a tenth of a millisecond or more when a word
 * is common. Computing snippets in the ranking query would make one for every match.
 */
export const SEARCH_SQL = `
  WITH hits AS MATERIALIZED (
    SELECT 'document' AS kind, rowid AS document_id, NULL AS claim_id, NULL AS source_id, rank AS score
    FROM documents_fts WHERE documents_fts MATCH @match AND rowid >= ${candidateFloor('documents_fts')}
    UNION ALL
    SELECT 'claim', c.document_id, c.id, NULL, claims_fts.rank
    FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
    WHERE claims_fts MATCH @match AND claims_fts.rowid >= ${candidateFloor('claims_fts')} AND c.deleted_at IS NULL
    UNION ALL
    SELECT 'source', NULL, NULL, s.id, sources_fts.rank
    FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
    WHERE sources_fts MATCH @match AND sources_fts.rowid >= ${candidateFloor('sources_fts')} AND s.deleted_at IS NULL
    ORDER BY score, kind, document_id, claim_id, source_id
    LIMIT @limit
  ),
  document_snippets AS MATERIALIZED (${snippets('documents_fts', "CASE kind WHEN 'document' THEN document_id END")}),
  claim_snippets AS MATERIALIZED (${snippets('claims_fts', 'claim_id')}),
  source_snippets AS MATERIALIZED (${snippets('sources_fts', 'source_id')})
  SELECT h.kind, h.document_id, h.claim_id, h.source_id,
         CASE h.kind WHEN 'source' THEN (SELECT title FROM sources WHERE id = h.source_id)
                     ELSE (SELECT title FROM documents WHERE id = h.document_id) END AS title,
         CASE h.kind
           WHEN 'document' THEN (SELECT snippet FROM document_snippets WHERE id = h.document_id)
           WHEN 'claim' THEN (SELECT snippet FROM claim_snippets WHERE id = h.claim_id)
           ELSE (SELECT snippet FROM source_snippets WHERE id = h.source_id)
         END AS snippet
  FROM hits h
  ORDER BY h.score, h.kind, h.document_id, h.claim_id, h.source_id`;

/**
 * Documents, live claims and live sources matching every word of `query` (the last as a
 * prefix), best matches first, at most `limit`. A claim's title is its document's; snippets
 * are plain text (not HTML) with matches between SNIPPET_OPEN and SNIPPET_CLOSE. An empty
 * query (or one without words) returns [].
 */
export function searchProject(db: Database, query: string, limit = 50): SearchHit[] {
  const match = toFtsQuery(query);
  return match === null ? [] : searchMatch(db, match, limit);
}

/** searchProject for an FTS5 query already made (see toFtsQuery). */
function searchMatch(db: Database, match: string, limit: number): SearchHit[] {
  const max = Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : 50;
  const rows = statement<[{ match: string; limit: number; candidates: number; open: string; close: string }], HitRow>(db, SEARCH_SQL)
   .all({ match, limit: max, candidates: SEARCH_CANDIDATES, open: SNIPPET_OPEN, close: SNIPPET_CLOSE });
  return rows.map((row) => ({
   kind: row.kind,
   documentId: row.document_id,
   claimId: row.claim_id,
   sourceId: row.source_id,
   title: row.title,
   snippet: row.snippet,
  }));
}

/**
 * searchProject with whether the bound of SEARCH_CANDIDATES cut in: some kind has more matches
 * than were ranked, so older matches may be missing until the query says more.
 */
export function searchWithBound(db: Database, query: string, limit = 50): SearchResults {
  const match = toFtsQuery(query);
  if (match === null) return { hits: [], bound: null };
  const hits = searchMatch(db, match, limit);
  const beyond = (fts: string) =>
    statement<[{ match: string; candidates: number }], number>(db, nthNewestMatch(fts, '@candidates'))
      .pluck()
      .get({ match, candidates: SEARCH_CANDIDATES }) !== undefined;
  return { hits, bound: beyond('documents_fts') || beyond('claims_fts') || beyond('sources_fts') ? SEARCH_CANDIDATES : null };
}
