/**
 * Bundles a TypeScript entry of this folder into a script plain Node runs in a child process
 * (the durability tests kill such children, so the store must run in a process of its own).
 * As for the workers (main/workers/source-build.ts), the runtime dependencies stay
 * external — better-sqlite3 is a native module — so the bundle is written inside the project,
 * where Node finds them in node_modules. Test-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Builds `main/store/durability/<name>.ts` and returns the script's path and a function that
 * removes it (call it when the test is done).
 */
export function buildChild(name: string): { script: string; remove: () => void } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const script = path.join(ROOT, 'node_modules', '.cache', 'claimdesk', `${name}-${process.pid}-${Date.now()}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: script,
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'error',
  });
  return { script, remove: () => fs.rmSync(script, { force: true }) };
}
