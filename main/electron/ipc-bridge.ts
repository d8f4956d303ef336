/**
 * The only place that registers IPC handlers with Electron: each channel of the contract is
 * wired to the dispatcher, with the sender's frame described for the trust check (callerOf).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../ipc/dispatcher';
import { callerOf } from '../security/ipc-callers';

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(dispatcher: Dispatcher): () => void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown) => dispatcher.dispatch(channel, args, callerOf(event)));
  }
  return () => {
    for (const channel of dispatcher.channels) ipcMain.removeHandler(channel);
  };
}
