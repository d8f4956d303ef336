/**
 * Migration 3: claim identity.
 *
 * - `claims.uid`: a random UUID per claim, unique in the project and never changed, so that
 *   copies of a project can tell which claims are the same (a claim's id is only a row number
 *   of one file). Existing claims get one here; the store gives new claims theirs.
 * - `claims.imported_from`: the id (IRI) of the W3C annotation a claim was imported from, or
 *   null. Unique per document, so importing the same annotation twice cannot make two claims.
 *
 * A NOT NULL column without a default cannot be added to a table that has rows, so `claims` is
 * rebuilt the documented way (create, copy, drop, rename) with its indexes and its FTS index;
 * foreign keys are off meanwhile and checked by the runner before commit. Frozen once shipped:
 * the value lists are migration 2's (this migration changes none of them).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';
import { V2_VALUES } from './002-claim-record';

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const oneOf = (values: readonly string[]) => `IN (${values.map((v) => `'${v}'`).join(', ')})`;
const V = V2_VALUES;

const REBUILD_CLAIMS = `
DROP TRIGGER claims_fts_after_insert;
DROP TRIGGER claims_fts_after_delete;
DROP TRIGGER claims_fts_after_update;
DROP TABLE claims_fts;

CREATE TABLE claims_v3 (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  exact TEXT NOT NULL CHECK (exact <> ''),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  pos_start INTEGER NOT NULL CHECK (pos_start >= 0),
  pos_end INTEGER NOT NULL CHECK (pos_end > pos_start),
  attribution_kind TEXT NOT NULL CHECK (attribution_kind ${oneOf(V.attributionKinds)}),
  claim_type TEXT CHECK (claim_type IS NULL OR claim_type ${oneOf(V.claimTypes)}),
  verdict_id INTEGER NOT NULL REFERENCES verdicts (id),
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  rationale TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status ${oneOf(V.claimStatuses)}),
  note TEXT,
  group_id INTEGER,
  created_by INTEGER REFERENCES profiles (id),
  imported_from TEXT CHECK (imported_from IS NULL OR imported_from <> ''),
  created_at TEXT NOT NULL DEFAULT (${NOW}),
  updated_at TEXT NOT NULL DEFAULT (${NOW}),
  deleted_at TEXT
) STRICT;

INSERT INTO claims_v3 (id, uid, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type,
                       verdict_id, confidence, rationale, status, note, group_id, created_by, created_at, updated_at,
                       deleted_at)
  SELECT c.id, u.uid, c.document_id, c.exact, c.prefix, c.suffix, c.pos_start, c.pos_end, c.attribution_kind,
         c.claim_type, c.verdict_id, c.confidence, c.rationale, c.status, c.note, c.group_id, c.created_by,
         c.created_at, c.updated_at, c.deleted_at
  FROM claims c JOIN claim_uids_v3 u ON u.claim_id = c.id;
DROP TABLE claims;
DROP TABLE claim_uids_v3;
ALTER TABLE claims_v3 RENAME TO claims;

CREATE INDEX claims_by_document ON claims (document_id, pos_start);
CREATE INDEX claims_by_verdict ON claims (verdict_id);
CREATE INDEX claims_by_status ON claims (status);
CREATE INDEX claims_by_type ON claims (claim_type);
CREATE INDEX claims_by_author ON claims (created_by);
CREATE INDEX claims_by_group ON claims (group_id);
CREATE INDEX claims_by_confidence ON claims (confidence);
CREATE INDEX claims_in_bin ON claims (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE UNIQUE INDEX claims_by_import ON claims (document_id, imported_from) WHERE imported_from IS NOT NULL;
`;

/**
 * An FTS5 index over `table` (external content, rowid = id), filled from the table, and the
 * triggers that keep it in step (a copy of migration 2's helper, frozen with this file).
 */
function ftsTable(table: string, columns: readonly string[]): string {
  const fts = `${table}_fts`;
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  return `
CREATE VIRTUAL TABLE ${fts} USING fts5(
  ${list},
  content = '${table}', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
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

/** Migration 3: a stable uid for every claim, and where an imported claim came from. */
export const claimIdentity: Migration = {
  version: 3,
  name: 'claim-identity',
  up(db: Database): void {
    // The uids are made here rather than in SQL: SQLite has no UUID function.
    db.exec('CREATE TEMP TABLE claim_uids_v3 (claim_id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE) STRICT');
    const insert = db.prepare<[number, string]>('INSERT INTO claim_uids_v3 (claim_id, uid) VALUES (?, ?)');
    for (const id of db.prepare<[], number>('SELECT id FROM claims ORDER BY id').pluck().all()) insert.run(id, randomUUID());
    db.exec(REBUILD_CLAIMS);
    db.exec(ftsTable('claims', ['exact', 'note', 'rationale']));
  },
};
