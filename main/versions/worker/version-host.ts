/**
 * Runs linking and comparing versions in a worker thread (version-job.ts), so that the main
 * process — IPC and the window — is never blocked for the seconds a long article takes: both
 * read (and a link writes) the project there, through a connection of the worker's own. Jobs
 * run one at a time. A job that takes longer than `timeoutMs` is stopped by terminating the
 * worker; a worker that dies fails its job; either way the next job gets a fresh worker and
 * nothing of the stopped job is written (its transaction ends with its connection). Failures
 * are AppErrors naming the problem.
 */
import { Worker } from 'node:worker_threads';
import type { VersionComparison, VersionLinkReport } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CompareRequest, LinkRequest, LinkTimings, VersionJob, VersionJobResult } from './version-job';

export type { CompareRequest, LinkRequest, LinkTimings };

/** What the version handlers use. */
export interface VersionWorker {
  /** linkAsNewVersion (store/versions.ts) in the worker, on the project file the request names. */
  link(request: LinkRequest): Promise<{ report: VersionLinkReport; timings: LinkTimings }>;
  /** compareVersions (store/versions.ts) in the worker, on the project file the request names. */
  compare(request: CompareRequest): Promise<VersionComparison>;
  /** Stops the worker (on quit). */
  close(): Promise<void>;
}

export interface VersionHostOptions {
  /** The built worker script (`version-worker.js`). */
  readonly workerFile: string;
  /** Longest a job may run. */
  readonly timeoutMs?: number;
}

export const DEFAULT_VERSION_TIMEOUT_MS = 120_000;

interface Pending {
  readonly id: number;
  readonly kind: VersionJob['kind'];
  readonly worker: Worker;
  readonly settle: (outcome: VersionJobResult | AppError) => void;
}

/** The job under way, in words, for a failure's message. */
function doing(job: Pending | null): string {
  return job?.kind === 'link' ? 'Linking the new version' : 'Comparing the versions';
}

/** A version worker backed by one worker thread, restarted after a failure. */
export function createVersionHost(options: VersionHostOptions): VersionWorker {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERSION_TIMEOUT_MS;
  let worker: Worker | null = null;
  let pending: Pending | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  /** Ends the pending job with `outcome`, if `from` is the worker running it. */
  const settle = (outcome: VersionJobResult | AppError, from: Worker) => {
    const job = pending;
    if (job === null || job.worker !== from) return;
    pending = null;
    job.settle(outcome);
  };

  const discard = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };

  const start = (): Worker => {
    const w = new Worker(options.workerFile, { stdout: false, stderr: false });
    w.on('message', (message: { id: number; result: VersionJobResult }) => {
      if (pending !== null && message.id === pending.id) settle(message.result, w);
    });
    w.on('error', () => {
      discard(w);
      settle(new AppError('internal', `${doing(pending)} failed unexpectedly. Nothing was changed.`), w);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      settle(new AppError('internal', `${doing(pending)} stopped unexpectedly. Nothing was changed.`), w);
    });
    w.unref();
    return w;
  };

  const runOne = (job: VersionJob) =>
    new Promise<VersionJobResult>((resolve, reject) => {
      const w = (worker ??= start());
      const id = nextId++;
      const timer = setTimeout(() => {
        settle(new AppError('too-large', `${doing(pending)} took longer than ${Math.round(timeoutMs / 1000)} s, so Claimdesk stopped. Nothing was changed.`), w);
        discard(w);
      }, timeoutMs);
      pending = {
        id,
        kind: job.kind,
        worker: w,
        settle: (outcome) => {
          clearTimeout(timer);
          if (outcome instanceof AppError) reject(outcome);
          else if (outcome.status === 'error') reject(new AppError(outcome.error.kind, outcome.error.message));
          else resolve(outcome);
        },
      };
      w.postMessage({ id, job });
    });

  const run = (job: VersionJob) => {
    const result = queue.then(() => runOne(job));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    async link(request) {
      const result = await run({ kind: 'link', ...request });
      if (result.status !== 'ok' || result.kind !== 'link') throw new Error('The version worker answered a link job with something else.');
      return { report: result.report, timings: result.timings };
    },
    async compare(request) {
      const result = await run({ kind: 'compare', ...request });
      if (result.status !== 'ok' || result.kind !== 'compare') throw new Error('The version worker answered a compare job with something else.');
      return result.comparison;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
