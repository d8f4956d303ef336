#!/usr/bin/env node
// Bundles the command line (main/cli) into one CommonJS file for plain Node, out/cli/claimdesk.cjs,
// which bin/claimdesk.cjs loads. better-sqlite3 stays outside the bundle: it is a native module,
// loaded from node_modules as built for Node (the app's Electron build lives apart, in .native/).
// electron-vite empties only out/main, out/preload and out/renderer, so out/cli survives its builds.
// `--out FILE` builds elsewhere (the tests build a private copy); it must stay inside the checkout
// so that require('better-sqlite3') finds node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outfile = path.resolve(values.out ?? path.join(root, 'out', 'cli', 'claimdesk.cjs'));

try {
  await build({
    absWorkingDir: root,
    entryPoints: ['main/cli/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed what went wrong.
  process.exit(1);
}
console.log(`Command line built: ${path.relative(root, outfile)}`);
