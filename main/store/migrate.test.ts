import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  ATTRIBUTION_KINDS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  CONFLICT_RESOLUTIONS,
  GATE_PROBLEMS,
  HISTORY_ACTIONS,
  HISTORY_ENTITIES,
  HOP_ROLES,
  RELIABILITIES,
  SOURCE_ROLES,
  SOURCE_TYPES,
  SPEAKER_KINDS,
} from '../../shared/domain';
import { AppError } from '../../shared/result';
import { LATEST_VERSION, migrate, type Migration } from './migrate';
import { initial } from './migrations/001-initial';
import { V2_VALUES } from './migrations/002-claim-record';
import { V5_VALUES } from './migrations/005-review';
import { MIGRATIONS } from './migrations';
import { APPLICATION_ID } from './project-format';
import { tempFolder } from './test-support';
import { listVerdicts } from './verdicts';

/** A blank SQLite file in a temp folder, as migrate sees it before the first migration. */
function blankDatabase(): Database.Database {
  const db = new Database(path.join(tempFolder(), 'blank.claimdesk'));
  onTestFinished(() => {
    db.close();
  });
  return db;
}

function tableNames(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

const failingSecond: Migration = {
  version: 2,
  name: 'fails halfway',
  up(db) {
    db.exec('CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
    throw new Error('disk on fire');
  },
};

describe('migrate', () => {
  it('brings a blank database to the latest version and marks it as ours', () => {
    const db = blankDatabase();
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('creates only STRICT tables (apart from FTS shadow tables)', () => {
    const db = blankDatabase();
    migrate(db);
    const loose = db
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0")
      .pluck()
      .all() as string[];
    expect(loose.filter((name) => !name.includes('_fts') && !name.startsWith('sqlite_'))).toEqual([]);
  });

  it('seeds the default verdict scale in order', () => {
    const db = blankDatabase();
    migrate(db);
    expect(listVerdicts(db).map((v) => [v.key, v.label, v.color])).toEqual([
      ['verified', 'Verified', '#1a7f37'],
      ['likely-true', 'Likely true', '#4d9a2a'],
      ['unproven', 'Unproven', '#9a6700'],
      ['misleading', 'Misleading', '#bc4c00'],
      ['false', 'False', '#cf222e'],
      ['not-checkable', 'Not checkable', '#6e7781'],
    ]);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = blankDatabase();
    migrate(db, [initial]);
    expect(() => migrate(db, [initial, failingSecond])).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).not.toContain('tags');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leaves a blank database blank when a later migration of the batch fails', () => {
    const db = blankDatabase();
    expect(() => migrate(db, [initial, failingSecond])).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('throws a plain Error for a list that is not numbered 1..N in order', () => {
    const db = blankDatabase();
    const second = { ...failingSecond, up: () => {} };
    expect(() => migrate(db, [second, initial])).toThrow(/numbered 1\.\.N/);
    expect(() => migrate(db, [initial, { ...second, version: 3 }])).toThrow(/numbered 1\.\.N/);
    expect(() => migrate(db, [second, initial])).not.toThrow(AppError);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a database newer than the list', () => {
    const db = blankDatabase();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ kind: 'newer-version' }));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 3);
  });

  it('has the value lists of the domain in the CHECK constraints of the latest migration', () => {
    // If this fails, the domain changed: add a migration rather than editing a shipped one.
    const { historyEntities: v2Entities, ...v2 } = V2_VALUES;
    expect(v2).toEqual({
      attributionKinds: ATTRIBUTION_KINDS,
      claimTypes: CLAIM_TYPES,
      claimStatuses: CLAIM_STATUSES,
      sourceRoles: SOURCE_ROLES,
      sourceTypes: SOURCE_TYPES,
      reliabilities: RELIABILITIES,
      speakerKinds: SPEAKER_KINDS,
      hopRoles: HOP_ROLES,
      historyActions: HISTORY_ACTIONS,
    });
    // Migration 5 widened the history's entities; those of migration 2 are all still there.
    expect(HISTORY_ENTITIES.slice(0, v2Entities.length)).toEqual(v2Entities);
    expect(V5_VALUES).toEqual({
      historyEntities: HISTORY_ENTITIES,
      historyActions: HISTORY_ACTIONS,
      gateProblems: GATE_PROBLEMS,
      conflictResolutions: CONFLICT_RESOLUTIONS,
    });
  });
});
