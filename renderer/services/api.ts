/**
 * The only module that talks to `window.api`. Calls return the contract's `Result`, so every
 * caller decides how to show a failure; `unwrap` turns a failure into an `ApiError` for code
 * paths where a failure is shown by one shared handler.
 */
import type { ClaimdeskApi } from '../../shared/ipc/client';
import type { Channel } from '../../shared/ipc/channels';
import type { ArgsIn, Results } from '../../shared/ipc/contract';
import type { AppErrorValue, Result } from '../../shared/result';

declare global {
  interface Window {
    readonly api: ClaimdeskApi;
  }
}

/** A failed call, carrying the error value from main. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorValue) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** Calls a channel and returns its Result. */
export function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<Results[C]>> {
  return window.api.invoke(channel, args);
}

/** Calls a channel and returns its value, throwing an ApiError on failure. */
export async function unwrap<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Results[C]> {
  const result = await call(channel, args);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Subscribes to menu commands from main. */
export function onCommand(listener: Parameters<ClaimdeskApi['onCommand']>[0]): () => void {
  return window.api.onCommand(listener);
}
