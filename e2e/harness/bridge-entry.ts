/**
 * Runs in the page before the app (an init script): builds `window.api` with the same
 * `buildApi` the preload uses, over a Playwright binding instead of Electron's IPC. Bytes are
 * sent as base64 because bindings carry JSON.
 */
import { buildApi } from '../../shared/ipc/client';
import { encodeForBinding } from './binding-codec';

type Listener = (payload: unknown) => void;
interface HarnessWindow {
  __claimdeskInvoke(channel: string, args: unknown): Promise<unknown>;
  __claimdeskEmit?: (payload: unknown) => void;
}

const harness = window as unknown as HarnessWindow;
const listeners = new Set<Listener>();
harness.__claimdeskEmit = (payload) => listeners.forEach((l) => l(payload));

const api = buildApi(
  (channel, args) => harness.__claimdeskInvoke(channel, encodeForBinding(args)),
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);
Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
