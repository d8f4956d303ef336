/** The import worker built from its sources, for the tests and the end-to-end harness (see main/workers/source-build.ts). */
import { buildWorkerFromSource } from '../../workers/source-build';

/** The path of a freshly built import worker script (built once per process). */
export function buildImportWorker(): string {
  return buildWorkerFromSource('import-worker', 'main/import/worker/import-worker.ts');
}
