/**
 * Builds the import worker for code that runs from TypeScript sources (the unit tests and the
 * end-to-end harness); the app's build makes `out/main/import-worker.js` itself. The bundle
 * leaves the runtime dependencies external, so it is written inside the project, where Node
 * finds them in node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

let built: string | null = null;

/** The path of a freshly built worker script (built once per process). */
export function buildImportWorker(): string {
  if (built !== null) return built;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'claimdesk', `import-worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(ROOT, 'main/import/worker/import-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'error',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  built = outfile;
  return outfile;
}
