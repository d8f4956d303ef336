/**
 * Runs import jobs in a worker thread, so a hostile or huge file can never freeze or crash the
 * app: the worker has its own heap, capped by `resourceLimits`, and a job that takes longer
 * than `timeoutMs` is stopped by terminating the worker. Either failure is reported as a typed
 * error naming the problem, and the next job gets a fresh worker. Jobs run one at a time.
 */
import { Worker } from 'node:worker_threads';
import type { ImportJobRequest, ImportJobResult } from './import-job';

/** Reads files into articles; what the IPC handlers use. */
export interface ArticleImporter {
  read(request: ImportJobRequest): Promise<ImportJobResult>;
  /** Stops the worker (on quit). */
  close(): Promise<void>;
}

export interface ImportHostOptions {
  /** The built worker script (`import-worker.js`). */
  readonly workerFile: string;
  /** Longest a job may run. */
  readonly timeoutMs?: number;
  /** Heap limit of the worker, in MB. */
  readonly maxHeapMb?: number;
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 60_000;
export const DEFAULT_IMPORT_HEAP_MB = 1024;

interface Pending {
  readonly id: number;
  readonly worker: Worker;
  readonly resolve: (result: ImportJobResult) => void;
  readonly timer: NodeJS.Timeout;
}

/** An importer backed by one worker thread, restarted after a failure. */
export function createImportHost(options: ImportHostOptions): ArticleImporter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_IMPORT_HEAP_MB;
  let worker: Worker | null = null;
  let pending: Pending | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  /** Ends the pending job with `result`; with `from`, only if that worker is running it. */
  const settle = (result: ImportJobResult, from?: Worker) => {
    const job = pending;
    if (job === null || (from !== undefined && job.worker !== from)) return;
    pending = null;
    clearTimeout(job.timer);
    job.resolve(result);
  };

  const discard = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };

  const start = (): Worker => {
    const w = new Worker(options.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    w.on('message', (message: { id: number; result: ImportJobResult }) => {
      if (pending !== null && message.id === pending.id) settle(message.result, w);
    });
    w.on('error', (error: Error & { code?: string }) => {
      discard(w);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle({
        status: 'error',
        error: outOfMemory
          ? { kind: 'too-large', message: `Reading this file needed more than ${maxHeapMb} MB of memory, so Claimdesk stopped. Nothing was imported.` }
          : { kind: 'bad-file', message: 'The file could not be read: the reader stopped unexpectedly. Nothing was imported.' },
      }, w);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      settle({ status: 'error', error: { kind: 'bad-file', message: 'The file could not be read: the reader stopped unexpectedly. Nothing was imported.' } }, w);
    });
    w.unref();
    return w;
  };

  const runOne = (request: ImportJobRequest) =>
    new Promise<ImportJobResult>((resolve) => {
      const w = (worker ??= start());
      const id = nextId++;
      const timer = setTimeout(() => {
        settle({ status: 'error', error: { kind: 'too-large', message: `Reading this file took longer than ${Math.round(timeoutMs / 1000)} s, so Claimdesk stopped. Nothing was imported.` } }, w);
        discard(w);
      }, timeoutMs);
      pending = { id, worker: w, resolve, timer };
      w.postMessage({ id, request });
    });

  return {
    read(request) {
      const run = queue.then(() => runOne(request));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
