import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SOURCE_FORMATS, VERSION_CHANGE_KINDS, VERSION_RESOLUTIONS } from '../../shared/domain';
import { listClaims } from './claims';
import { createDocument, getDocument, listDocuments } from './documents';
import { LATEST_VERSION, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { V4_VALUES } from './migrations/004-document-versions';
import { searchProject } from './search';
import { dumpTables, meta, queryPlan, tempFolder, articleBody } from './test-support';
import { findPreviousVersionCandidate, linkAsNewVersion } from './versions';

const V3_DOCUMENT_COLUMNS = 'id, title, publication, author, url, published_on, body_json, plain_text, origin, created_at, updated_at';

/** A project file at format 3, filled the way the v3 code wrote it: two documents with claims, one of them binned. */
function v3Project(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'v3.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 3));
  const text = 'Police said 14 people were killed on Tuesday.\n\nThe minister denied it.';
  const insert = db.prepare(
    `INSERT INTO documents (id, title, url, body_json, plain_text, origin, created_at, updated_at)
     VALUES (?, ?, ?, '{"type":"doc","content":[]}', ?, ?, ?, ?)`,
  );
  insert.run(1, 'Unrest', 'https://wire.example/unrest', text, 'sample:1', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
  insert.run(2, 'Unrest (updated)', 'https://wire.example/unrest', text.replace('14', '16'), null, '2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z');
  const claim = db.prepare(
    `INSERT INTO claims (id, uid, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, verdict_id, confidence, deleted_at)
     VALUES (?, ?, ?, ?, '', '', ?, ?, 'according-to', 3, 50, ?)`,
  );
  claim.run(1, 'u-1', 1, '14 people', 12, 21, null);
  claim.run(2, 'u-2', 1, 'The minister denied it', 47, 69, null);
  claim.run(3, 'u-3', 1, 'Tuesday', 37, 44, '2025-02-01T00:00:00.000Z');
  return db;
}

describe('migration 4 (document versions)', () => {
  it('makes every document version 1 of its own series and changes nothing else', () => {
    const db = v3Project();
    const documents = db.prepare(`SELECT ${V3_DOCUMENT_COLUMNS} FROM documents ORDER BY id`).all();
    const others = Object.entries(dumpTables(db)).filter(([table]) => table !== 'documents');
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });

    expect(db.prepare(`SELECT ${V3_DOCUMENT_COLUMNS} FROM documents ORDER BY id`).all()).toEqual(documents);
    expect(Object.entries(dumpTables(db)).filter(([table]) => table !== 'documents' && table !== 'version_changes')).toEqual(others);
    expect(db.prepare('SELECT id, series_id, version, language, source_format, kept_separate_at FROM documents ORDER BY id').all()).toEqual([
      { id: 1, series_id: 1, version: 1, language: null, source_format: null, kept_separate_at: null },
      { id: 2, series_id: 2, version: 1, language: null, source_format: null, kept_separate_at: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM version_changes').pluck().get()).toBe(0);

    // Read through the store (at the latest version): summaries with their version, claims and search as before.
    expect(migrate(db)).toEqual({ from: 4, to: LATEST_VERSION });
    expect(listDocuments(db).map((d) => [d.id, d.claimCount, d.seriesId, d.version, d.versionCount, d.language, d.sourceFormat])).toEqual([
      [2, 0, 2, 1, 1, null, null],
      [1, 2, 1, 1, 1, null, null],
    ]);
    expect(listClaims(db, 1, { includeDeleted: true }).map((c) => c.uid)).toEqual(['u-1', 'u-3', 'u-2']);
    expect(searchProject(db, 'minister').length).toBeGreaterThan(0);
  });

  it('lets the migrated documents become versions of one another', () => {
    const db = v3Project();
    migrate(db);
    expect(findPreviousVersionCandidate(db, 2)?.id).toBe(1);
    // "14 people" → "16 people": a short quote stored without context is not matched approximately.
    expect(linkAsNewVersion(db, 2, 1)).toMatchObject({ seriesId: 1, version: 2, carried: 2, vanished: 1, unchanged: 1 });
    expect(getDocument(db, 1)).toMatchObject({ version: 1, versionCount: 2 });
  });

  it('gives a document created afterwards a series of its own, and keeps the indexes and keys whole', () => {
    const db = v3Project();
    migrate(db);
    const doc = createDocument(db, { meta: meta('New'), body: articleBody('x'), plainText: 'x' });
    expect(doc).toMatchObject({ seriesId: doc.id, version: 1, versionCount: 1 });
    expect(() => db.prepare('UPDATE documents SET series_id = 1, version = 1 WHERE id = ?').run(doc.id)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE documents SET source_format = 'rtf' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE documents SET language = 'en us' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(queryPlan(db, 'SELECT count(*) FROM documents s WHERE s.series_id = ?', [1])).toContain('documents_by_series');
    expect(queryPlan(db, 'SELECT id FROM documents WHERE url = ?', ['https://wire.example/unrest'])).toContain('documents_by_url');
  });

  it('spells out the value lists the domain uses', () => {
    expect(V4_VALUES.sourceFormats).toEqual(SOURCE_FORMATS);
    expect(V4_VALUES.changeKinds).toEqual(VERSION_CHANGE_KINDS);
    expect(V4_VALUES.resolutions).toEqual(VERSION_RESOLUTIONS);
  });
});
