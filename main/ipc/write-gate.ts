/**
 * One writer at a time on the project file while a version is linked in the version worker.
 *
 * The handlers write through main's connection, one transaction at a time by nature: each runs
 * to its end within one turn of the event loop. Linking a new version writes through the
 * version worker's own connection instead, in another thread, so that the main process stays
 * free for the second or more a long article takes. SQLite lets one connection write at a
 * time, and a transaction of main's that has read before the worker committed cannot write
 * after it ('database is locked', not a wait). So while a link runs, the channels that change
 * the project wait for it, without blocking anything (reads, the window and progress go on),
 * and a link waits for changes already under way (an import between its steps) to finish.
 */
import type { Channel } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { WRITING_CHANNELS } from './read-only';

/** Channels that write through another connection: they run alone. */
export const EXCLUSIVE_CHANNELS: readonly Channel[] = ['versions:link'];

/**
 * Channels that change the project through main's connection: they wait while an exclusive
 * channel runs. Every writing channel, and those allowed on a read-only project that still
 * change the file (a profile, a restored backup).
 */
export const GATED_CHANNELS: readonly Channel[] = [
  ...WRITING_CHANNELS.filter((channel) => !EXCLUSIVE_CHANNELS.includes(channel)),
  'profiles:create',
  'profiles:switch',
  'project:restoreBackup',
];

/** A readers–writer lock in which the "readers" are changes through main's connection. */
export interface WriteGate {
  /**
   * Runs `fn` now, when no exclusive run is under way or waiting (a synchronous result stays
   * synchronous), or after it. A promise `fn` returns holds the gate until it settles.
   */
  shared<T>(fn: () => T): T | Promise<Awaited<T>>;
  /** Runs `fn` alone: after every shared run under way has settled, and before any that asks later. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createWriteGate(): WriteGate {
  let running = 0; // shared runs whose promise has not settled
  let exclusiveRuns = 0; // exclusive runs under way or waiting
  let waiters: (() => void)[] = [];
  let turn: Promise<unknown> = Promise.resolve(); // exclusive runs, one after the other

  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const resume of woken) resume();
  };
  const until = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((resume) => waiters.push(resume));
  };

  const gate: WriteGate = {
    shared<T>(fn: () => T): T | Promise<Awaited<T>> {
      if (exclusiveRuns > 0) return until(() => exclusiveRuns === 0).then(() => gate.shared(fn)) as Promise<Awaited<T>>;
      const result = fn();
      if (result instanceof Promise) {
        running += 1;
        const done = () => {
          running -= 1;
          wake();
        };
        result.then(done, done);
      }
      return result;
    },
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      exclusiveRuns += 1;
      const run = turn.then(async () => {
        try {
          await until(() => running === 0);
          return await fn();
        } finally {
          exclusiveRuns -= 1;
          wake();
        }
      });
      turn = run.catch(() => undefined);
      return run;
    },
  };
  return gate;
}

/** The handler table with GATED_CHANNELS run as shared and EXCLUSIVE_CHANNELS as exclusive runs of `gate`. */
export function gateWrites(handlers: Handlers, gate: WriteGate = createWriteGate()): Handlers {
  const gated = { ...handlers } as Record<Channel, (args: unknown) => unknown>;
  for (const channel of GATED_CHANNELS) {
    const handler = handlers[channel] as (args: unknown) => unknown;
    gated[channel] = (args) => gate.shared(() => handler(args));
  }
  for (const channel of EXCLUSIVE_CHANNELS) {
    const handler = handlers[channel] as (args: unknown) => unknown;
    gated[channel] = (args) => gate.exclusive(async () => handler(args));
  }
  return gated as Handlers;
}
