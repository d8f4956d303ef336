/** The version worker built from its sources, for the tests, the end-to-end harness and the benchmark (see main/workers/source-build.ts). */
import { buildWorkerFromSource } from '../../workers/source-build';

/** The path of a freshly built version worker script (built once per process). */
export function buildVersionWorker(): string {
  return buildWorkerFromSource('version-worker', 'main/versions/worker/version-worker.ts');
}
