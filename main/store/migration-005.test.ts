import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { setActor } from './actor';
import { updateClaim } from './claims';
import { listHistory, undoChange } from './history';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { addArticle, addClaim, claimInput, dumpTables, queryPlan, tempFolder } from './test-support';
import { ensureProfile } from './profiles';

/** A project at format 4 with a claim edited twice (one edit undone) and a tag created. */
function v4Project(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'v4.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 4));
  db.exec(`
    INSERT INTO profiles (id, uid, name, initials, color) VALUES (1, 'p-1', 'Lena Hartsby', 'LH', '#336699');
    INSERT INTO history (id, at, actor_id, entity, entity_id, action, before_json, after_json, undoes_id, undone_by_id, part_of_id) VALUES
      (1, '2025-01-01T00:00:00.000Z', 1, 'claim', 7, 'update', '{"confidence":40}', '{"confidence":60}', NULL, 2, NULL),
      (2, '2025-01-01T00:01:00.000Z', 1, 'claim', 7, 'undo', '{"confidence":60}', '{"confidence":40}', 1, NULL, NULL),
      (3, '2025-01-01T00:02:00.000Z', NULL, 'tag', 3, 'create', NULL, '{"name":"Deaths"}', NULL, NULL, NULL),
      (4, '2025-01-01T00:03:00.000Z', 1, 'claim', 8, 'delete', '{"deletedAt":null}', NULL, NULL, NULL, 3);
  `);
  return db;
}

describe('migration 5 (review)', () => {
  it('keeps every history row as it was and says which claim each concerns', () => {
    const db = v4Project();
    const before = db.prepare('SELECT * FROM history ORDER BY id').all() as Record<string, unknown>[];
    const others = Object.entries(dumpTables(db)).filter(([table]) => table !== 'history');
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT * FROM history ORDER BY id').all()).toEqual(
      before.map((row) => ({ ...row, claim_id: row.entity === 'claim' ? row.entity_id : null })),
    );
    const newTables = ['review_sessions', 'review_items', 'review_votes', 'review_comments', 'publication_overrides', 'review_merges', 'merge_conflicts'];
    expect(Object.entries(dumpTables(db)).filter(([table]) => table !== 'history' && !newTables.includes(table))).toEqual(others);
    for (const table of newTables) expect(dumpTables(db)[table]).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(queryPlan(db, 'SELECT id FROM history WHERE claim_id = ? ORDER BY id DESC', [7])).toMatch(/history_by_claim/);
  });

  it('records new changes with their claim, and undo still works on history made before it', () => {
    const file = path.join(tempFolder(), 'p.claimdesk');
    const db = new Database(file);
    onTestFinished(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    migrate(db);
    const lena = ensureProfile(db, { uid: 'p-1', name: 'Lena Hartsby', initials: 'LH', color: '#336699' });
    setActor(db, lena.id);
    const claim = addClaim(db, addArticle(db), '14 people were killed');
    updateClaim(db, claim.id, claimInput({ confidence: 90 }));
    const [edit] = listHistory(db, { claimId: claim.id });
    expect(edit).toMatchObject({ entity: 'claim', action: 'update', claimId: claim.id, after: { confidence: 90 } });
    expect(undoChange(db, edit!.id)).toMatchObject({ action: 'undo', claimId: claim.id });
  });

  it('refuses a vote for a profile or claim that does not exist (foreign keys hold)', () => {
    const db = v4Project();
    migrate(db);
    expect(() =>
      db.exec("INSERT INTO review_sessions (uid, title, blind, lead_id) VALUES ('s', 'Session', 1, 99)"),
    ).toThrow(/FOREIGN KEY/);
  });
});
