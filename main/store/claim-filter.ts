/**
 * Filtering claims across the project. Every field of a ClaimFilter adds one condition, each a
 * fixed SQL fragment with one parameter (lists are passed as JSON and read with json_each), so
 * the SQL text never contains input, and every condition is served by an index (the
 * query-plan tests check each shape). A tag matches its descendants too.
 */
import type { Database } from 'better-sqlite3';
import { CLAIM_STATUSES, CLAIM_TYPES, RELIABILITIES, type Claim, type ClaimFilter } from '../../shared/domain';
import { CLAIM_COLUMNS, queryClaims } from './claim-read';
import { toFtsQuery } from './search';
import { invalid, oneOf, recordId, recordIds } from './validate';

/** The fixed condition of each filter field; `?` is its one parameter. */
const CONDITIONS = {
  documentId: 'c.document_id = ?',
  text: 'c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)',
  verdictIds: 'c.verdict_id IN (SELECT value FROM json_each(?))',
  tagIds: `c.id IN (SELECT ct.claim_id FROM claim_tags ct WHERE ct.tag_id IN (
      WITH RECURSIVE tree(id) AS (SELECT value FROM json_each(?) UNION SELECT t.id FROM tags t JOIN tree ON t.parent_id = tree.id)
      SELECT id FROM tree))`,
  sourceIds: 'c.id IN (SELECT cs.claim_id FROM claim_sources cs WHERE cs.source_id IN (SELECT value FROM json_each(?)))',
  sourceReliabilities: `c.id IN (SELECT cs.claim_id FROM sources s JOIN claim_sources cs ON cs.source_id = s.id
      WHERE s.reliability IN (SELECT value FROM json_each(?)))`,
  speakerIds: 'c.id IN (SELECT h.claim_id FROM attribution_hops h WHERE h.speaker_id IN (SELECT value FROM json_each(?)))',
  statuses: 'c.status IN (SELECT value FROM json_each(?))',
  claimTypes: 'c.claim_type IN (SELECT value FROM json_each(?))',
  confidenceMin: 'c.confidence >= ?',
  confidenceMax: 'c.confidence <= ?',
  authorIds: 'c.created_by IN (SELECT value FROM json_each(?))',
} as const;

type Field = keyof typeof CONDITIONS;

/**
 * The SQL and parameters of `filter` (exported for the query-plan tests). AppError
 * ('invalid-argument') for a value of the wrong kind. Empty lists and text without words
 * do not narrow.
 */
export function claimFilterQuery(filter: ClaimFilter): { sql: string; params: unknown[] } {
  if (typeof filter !== 'object' || filter === null) invalid('The filter is missing.');
  const where: string[] = [filter.deleted ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (field: Field, value: unknown) => {
    where.push(CONDITIONS[field]);
    params.push(value);
  };
  const list = <T>(field: Field, value: readonly unknown[] | undefined, check: (values: readonly unknown[]) => T[]) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) invalid('A filter list must be a list.');
    if (value.length > 0) add(field, JSON.stringify(check(value)));
  };
  if (filter.documentId !== undefined) add('documentId', recordId(filter.documentId, 'The document'));
  if (filter.text !== undefined) {
    if (typeof filter.text !== 'string') invalid('The search text must be text.');
    const match = toFtsQuery(filter.text);
    if (match !== null) add('text', match);
  }
  list('verdictIds', filter.verdictIds, (v) => recordIds(v, 'A verdict'));
  list('tagIds', filter.tagIds, (v) => recordIds(v, 'A tag'));
  list('sourceIds', filter.sourceIds, (v) => recordIds(v, 'A source'));
  list('sourceReliabilities', filter.sourceReliabilities, (v) => v.map((r) => oneOf(r, RELIABILITIES, 'A reliability')));
  list('speakerIds', filter.speakerIds, (v) => recordIds(v, 'A speaker'));
  list('statuses', filter.statuses, (v) => v.map((s) => oneOf(s, CLAIM_STATUSES, 'A status')));
  list('claimTypes', filter.claimTypes, (v) => v.map((t) => oneOf(t, CLAIM_TYPES, 'A claim type')));
  list('authorIds', filter.authorIds, (v) => recordIds(v, 'An author'));
  if (filter.confidenceMin !== undefined) add('confidenceMin', confidence(filter.confidenceMin));
  if (filter.confidenceMax !== undefined) add('confidenceMax', confidence(filter.confidenceMax));
  // `+` keeps the planner from walking claims_by_document for the order when a condition has a
  // better index (a temporary sort of the matches is cheaper than reading every claim).
  return {
    sql: `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE ${where.join(' AND ')}
          ORDER BY +c.document_id, c.pos_start, c.pos_end, c.id`,
    params,
  };
}

function confidence(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    invalid('A confidence bound must be a number from 0 to 100.');
  }
  return value;
}

/**
 * The claims of the project (or of `filter.documentId`) that match every field of `filter`,
 * fully resolved, by document and position. Live claims, or the bin when `filter.deleted`.
 */
export function filterClaims(db: Database, filter: ClaimFilter): Claim[] {
  const { sql, params } = claimFilterQuery(filter);
  return queryClaims(db, sql, params);
}
