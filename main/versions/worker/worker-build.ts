/**
 * Builds the version worker for code that runs from TypeScript sources (the unit tests, the
 * end-to-end harness and the benchmark); the app's build makes `out/main/version-worker.js`
 * itself. The bundle is written inside the project, where Node finds node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

let built: string | null = null;

/** The project folder: the first one up from this module's (or its bundle's) that holds the build config. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'electron.vite.config.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('The project folder was not found above the version worker build.');
  }
}

/** The path of a freshly built worker script (built once per process). */
export function buildVersionWorker(): string {
  if (built !== null) return built;
  const root = projectRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const outfile = path.join(root, 'node_modules', '.cache', 'claimdesk', `version-worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(root, 'main/versions/worker/version-worker.ts')],
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
