/**
 * The bridge: exposes `window.api` built from the IPC contract, and nothing else. Calls go
 * through `ipcRenderer.invoke` on channels of the contract only; events from main reach the
 * renderer as a validated command name, never as an Electron event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '../shared/ipc/channels';
import { buildApi } from '../shared/ipc/client';

const api = buildApi(
  (channel, args) => ipcRenderer.invoke(channel, args),
  (listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);
