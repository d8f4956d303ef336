import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { filterClaims } from './claim-filter';
import { listClaims } from './claims';
import { LATEST_VERSION, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { searchProject } from './search';
import { listSources } from './sources';
import { listSpeakers } from './speakers';
import { tempFolder } from './test-support';

/** A project file at format 1, filled the way the v1 code wrote it. */
function v1Project(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'v1.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 1));
  const text = 'Police said 14 people were killed on Tuesday. The minister denied it.';
  db.prepare("INSERT INTO documents (id, title, body_json, plain_text) VALUES (1, 'Unrest', '{}', ?), (2, 'Follow-up', '{}', ?)").run(text, text);
  const claim = db.prepare(
    `INSERT INTO claims (id, document_id, exact, prefix, suffix, pos_start, pos_end, speaker, attribution_kind, verdict_id,
                         confidence, note, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', ?)`,
  );
  claim.run(1, 1, '14 people', 12, 21, 'Police', 'according-to', 3, 40, 'morgue count differs', null);
  claim.run(2, 1, 'Tuesday', 37, 44, 'police', 'paraphrase', 1, 90, null, null);
  claim.run(3, 1, 'The minister denied it', 46, 68, 'Interior Minister', 'direct-quote', 5, 10, null, '2024-02-01T00:00:00.000Z');
  claim.run(4, 2, '14 people', 12, 21, null, 'anonymous', 4, 50, null, null);
  claim.run(5, 2, 'Tuesday', 37, 44, '  ', 'according-to', 2, 70, null, null);
  db.exec(`
    INSERT INTO sources (id, title, url, note) VALUES
      (1, 'Police statement', 'https://police.example/s', NULL),
      (2, NULL, 'https://ngo.example/report', NULL),
      (3, NULL, NULL, 'Phone call with the duty doctor');
    INSERT INTO claim_sources (claim_id, position, source_id) VALUES (1, 0, 1), (1, 1, 3), (2, 0, 1), (4, 0, 2);
  `);
  return db;
}

describe('migration 2 (claim record)', () => {
  it('keeps every v1 claim, source link and speaker name', () => {
    const db = v1Project();
    const v1Claims = db.prepare('SELECT id, document_id, exact, pos_start, pos_end, attribution_kind, verdict_id, confidence, note, created_at, updated_at, deleted_at FROM claims ORDER BY id').all();
    const v1Links = db.prepare('SELECT claim_id, position, source_id FROM claim_sources ORDER BY claim_id, position').all();
    expect(migrate(db)).toEqual({ from: 1, to: LATEST_VERSION });

    expect(db.prepare('SELECT id, document_id, exact, pos_start, pos_end, attribution_kind, verdict_id, confidence, note, created_at, updated_at, deleted_at FROM claims ORDER BY id').all()).toEqual(v1Claims);
    expect(db.prepare('SELECT claim_id, position, source_id FROM claim_sources ORDER BY claim_id, position').all()).toEqual(v1Links);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'speaker'").pluck().get()).toBe(0);

    const speakers = listSpeakers(db);
    expect(speakers.map((s) => [s.name, s.kind])).toEqual([['Interior Minister', 'person'], ['Police', 'person']]);
    const chains = Object.fromEntries(
      [...listClaims(db, 1, { includeDeleted: true }), ...listClaims(db, 2)].map((c) => [c.id, c.attribution]),
    );
    const police = speakers.find((s) => s.name === 'Police')?.id;
    const hop = (name: string, id: number | undefined) => [{ speaker: { id, name, kind: 'person' }, role: 'said', reliability: 'unknown' }];
    expect(chains).toEqual({
      1: { kind: 'according-to', chain: hop('Police', police) },
      2: { kind: 'paraphrase', chain: hop('Police', police) },
      3: { kind: 'direct-quote', chain: hop('Interior Minister', speakers[0]?.id) },
      4: { kind: 'anonymous', chain: [] },
      5: { kind: 'according-to', chain: [] },
    });
    expect(listClaims(db, 1)[0]).toMatchObject({ status: 'open', claimType: null, rationale: null, groupId: null, tagIds: [], createdBy: null });
  });

  it('turns v1 sources into library records, titled by their URL or note when they had none', () => {
    const db = v1Project();
    migrate(db);
    expect(listSources(db).map((s) => [s.id, s.title, s.url, s.notes, s.type, s.reliability, s.claimCount])).toEqual([
      [2, 'https://ngo.example/report', 'https://ngo.example/report', null, 'web-page', 'unknown', 1],
      [3, 'Phone call with the duty doctor', null, 'Phone call with the duty doctor', 'web-page', 'unknown', 1],
      [1, 'Police statement', 'https://police.example/s', null, 'web-page', 'unknown', 2],
    ]);
    expect(listClaims(db, 1)[0]?.sources.map((l) => [l.source.id, l.role, l.pinpoint])).toEqual([[1, 'origin', null], [3, 'origin', null]]);
  });

  it('rebuilds the search indexes and keeps foreign keys whole', () => {
    const db = v1Project();
    migrate(db);
    expect(searchProject(db, 'morgue').map((h) => [h.kind, h.claimId])).toEqual([['claim', 1]]);
    expect(searchProject(db, 'duty doctor').map((h) => [h.kind, h.sourceId])).toEqual([['source', 3]]);
    expect(filterClaims(db, { text: 'minister', deleted: true }).map((c) => c.id)).toEqual([3]);
    for (const fts of ['claims_fts', 'sources_fts', 'documents_fts']) {
      expect(() => db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`)).not.toThrow();
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
