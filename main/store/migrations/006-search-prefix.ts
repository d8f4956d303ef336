/**
 * Migration 6: prefix indexes for search-as-you-type.
 *
 * Every search treats its last word as a prefix (see search.ts). Without a prefix index, FTS5
 * answers `"pol"*` by merging the doclist of every term that starts with "pol" — hundreds of
 * terms on a desk of 100,000 claims, each time the query runs. `prefix = '2 3'` keeps extra
 * doclists for the first two and three characters of every term, so a prefix of two or three
 * characters reads one doclist (a longer prefix merges only the few terms that share it).
 *
 * FTS5 options cannot be changed on an existing table: the three search indexes (documents,
 * claims, sources) are dropped and made again with the same columns, tokenizer, external
 * content and triggers as migrations 1–3 left them, and rebuilt from their tables. Frozen once
 * shipped (the helper below is this file's own copy).
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/** The indexed columns of each search index, as migrations 1 (documents), 3 (claims) and 2 (sources) made them. */
const INDEXES = [
  { table: 'documents', columns: ['title', 'plain_text'] },
  { table: 'claims', columns: ['exact', 'note', 'rationale'] },
  { table: 'sources', columns: ['title', 'publisher', 'notes', 'url'] },
] as const;

/**
 * Drops the FTS5 index over `table` and its triggers, and makes them again with prefix indexes
 * of two and three characters, filled from the table.
 */
function rebuildWithPrefixes(table: string, columns: readonly string[]): string {
  const fts = `${table}_fts`;
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  return `
DROP TRIGGER ${fts}_after_insert;
DROP TRIGGER ${fts}_after_delete;
DROP TRIGGER ${fts}_after_update;
DROP TABLE ${fts};
CREATE VIRTUAL TABLE ${fts} USING fts5(
  ${list},
  content = '${table}', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
CREATE TRIGGER ${fts}_after_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${fts} (rowid, ${list}) VALUES (new.id, ${values('new')});
END;
CREATE TRIGGER ${fts}_after_delete AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});
END;
CREATE TRIGGER ${fts}_after_update AFTER UPDATE OF ${list} ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});
  INSERT INTO ${fts} (rowid, ${list}) VALUES (new.id, ${values('new')});
END;`;
}

/** Migration 6: the search indexes again, with prefix indexes (see the header of this file). */
export const searchPrefix: Migration = {
  version: 6,
  name: 'search-prefix',
  up(db: Database): void {
    for (const { table, columns } of INDEXES) db.exec(rebuildWithPrefixes(table, columns));
  },
};
