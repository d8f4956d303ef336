import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { getClaim, listClaims } from './claims';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { searchProject } from './search';
import { dumpTables, queryPlan, tempFolder } from './test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;

const V2_CLAIM_COLUMNS =
  'id, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id, confidence, ' +
  'rationale, status, note, group_id, created_by, created_at, updated_at, deleted_at';

/** A project file at format 2, filled the way the v2 code wrote it: claims in two documents, linked, binned, cited, tagged. */
function v2Project(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'v2.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 2));
  const text = 'Police said 14 people were killed on Tuesday. The minister denied it.';
  db.exec(`
    INSERT INTO profiles (id, uid, name, initials, color) VALUES (1, 'p-1', 'Lena Hartsby', 'LH', '#336699');
    INSERT INTO speakers (id, kind, name) VALUES (1, 'government-body', 'Interior Ministry');
    INSERT INTO sources (id, title, url) VALUES (1, 'Police statement', 'https://police.example/s');
    INSERT INTO tags (id, parent_id, name) VALUES (1, NULL, 'Casualties'), (2, 1, 'Deaths');
  `);
  db.prepare("INSERT INTO documents (id, title, body_json, plain_text) VALUES (1, 'Unrest', '{}', ?), (2, 'Follow-up', '{}', ?)").run(text, text);
  const claim = db.prepare(
    `INSERT INTO claims (id, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id,
                         confidence, rationale, status, note, group_id, created_by, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', ?)`,
  );
  claim.run(1, 1, '14 people', 12, 21, 'according-to', 'statistic', 3, 40, 'morgue count differs', 'in-review', 'call the morgue', 1, 1, null);
  claim.run(2, 1, 'Tuesday', 37, 44, 'paraphrase', null, 1, 90, null, 'open', null, null, null, null);
  claim.run(3, 1, 'The minister denied it', 46, 68, 'direct-quote', 'quote', 5, 10, null, 'settled', null, null, 1, '2025-02-01T00:00:00.000Z');
  claim.run(4, 2, '14 people', 12, 21, 'anonymous', null, 4, 50, null, 'open', null, 1, null, null);
  db.exec(`
    INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) VALUES (1, 0, 1, 'origin', 'p. 2'), (4, 0, 1, 'context', NULL);
    INSERT INTO attribution_hops (claim_id, position, speaker_id, role, reliability) VALUES (1, 0, 1, 'said', 'mixed');
    INSERT INTO claim_tags (claim_id, tag_id) VALUES (1, 2), (2, 1), (3, 2);
    INSERT INTO history (actor_id, entity, entity_id, action, before_json, after_json) VALUES (1, 'claim', 1, 'create', NULL, '{"confidence":40}');
  `);
  return db;
}

/** Every table but the claims table and its search index, which the migration rebuilds. */
function otherTables(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(dumpTables(db)).filter(([table]) => table !== 'claims' && !table.startsWith('claims_fts')));
}

describe('migration 3 (claim identity)', () => {
  it('gives every claim a distinct uid and changes nothing else', () => {
    const db = v2Project();
    const v2Claims = db.prepare(`SELECT ${V2_CLAIM_COLUMNS} FROM claims ORDER BY id`).all();
    const v2Others = otherTables(db);
    // Up to migration 3 only: later migrations add columns to other tables.
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual({ from: 2, to: 3 });

    expect(db.prepare(`SELECT ${V2_CLAIM_COLUMNS} FROM claims ORDER BY id`).all()).toEqual(v2Claims);
    expect(otherTables(db)).toEqual(v2Others);
    const uids = db.prepare('SELECT uid FROM claims ORDER BY id').pluck().all() as string[];
    expect(uids).toHaveLength(4);
    for (const uid of uids) expect(uid).toMatch(UUID);
    expect(new Set(uids).size).toBe(4);
    expect(db.prepare('SELECT count(*) FROM claims WHERE imported_from IS NOT NULL').pluck().get()).toBe(0);

    // Read through the store: the whole record is there, uid included.
    expect(getClaim(db, 1)).toMatchObject({
      uid: uids[0], importedFrom: null, confidence: 40, status: 'in-review', groupId: 1, createdBy: 1, tagIds: [2],
      sources: [{ source: { id: 1 }, role: 'origin', pinpoint: 'p. 2' }],
      attribution: { kind: 'according-to', chain: [{ speaker: { id: 1 }, role: 'said', reliability: 'mixed' }] },
    });
    expect(listClaims(db, 1, { includeDeleted: true }).map((c) => c.uid)).toEqual(uids.slice(0, 3));
  });

  it('keeps the search index, the indexes and the foreign keys whole', () => {
    const db = v2Project();
    migrate(db);
    expect(searchProject(db, 'morgue').map((h) => [h.kind, h.claimId])).toEqual([['claim', 1]]);
    expect(() => db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'claims' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual([
      'claims_by_author', 'claims_by_confidence', 'claims_by_document', 'claims_by_group', 'claims_by_import',
      'claims_by_status', 'claims_by_type', 'claims_by_verdict', 'claims_in_bin',
    ]);
    expect(queryPlan(db, 'SELECT id FROM claims WHERE document_id = ? AND imported_from = ?', [1, 'x'])).toContain('claims_by_import');
  });

  it('refuses a second claim with the same uid, or imported twice from one annotation into one document', () => {
    const db = v2Project();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO claims (uid, document_id, exact, pos_start, pos_end, attribution_kind, verdict_id, confidence, imported_from)
       VALUES (?, ?, 'Tuesday', 37, 44, 'paraphrase', 1, 50, ?)`,
    );
    const taken = db.prepare('SELECT uid FROM claims WHERE id = 1').pluck().get() as string;
    expect(() => insert.run(taken, 1, null)).toThrow(/UNIQUE/);
    insert.run('a-new-uid', 1, 'urn:x:1');
    expect(() => insert.run('another-uid', 1, 'urn:x:1')).toThrow(/UNIQUE/);
    expect(() => insert.run('another-uid', 2, 'urn:x:1')).not.toThrow();
    expect(() => insert.run('', 1, null)).toThrow(/CHECK/);
  });
});
