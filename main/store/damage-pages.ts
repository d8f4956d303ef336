/**
 * Damages a project file as a failing disk might, in the pages of one table only, for the
 * tests of read-only recovery (unit and end-to-end). Test-only.
 *
 * Which pages hold a table depends on the file's history (migrations rebuild tables and
 * indexes), so they are looked up with SQLite's `dbstat` table rather than assumed.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Flips the first 64 bytes of every page of `table` (by default the claims' full-text index
 * data: the documents survive, and the damage shows in an integrity check). Returns how many
 * pages were damaged. The file must be closed (its write-ahead log checkpointed).
 */
export function damagePagesOf(file: string, table = 'claims_fts_data'): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let pages: number[];
  let pageSize: number;
  try {
    pageSize = db.pragma('page_size', { simple: true }) as number;
    pages = db.prepare<[string], number>('SELECT DISTINCT pageno FROM dbstat WHERE name = ? ORDER BY pageno').pluck().all(table);
  } finally {
    db.close();
  }
  if (pages.length === 0) throw new Error(`The project has no pages of "${table}" to damage.`);
  const bytes = fs.readFileSync(file);
  for (const page of pages) {
    const start = (page - 1) * pageSize;
    for (let i = start; i < start + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
  }
  fs.writeFileSync(file, bytes);
  return pages.length;
}
