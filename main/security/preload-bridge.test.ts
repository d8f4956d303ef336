/**
 * Checklist item "the preload exposes no ipcRenderer and no event object": the real preload
 * runs here against a stand-in for Electron's contextBridge and ipcRenderer (the module
 * `electron` is replaced, so no binary is needed), and the test looks at what reached the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>();
  const exposed: [string, unknown][] = [];
  const invoked: [string, unknown][] = [];
  const ipcRenderer = {
    invoke: async (channel: string, args: unknown) => {
      invoked.push([channel, args]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not send');
    },
    sendSync: () => {
      throw new Error('the preload must not send');
    },
  };
  /** Electron's event object as a listener receives it: with the sender and its ports. */
  const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [], preventDefault: () => undefined };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, payload);
  };
  return { listeners, exposed, invoked, ipcRenderer, ipcEvent, emit };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]) },
  ipcRenderer: electron.ipcRenderer,
}));

/** Every value reachable from `root` (own properties, depth-first). */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root === 'object' || typeof root === 'function') && root !== null && !seen.has(root)) {
    seen.add(root);
    for (const key of Reflect.ownKeys(root)) {
      const descriptor = Object.getOwnPropertyDescriptor(root, key);
      if (descriptor && 'value' in descriptor) reachable(descriptor.value, seen);
    }
  }
  return seen;
}

let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  // The real preload, loaded once the stand-in for electron is in place (app code in main/ may
  // not import the preload; lint says so, and this test only observes it).
  await import('../../preload/index');
  api = electron.exposed[0]![1] as typeof api;
});

describe('checklist: the preload exposes only window.api, never ipcRenderer or an event object', () => {
  it('exposes one object, window.api, of three functions, frozen', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onCommand', 'onProgress']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('lets nothing of ipcRenderer be reached from window.api', () => {
    const fromApi = reachable(api);
    for (const value of [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]) expect(fromApi.has(value)).toBe(false);
  });

  it('forwards calls on contract channels only, through invoke', async () => {
    await api.invoke!('links:open', { url: 'https://example.org/' });
    const refused = await api.invoke!('evil:channel', {});
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(electron.invoked).toEqual([['links:open', { url: 'https://example.org/' }]]);
  });

  it('listens on the event channel only, and hands the page the command, never the event', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onCommand!((...args: unknown[]) => received.push(args)) as () => void;
    expect([...electron.listeners.keys()]).toEqual([EVENT_CHANNEL]);
    electron.emit(EVENT_CHANNEL, 'export');
    electron.emit(EVENT_CHANNEL, { sender: 'not a command' });
    electron.emit(EVENT_CHANNEL, electron.ipcEvent);
    expect(received).toEqual([['export']]);
    unsubscribe();
    expect(electron.listeners.get(EVENT_CHANNEL)).toEqual([]);
  });

  it('passes progress on as a fresh object of its five fields only', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onProgress!((...args: unknown[]) => received.push(args)) as () => void;
    const payload = { type: 'progress', taskId: 'export-1', done: 1, total: 2, label: 'Exporting…', sender: electron.ipcRenderer };
    electron.emit(EVENT_CHANNEL, payload);
    expect(received).toEqual([[{ type: 'progress', taskId: 'export-1', done: 1, total: 2, label: 'Exporting…' }]]);
    expect(received[0]![0]).not.toBe(payload);
    unsubscribe();
  });
});
