import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { deleteClaim, restoreClaim } from './claims';
import { getDocumentSummary, listDocuments } from './documents';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { DOCUMENT_SUMMARY_COLUMNS } from './rows';
import { addArticle, addClaim, dumpTables, queryPlan, tempFolder } from './test-support';

const SUMMARY_SQL = `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`;

describe('migration 8 (live claims by document)', () => {
  it('counts a document\'s live claims as before, from the index alone', () => {
    const db = new Database(path.join(tempFolder(), 'v7.claimdesk'));
    onTestFinished(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    const documentId = addArticle(db);
    const other = addArticle(db);
    for (const exact of ['Police said 14 people', 'Police', '14 people', 'Tuesday']) addClaim(db, documentId, exact);
    addClaim(db, other, 'Police');
    deleteClaim(db, 2);
    const before = [getDocumentSummary(db, documentId), listDocuments(db)];
    const tables = dumpTables(db);
    expect(queryPlan(db, SUMMARY_SQL, [documentId])).not.toContain('COVERING INDEX claims_by_document');

    expect(migrate(db)).toEqual({ from: 7, to: 8 });
    expect([getDocumentSummary(db, documentId), listDocuments(db)]).toEqual(before);
    expect(before[0]).toMatchObject({ claimCount: 3 });
    expect(dumpTables(db)).toEqual(tables);
    expect(queryPlan(db, SUMMARY_SQL, [documentId])).toContain('USING COVERING INDEX claims_by_document (document_id=?)');
    // A claim moved to the bin and back is counted as it goes.
    deleteClaim(db, 1);
    expect(getDocumentSummary(db, documentId).claimCount).toBe(2);
    restoreClaim(db, 1);
    restoreClaim(db, 2);
    expect(getDocumentSummary(db, documentId).claimCount).toBe(4);
  });
});
