/**
 * Prepared statements kept per connection. Preparing a statement parses and plans its SQL
 * (0.05–0.3 ms for the store's queries), which is most of the cost of a function that then
 * runs it once on one row — creating a claim prepared a dozen. The store's fixed SQL is
 * prepared once per connection here and reused; SQLite prepares it again by itself when the
 * schema changes.
 *
 * Only SQL whose text is fixed in the code belongs here (a statement is kept per distinct
 * text); SQL assembled from optional parts keeps using `db.prepare`.
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/** More distinct texts than the store has: a bound that only a misuse (SQL built from input) would reach. */
const MAX_STATEMENTS = 500;

/**
 * The statement for `sql` on `db`, prepared on first use and kept for the connection, in its
 * default mode (objects, not plucked or raw: set the mode at each use, as `db.prepare` callers do).
 */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  } else if (prepared.reader) {
    prepared.raw(false).pluck(false);
  }
  return prepared as unknown as Statement<P, R>;
}
