/**
 * Builds `window.api` from the contract. The preload calls this with `ipcRenderer.invoke`; the
 * test harness calls it with a Playwright binding. Only channels of the contract are forwarded.
 */
import type { Result } from '../result';
import { isAppCommand, isChannel, type AppCommand, type Channel } from './channels';
import type { ArgsIn, Results } from './contract';
import { isTaskProgress, type TaskProgress } from './task-progress';

/** The API the renderer sees. */
export interface ClaimdeskApi {
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<Results[C]>>;
  /** Subscribes to menu commands from main; returns an unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Subscribes to progress of long tasks (exports); returns an unsubscribe function. */
  onProgress(listener: (progress: TaskProgress) => void): () => void;
}

/** A transport: sends one call and resolves with main's `Result`. */
export type Transport = (channel: Channel, args: unknown) => Promise<unknown>;
/** Subscribes to raw events from main; returns an unsubscribe function. */
export type EventSource = (listener: (payload: unknown) => void) => () => void;

/** Creates the renderer API over a transport. */
export function buildApi(transport: Transport, events: EventSource): ClaimdeskApi {
  return Object.freeze({
    invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<Results[C]>> {
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { kind: 'forbidden', message: `unknown channel ${String(channel)}` } });
      }
      return transport(channel, args) as Promise<Result<Results[C]>>;
    },
    onCommand(listener: (command: AppCommand) => void): () => void {
      // Only the command name crosses the bridge, never an event object.
      return events((payload) => {
        if (isAppCommand(payload)) listener(payload);
      });
    },
    onProgress(listener: (progress: TaskProgress) => void): () => void {
      return events((payload) => {
        if (isTaskProgress(payload)) {
          const { type, taskId, done, total, label } = payload;
          listener({ type, taskId, done, total, label });
        }
      });
    },
  });
}
