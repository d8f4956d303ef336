import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { deleteClaim, listClaims, LIST_CLAIMS_SQL } from './claims';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { addArticle, addClaim, dumpTables, queryPlan, tempFolder } from './test-support';

describe('migration 7 (claims in text order)', () => {
  it('lists a document\'s claims in the same order as before, from the index without a sort', () => {
    const db = new Database(path.join(tempFolder(), 'v6.claimdesk'));
    onTestFinished(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6));
    const documentId = addArticle(db);
    // Same start, different ends, and identical spans (ordered by id).
    for (const exact of ['Police said 14 people', 'Police said', 'Police', '14 people', 'Police said', 'Tuesday', 'Police']) {
      addClaim(db, documentId, exact);
    }
    deleteClaim(db, 3);
    const before = [listClaims(db, documentId), listClaims(db, documentId, { includeDeleted: true })];
    const tables = dumpTables(db);
    expect(queryPlan(db, LIST_CLAIMS_SQL, [documentId, 0])).toContain('TEMP B-TREE');

    expect(migrate(db, MIGRATIONS.slice(0, 7))).toEqual({ from: 6, to: 7 });
    expect([listClaims(db, documentId), listClaims(db, documentId, { includeDeleted: true })]).toEqual(before);
    expect(before[1]!.map((claim) => [claim.anchor.start, claim.anchor.end, claim.id])).toEqual([
      [0, 6, 3], [0, 6, 7], [0, 11, 2], [0, 11, 5], [0, 21, 1], [12, 21, 4], [52, 59, 6],
    ]);
    expect(dumpTables(db)).toEqual(tables);
    const plan = queryPlan(db, LIST_CLAIMS_SQL, [documentId, 0]);
    expect(plan).toContain('USING INDEX claims_by_document (document_id=?)');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
