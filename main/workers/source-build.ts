/**
 * Builds a worker thread's script for code that runs from TypeScript sources (the unit tests,
 * the end-to-end harness and the benchmark); the app's build makes `out/main/<name>.js` itself
 * (electron.vite.config.ts). The bundle leaves the runtime dependencies external, so it is
 * written inside the project, where Node finds them in node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const built = new Map<string, string>();

/** The project folder: the first one up from this module's (or its bundle's) that holds the build config. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'electron.vite.config.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('The project folder was not found above the worker build.');
  }
}

/** The path of a freshly built script for the worker `name` from `entry` (relative to the project), built once per process. */
export function buildWorkerFromSource(name: string, entry: string): string {
  const done = built.get(name);
  if (done !== undefined) return done;
  const root = projectRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const outfile = path.join(root, 'node_modules', '.cache', 'claimdesk', `${name}-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'error',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  built.set(name, outfile);
  return outfile;
}
