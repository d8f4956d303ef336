/**
 * Migrations under kill: the app killed (SIGKILL) while it migrates a project leaves either
 * the old version intact or the new one complete, never a mix. A format-2 project with enough
 * claims and history that migrations 3 and 5 take a while to rebuild their tables is opened
 * by a child process (the real openProject, so the real migrate), which is killed at a random
 * moment, again and again on the same file. After each kill the file must pass SQLite's checks
 * and be exactly the old file or exactly what an uninterrupted migration makes of it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../migrate';
import { MIGRATIONS } from '../migrations';
import { closeProject, openProject } from '../open-project';
import { buildChild } from './build-child';
import { seededRandom } from './crash-protocol';

const OLD_VERSION = 2;
const CLAIMS = 4000;
const KILLS = 16;
const SEED = 4242;

const driver = buildChild('migrate-driver');
afterAll(driver.remove);

/** A project file at format 2 with CLAIMS claims, their history, sources and tags; closed. */
function oldProject(file: string): void {
  const db = new Database(file);
  migrate(db, MIGRATIONS.slice(0, OLD_VERSION));
  const text = 'Police said 14 people were killed on Tuesday. The minister denied it.';
  db.exec(`
    INSERT INTO profiles (id, uid, name, initials, color) VALUES (1, 'p-1', 'Lena Hartsby', 'LH', '#336699');
    INSERT INTO speakers (id, kind, name) VALUES (1, 'government-body', 'Interior Ministry');
    INSERT INTO sources (id, title, url) VALUES (1, 'Police statement', 'https://police.example/s'), (2, 'Morgue register', NULL);
    INSERT INTO tags (id, parent_id, name) VALUES (1, NULL, 'Casualties'), (2, 1, 'Deaths');
  `);
  db.prepare("INSERT INTO documents (id, title, body_json, plain_text) VALUES (1, 'Unrest', '{}', ?)").run(text);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CLAIMS})
    INSERT INTO claims (id, document_id, exact, prefix, suffix, pos_start, pos_end, attribution_kind, claim_type, verdict_id,
                        confidence, rationale, status, note, group_id, created_by, created_at, updated_at, deleted_at)
    SELECT i, 1, '14 people', 'Police said ', ' were killed', 12, 21, 'according-to', 'statistic', 1 + i % 6, i % 101,
           'rationale ' || i, 'in-review', 'note ' || i || ' ' || hex(randomblob(60)), NULL, 1,
           '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', CASE WHEN i % 10 = 0 THEN '2025-02-01T00:00:00.000Z' END
    FROM n;
    INSERT INTO claim_sources (claim_id, position, source_id, role, pinpoint) SELECT id, 0, 1 + id % 2, 'origin', 'p. ' || id FROM claims;
    INSERT INTO attribution_hops (claim_id, position, speaker_id, role, reliability) SELECT id, 0, 1, 'said', 'mixed' FROM claims WHERE id % 2 = 0;
    INSERT INTO claim_tags (claim_id, tag_id) SELECT id, 1 + id % 2 FROM claims;
    INSERT INTO history (actor_id, entity, entity_id, action, before_json, after_json)
      SELECT 1, 'claim', id, 'create', NULL, json_object('confidence', confidence, 'note', note) FROM claims;
    INSERT INTO history (actor_id, entity, entity_id, action, before_json, after_json)
      SELECT 1, 'claim', id, 'update', json_object('confidence', 50), json_object('confidence', confidence) FROM claims;
  `);
  db.close();
}

/**
 * A digest of each table of the file (FTS shadow tables included), to compare. Left out: the
 * random claim uids migration 3 makes, and SQLite's statistics tables (closing the project may
 * refresh them; they are not data).
 */
function dump(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
      .pluck()
      .all();
    return Object.fromEntries(
      tables.map((table) => {
        // Table names come from sqlite_schema, not from input.
        const select = db.prepare(`SELECT * FROM "${table}"`).raw();
        const uid = table === 'claims' ? select.columns().findIndex((column) => column.name === 'uid') : -1;
        const hash = createHash('sha256');
        for (const row of select.iterate() as Iterable<unknown[]>) {
          if (uid >= 0) row[uid] = null;
          hash.update(JSON.stringify(row));
        }
        return [table, hash.digest('hex')];
      }),
    );
  } finally {
    db.close();
  }
}

/** The tables whose digests differ between two dumps (empty: the same). */
function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((table) => a[table] !== b[table]).sort();
}

/** Integrity, foreign keys and version of the file, read without writing (the write-ahead log stays as the kill left it). */
function check(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

interface Run {
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from `opening` to the end of the run. */
  readonly ms: number;
}

/** Runs the driver on `file`; kills it `killAfterMs` after it says `opening` (null: lets it finish). */
function runDriver(file: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver.script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let opened = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (opened === 0 && stdout.includes('opening\n')) {
        opened = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`the migration driver failed (${code}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', stdout, stderr, ms: performance.now() - opened });
    });
  });
}

describe('a migration killed part way', () => {
  let folder: string;
  let pristine: string;
  let oldDump: Record<string, string>;
  let newDump: Record<string, string>;
  let migrationMs: number;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-migration-kill-'));
    pristine = path.join(folder, 'pristine.claimdesk');
    oldProject(pristine);
    oldDump = dump(pristine);
    // The reference: what an uninterrupted run of the driver makes of the file, and how long it takes.
    const reference = path.join(folder, 'reference.claimdesk');
    fs.copyFileSync(pristine, reference);
    const run = await runDriver(reference, null);
    expect(run.stdout).toContain(`migrated ${OLD_VERSION} -> ${LATEST_VERSION}`);
    migrationMs = run.ms;
    newDump = dump(reference);
  }, 120_000);
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it(`leaves the old version intact or the new one complete, over ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const file = path.join(folder, 'project.claimdesk');
    const reset = () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      fs.copyFileSync(pristine, file);
    };
    reset();
    const random = seededRandom(SEED);
    const outcomes = { old: 0, new: 0, finished: 0 };
    let kills = 0;
    while (kills < KILLS) {
      // Anywhere from the open to a little past the commit.
      const run = await runDriver(file, Math.round(random() * migrationMs * 1.1));
      if (!run.killed) {
        outcomes.finished++;
        reset();
        continue;
      }
      kills++;
      const version = check(file);
      if (version === OLD_VERSION) {
        expect(differing(dump(file), oldDump), `kill ${kills}: still at version ${OLD_VERSION}, but these tables changed`).toEqual([]);
        outcomes.old++;
      } else {
        expect(version, `kill ${kills}: neither the old nor the latest version`).toBe(LATEST_VERSION);
        expect(differing(dump(file), newDump), `kill ${kills}: at the latest version, but these tables differ from a whole migration`).toEqual([]);
        outcomes.new++;
        reset();
      }
    }
    // And after the last kill, a normal open migrates (or has migrated) the file completely.
    const db = openProject(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(() => db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")).not.toThrow();
      expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(CLAIMS);
    } finally {
      closeProject(db);
    }
    expect(differing(dump(file), newDump)).toEqual([]);

    console.log(
      `migration kill test: migration ${OLD_VERSION} -> ${LATEST_VERSION} of ${CLAIMS} claims takes ~${Math.round(migrationMs)} ms; ` +
        `kills ${kills}: old version intact ${outcomes.old}, new version complete ${outcomes.new} (runs that finished before the kill: ${outcomes.finished})`,
    );
    expect(outcomes.old, 'no kill landed inside the migration').toBeGreaterThan(0);
  });
});
