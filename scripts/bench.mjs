#!/usr/bin/env node
// `npm run bench`: bundles the benchmark suite (e2e/bench/run.ts) for plain Node and runs it,
// passing the arguments through (see run.ts: --smoke, --only, --trials, --seed, --json).
// Native and browser-driving modules stay outside the bundle.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'bench', 'run.cjs');

try {
  await build({
    absWorkingDir: root,
    entryPoints: ['e2e/bench/run.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'playwright', 'playwright-core', '@playwright/test', 'electron', 'esbuild'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
} catch {
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
