/**
 * The benchmark suite's smoke mode, inside the test suite: every case runs at tiny sizes and
 * reports figures. It proves the suite still works; it asserts nothing about speed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

interface Row {
  readonly caseId: string;
  readonly name: string;
  readonly ours: { readonly n: number; readonly median: number; readonly p95: number } | null;
  readonly note?: string;
  readonly peer: { readonly n: number; readonly median: number } | null;
  readonly met: boolean | null;
}

describe('npm run bench -- --smoke', () => {
  it('runs every case at tiny sizes and reports a figure for each, judging none', { timeout: 300_000 }, () => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-')), 'smoke.json');
    const run = spawnSync(process.execPath, ['scripts/bench.mjs', '--smoke', '--json', json], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as { smoke: boolean; caseIds: string[]; cases: Row[] };
    fs.rmSync(path.dirname(json), { recursive: true, force: true });
    expect(report.smoke).toBe(true);
    expect(report.caseIds.length).toBeGreaterThanOrEqual(8);
    for (const id of report.caseIds) expect(report.cases.some((row) => row.caseId === id), `case ${id} reported nothing`).toBe(true);
    for (const row of report.cases) {
      if (row.ours === null) {
        // A case that cannot run here (Electron startup without a binary) says why, and nothing else.
        expect(row.note, `${row.name} was not run and does not say why`).toMatch(/^not run: /);
        expect(row.peer, row.name).toBeNull();
        continue;
      }
      expect(row.ours.n, row.name).toBeGreaterThan(0);
      expect(Number.isFinite(row.ours.median) && row.ours.median >= 0, row.name).toBe(true);
      if (row.peer) expect(Number.isFinite(row.peer.median), row.name).toBe(true);
      expect(row.met, `${row.name}: smoke mode judges no target`).toBeNull();
    }
    // The table the user reads names every case.
    for (const row of report.cases) expect(run.stdout).toContain(row.name);
  });
});
