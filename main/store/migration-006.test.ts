import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { deleteClaim } from './claims';
import { createDocument } from './documents';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { searchProject } from './search';
import { createSource, deleteSource } from './sources';
import { addArticle, addClaim, articleBody, dumpTables, meta, sourceFields, tempFolder } from './test-support';

const SEARCH_INDEXES = ['documents_fts', 'claims_fts', 'sources_fts'];
const QUERIES = ['po', 'pol', 'police', 'police sa', 'cap', 'capital', 'min', 'ministry', 'bogota', 'caf', '14 peo', 'fax', 'nothing here'];

/** A project at format 5 with documents, claims (one in the bin), and sources (one in the bin), written by the store. */
function v5Project(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'v5.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 5));
  const documentId = addArticle(db);
  const plainText = 'Students marched to the Café Central. Police said the capital was calm.';
  createDocument(db, { meta: meta('Protests in Bogotá'), body: articleBody(plainText), plainText, origin: null });
  for (let i = 0; i < 30; i += 1) {
    const claim = addClaim(db, documentId, i % 2 === 0 ? '14 people' : 'Police said', {
      note: `Police count ${i} in the capital`,
      rationale: i % 3 === 0 ? 'Ministry records, by fax' : null,
    });
    if (i % 7 === 0) deleteClaim(db, claim.id);
    const source = createSource(db, sourceFields({ title: `Police bulletin ${i}`, publisher: 'Ministry of the Interior' }));
    if (i % 5 === 0) deleteSource(db, source.id);
  }
  return db;
}

function searches(db: Database.Database) {
  return QUERIES.map((query) => searchProject(db, query, 500));
}

/** The CREATE statement of each search index. */
function indexSql(db: Database.Database): string[] {
  return SEARCH_INDEXES.map((name) => db.prepare<[string], string>('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) ?? '');
}

/**
 * The size of the index data of `fts` over `columns` of `table`, less the size of the same index
 * made without prefix indexes: the doclists FTS5 keeps for the prefixes (the main index of both
 * is the same). The comparison index is made and dropped here.
 */
function prefixBytes(db: Database.Database, fts: string, table: string, columns: string): number {
  // Names come from the test's own constants, not from input.
  const size = (name: string) => db.prepare<[], number>(`SELECT sum(length(block)) FROM ${name}_data`).pluck().get() ?? 0;
  db.exec(`
    CREATE VIRTUAL TABLE plain_fts USING fts5(${columns}, content = '${table}', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO plain_fts (plain_fts) VALUES ('rebuild');
    INSERT INTO ${fts} (${fts}) VALUES ('optimize');`);
  const extra = size(fts) - size('plain_fts');
  db.exec('DROP TABLE plain_fts');
  return extra;
}

describe('migration 6 (search prefix indexes)', () => {
  it('gives every search index prefix indexes of two and three letters, and search finds the same hits before and after', () => {
    const db = v5Project();
    const before = searches(db);
    expect(before.filter((hits) => hits.length > 0).length).toBeGreaterThan(8);
    const tables = Object.entries(dumpTables(db)).filter(([table]) => !SEARCH_INDEXES.some((fts) => table.startsWith(fts)));
    const withoutPrefixes = prefixBytes(db, 'claims_fts', 'claims', 'exact, note, rationale');
    expect(Math.abs(withoutPrefixes)).toBeLessThan(16);

    expect(migrate(db, MIGRATIONS.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect(searches(db)).toEqual(before);
    expect(Object.entries(dumpTables(db)).filter(([table]) => !SEARCH_INDEXES.some((fts) => table.startsWith(fts)))).toEqual(tables);
    for (const sql of indexSql(db)) expect(sql).toContain("prefix = '2 3'");
    // The prefix doclists are there (a prefix query of two or three letters reads them instead
    // of merging every term that starts so), and integrity-check verifies them against the text.
    expect(prefixBytes(db, 'claims_fts', 'claims', 'exact, note, rationale')).toBeGreaterThan(500);
    expect(prefixBytes(db, 'sources_fts', 'sources', 'title, publisher, notes, url')).toBeGreaterThan(100);
    expect(prefixBytes(db, 'documents_fts', 'documents', 'title, plain_text')).toBeGreaterThan(100);
    for (const fts of SEARCH_INDEXES) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps the search indexes in step with new, edited and deleted rows afterwards', () => {
    const db = v5Project();
    migrate(db);
    const documentId = addArticle(db, 'Curfew in the provinces');
    const claim = addClaim(db, documentId, 'Tuesday', { note: 'Curfew announced by the governor' });
    const source = createSource(db, sourceFields({ title: 'Governor statement' }));
    expect(searchProject(db, 'gov').map((hit) => [hit.kind, hit.claimId ?? hit.sourceId])).toEqual(
      expect.arrayContaining([['claim', claim.id], ['source', source.id]]),
    );
    expect(searchProject(db, 'cu').some((hit) => hit.kind === 'document' && hit.documentId === documentId)).toBe(true);
    deleteClaim(db, claim.id);
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    expect(searchProject(db, 'cu')).toEqual([]);
    for (const fts of SEARCH_INDEXES) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`);
  });
});
