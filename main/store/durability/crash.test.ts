/**
 * Acknowledged means durable: a child process drives the real store (crash-driver.ts) through
 * random create / edit / delete / restore transactions on one project file and is killed with
 * SIGKILL at a random moment, many times in a row on the same file. After each kill the file
 * must pass SQLite's integrity check and foreign-key check, hold every transaction the driver
 * acknowledged, and hold the one in flight either whole or not at all.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../open-project';
import { buildChild } from './build-child';
import { applyIntent, readState, seededRandom, type DriverLine, type Intent, type ProjectState } from './crash-protocol';
import { tempFolder } from '../test-support';

const KILLS = 60;
const CONTROL_KILLS = 12;
const SEED = 20261129;

const driver = buildChild('crash-driver');
afterAll(driver.remove);

/** What one run of the driver wrote before it was killed. */
interface Run {
  readonly lines: DriverLine[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts the driver on `file` and kills it `delayMs` after it said it is ready (or, when
 * `fromSpawn`, after it was started: a kill while it opens and recovers the file).
 */
function runDriver(file: string, seed: number, delayMs: number, fromSpawn: boolean, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver.script, file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromSpawn) arm();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith('{"t":"ready"}\n')) arm();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A line cut short by the kill was never acknowledged: only whole lines count.
      const lines = stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line) as DriverLine);
      resolve({ lines, code, signal, stderr });
    });
  });
}

/** The checks after a kill, on a read-only connection (which leaves the write-ahead log as the kill left it). */
function inspect(file: string): { state: ProjectState; rows: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Nothing exists without the history row of its creation.
    const uncreated = db
      .prepare(
        `SELECT 'claim' AS entity, id FROM claims UNION ALL SELECT 'source', id FROM sources UNION ALL SELECT 'tag', id FROM tags
         EXCEPT SELECT entity, entity_id FROM history WHERE action = 'create'`,
      )
      .all();
    expect(uncreated, 'records without their create history row').toEqual([]);
    const rows = db
      .prepare<[], number>(
        `SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM history) + (SELECT count(*) FROM sources)
              + (SELECT count(*) FROM tags) + (SELECT count(*) FROM claim_tags) + (SELECT count(*) FROM claim_sources)`,
      )
      .pluck()
      .get() as number;
    return { state: readState(db), rows };
  } finally {
    db.close();
  }
}

/** Acknowledged records (claims, sources, tags) of `expected` that `found` lacks or holds otherwise, except `exempt`. */
function lostRecords(expected: ProjectState, found: ProjectState, exempt: string | null): string[] {
  const lost = Object.entries(expected.claims)
    .filter(([uid, state]) => uid !== exempt && JSON.stringify(found.claims[uid]) !== JSON.stringify(state))
    .map(([uid]) => `claim ${uid}`);
  lost.push(...expected.sources.filter((title) => !found.sources.includes(title)).map((title) => `source ${title}`));
  lost.push(...expected.tags.filter((name) => !found.tags.includes(name)).map((name) => `tag ${name}`));
  return lost;
}

const same = (a: ProjectState, b: ProjectState) => JSON.stringify(a) === JSON.stringify(b);

/** What a series of kills found. */
interface Campaign {
  readonly runs: number;
  readonly acknowledged: number;
  readonly rows: number;
  readonly claims: number;
  readonly inFlightApplied: number;
  readonly inFlightAbsent: number;
  /** Acknowledged records missing or not as acknowledged. */
  readonly lost: readonly string[];
  /** States that were neither before nor after the call in flight. */
  readonly partial: readonly string[];
}

/** Runs the driver `kills` times on one new file, killing it at random moments, and checks the file after each kill. */
async function killRepeatedly(kills: number, seed: number, env: NodeJS.ProcessEnv = {}): Promise<Campaign> {
  const file = path.join(tempFolder(), 'crash.claimdesk');
  const random = seededRandom(seed);
  let model: ProjectState = { claims: {}, sources: [], tags: [] };
  let acknowledged = 0;
  let inFlightApplied = 0;
  let inFlightAbsent = 0;
  let rows = 0;
  const lost: string[] = [];
  const partial: string[] = [];

  for (let run = 0; run < kills; run++) {
    const fromSpawn = random() < 0.2;
    const delayMs = Math.round(20 + random() * 380);
    const result = await runDriver(file, seed + run, delayMs, fromSpawn, env);
    expect(result.signal, `run ${run} ended by itself: ${result.stderr}`).toBe('SIGKILL');

    // The acknowledged calls, applied to the model in order; at most the last intent is unacknowledged.
    let inFlight: Intent | null = null;
    for (const line of result.lines) {
      if (line.t === 'intent') {
        expect(inFlight, 'an intent without its ack before the next one').toBeNull();
        inFlight = line;
      } else if (line.t === 'ack') {
        expect(inFlight?.seq).toBe(line.seq);
        model = applyIntent(model, inFlight as Intent, line.uid);
        inFlight = null;
        acknowledged++;
      }
    }

    const found = inspect(file);
    rows = found.rows;
    if (same(found.state, model)) {
      if (inFlight !== null) inFlightAbsent++;
      continue;
    }
    // The call in flight may have committed before the kill, but then wholly.
    const newUids = Object.keys(found.state.claims).filter((uid) => !(uid in model.claims));
    const applied = inFlight === null ? null : applyIntent(model, inFlight, inFlight.uid ?? newUids[0] ?? null);
    if (applied !== null && same(found.state, applied)) {
      model = applied;
      inFlightApplied++;
      continue;
    }
    const missing = lostRecords(model, found.state, inFlight?.uid ?? null);
    lost.push(...missing);
    if (missing.length === 0) partial.push(`run ${run}: neither before nor after ${JSON.stringify(inFlight)}`);
    model = found.state;
  }

  // A normal open after all that: migrated, writable, and its search indexes whole.
  const db = openProject(file);
  try {
    expect(() => db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(() => db.exec("INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    closeProject(db);
  }
  return { runs: kills, acknowledged, rows, claims: Object.keys(model.claims).length, inFlightApplied, inFlightAbsent, lost, partial };
}

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged transaction, whole, over ${KILLS} kills on one file`, { timeout: 180_000 }, async () => {
    const c = await killRepeatedly(KILLS, SEED);
    console.log(
      `crash test: runs ${c.runs}, acknowledged ${c.acknowledged}, rows ${c.rows}, claims ${c.claims}, ` +
        `in flight applied ${c.inFlightApplied} / absent ${c.inFlightAbsent}, lost ${c.lost.length}`,
    );
    expect(c.lost).toEqual([]);
    expect(c.partial).toEqual([]);
    expect(c.acknowledged, 'the driver got too little done to prove anything').toBeGreaterThan(KILLS * 3);
  });

  it('catches a driver that acknowledges before the commit (the control: this check can fail)', { timeout: 60_000 }, async () => {
    const c = await killRepeatedly(CONTROL_KILLS, SEED + 1000, { CLAIMDESK_CRASH_ACK_EARLY: '1' });
    console.log(`crash control (ack before commit): runs ${c.runs}, acknowledged ${c.acknowledged}, lost ${c.lost.length}`);
    expect(c.lost.length).toBeGreaterThan(0);
  });
});
