/**
 * Runs the computing part of linking and comparing versions in a worker thread (version-job.ts),
 * so that the main process — IPC and the window — is never blocked for the seconds a long
 * article takes. Jobs run one at a time. A job that takes longer than `timeoutMs` is stopped by
 * terminating the worker; a worker that dies fails its job; either way the next job gets a
 * fresh worker. Failures are AppErrors naming the problem.
 */
import { Worker } from 'node:worker_threads';
import type { ParagraphDiff } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { LinkInput, LinkPlan } from '../../../shared/versions/link-plan';
import type { VersionJob, VersionJobResult } from './version-job';

/** What the version handlers use. */
export interface VersionWorker {
  /** planLink (shared/versions/link-plan.ts) in the worker. */
  planLink(input: LinkInput): Promise<LinkPlan>;
  /** compareParagraphs (shared/versions/text-diff.ts) in the worker. */
  compare(before: string, after: string): Promise<ParagraphDiff[]>;
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
  readonly worker: Worker;
  readonly settle: (outcome: VersionJobResult | AppError) => void;
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
      settle(new AppError('internal', 'Comparing the versions failed unexpectedly. Nothing was changed.'), w);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      settle(new AppError('internal', 'Comparing the versions stopped unexpectedly. Nothing was changed.'), w);
    });
    w.unref();
    return w;
  };

  const runOne = (job: VersionJob) =>
    new Promise<VersionJobResult>((resolve, reject) => {
      const w = (worker ??= start());
      const id = nextId++;
      const timer = setTimeout(() => {
        settle(new AppError('too-large', `Comparing the versions took longer than ${Math.round(timeoutMs / 1000)} s, so Claimdesk stopped. Nothing was changed.`), w);
        discard(w);
      }, timeoutMs);
      pending = {
        id,
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
    async planLink(input) {
      const result = await run({ kind: 'link', input });
      if (result.status !== 'ok' || result.kind !== 'link') throw new Error('The version worker answered a link job with something else.');
      return result.plan;
    },
    async compare(before, after) {
      const result = await run({ kind: 'compare', before, after });
      if (result.status !== 'ok' || result.kind !== 'compare') throw new Error('The version worker answered a compare job with something else.');
      return result.paragraphs;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
