/**
 * Who is calling over IPC, and whether main answers. The bridge (main/electron/ipc-bridge.ts)
 * describes each call's sender with `callerOf`; the dispatcher answers only callers that
 * `trustedCaller` accepts: the app's own page (URL parsed, never matched by prefix) in the
 * window's top frame. Subframes, other origins and frames Electron can no longer name are refused
 * before any argument is looked at.
 */
import type { CallerInfo } from '../ipc/dispatcher';
import { isAppUrl } from './navigation';

/** What the bridge reads of Electron's IpcMainInvokeEvent. */
export interface IpcSenderEvent {
  /** The frame that sent the call; null once it has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly mainFrame: unknown };
}

/** Describes the sender of one IPC call for the dispatcher. */
export function callerOf(event: IpcSenderEvent): CallerInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame ? frame.url : null, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

/** The dispatcher's trust rule; `devServerUrl` is electron-vite's dev server in development, else null. */
export function trustedCaller(devServerUrl: string | null): (caller: CallerInfo) => boolean {
  return (caller) => caller.isMainFrame && caller.frameUrl !== null && isAppUrl(caller.frameUrl, devServerUrl);
}
