import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, PrintToPDFOptions, Session } from 'electron';
import { describe, expect, expectTypeOf, it, onTestFinished } from 'vitest';
import { AppError } from '../../shared/result';
import {
  createElectronPdfPrinter,
  mayLoadInPrintWindow,
  PRINT_PARTITION,
  printWindowOptions,
  type PreventableEvent,
  type PrintContents,
  type PrintSession,
  type PrintWindow,
} from './print-to-pdf';

const REPORT = '<!DOCTYPE html><html lang="en"><title>Fact-check</title><p>14 people were killed</p></html>';
const PDF = new TextEncoder().encode('%PDF-1.7 fake');

function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-print-test-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'scratch');
}

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

/** The print session as the printer leaves it: its request filter and permission answers. */
class FakeSession implements PrintSession {
  requestListener: RequestListener | null = null;
  permissionRequest: Parameters<PrintSession['setPermissionRequestHandler']>[0] | null = null;
  permissionCheck: Parameters<PrintSession['setPermissionCheckHandler']>[0] | null = null;
  devicePermission: Parameters<PrintSession['setDevicePermissionHandler']>[0] | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: RequestListener) => {
      this.requestListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']): void {
    this.devicePermission = handler;
  }
  /** Whether a request for `url` would be cancelled. */
  cancels(url: string): boolean {
    let cancel: boolean | undefined;
    this.requestListener!({ url }, (response) => (cancel = response.cancel));
    return cancel!;
  }
}

interface Behaviour {
  load?: (contents: FakeContents) => Promise<void>;
  print?: () => Promise<Uint8Array>;
}

class FakeContents implements PrintContents {
  readonly listeners = new Map<string, ((event: PreventableEvent) => void)[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  loadedUrl: string | null = null;
  loadedHtml: string | null = null;
  printOptions: PrintToPDFOptions | null = null;
  constructor(private readonly behaviour: Behaviour) {}
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.loadedHtml = fs.readFileSync(fileURLToPath(url), 'utf8');
    await this.behaviour.load?.(this);
  }
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.printOptions = options;
    return this.behaviour.print?.() ?? Promise.resolve(PDF);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  on(event: string, listener: (event: PreventableEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Emits a navigation event; true when a listener prevented it. */
  emitPrevented(event: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

class FakeWindow implements PrintWindow {
  destroyed = false;
  readonly webContents: FakeContents;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    behaviour: Behaviour,
  ) {
    this.webContents = new FakeContents(behaviour);
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A printer over fakes, with everything it created kept for inspection. */
function fakePrinter(behaviour: Behaviour = {}, timeoutMs?: number) {
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  let sessionsAsked = 0;
  const dir = scratchDir();
  const printer = createElectronPdfPrinter({
    createWindow: (options) => {
      const window = new FakeWindow(options, behaviour);
      windows.push(window);
      return window;
    },
    session: () => {
      sessionsAsked++;
      return session;
    },
    scratchDir: dir,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { printer, session, windows, dir, sessionsAsked: () => sessionsAsked };
}

/** Files left in the scratch folder (the folder itself may remain; it is private and empty). */
function leftovers(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
}

describe('print window options', () => {
  const options = printWindowOptions();
  const prefs = options.webPreferences!;

  it('is hidden, sandboxed, isolated, without Node and without JavaScript', () => {
    expect(options.show).toBe(false);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.javascript).toBe(false);
    expect(prefs).not.toHaveProperty('preload');
  });

  it('keeps web security on and runs in an in-memory session of its own', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
    expect(prefs).not.toHaveProperty('session');
  });
});

describe('the print session request filter', () => {
  const report = pathToFileURL('/tmp/claimdesk-1/print-abc/report.html').href;
  const printing = new Set([report]);

  it('lets through only the report being printed', () => {
    expect(mayLoadInPrintWindow(report, printing)).toBe(true);
    expect(mayLoadInPrintWindow(report, new Set())).toBe(false);
  });

  it('cancels everything else', () => {
    for (const url of [
      pathToFileURL('/tmp/claimdesk-1/print-abc/other.html').href,
      pathToFileURL('/etc/passwd').href,
      'https://tracker.example/pixel.gif',
      'http://127.0.0.1:8080/report.html',
      'data:image/png;base64,iVBORw0KGgo=',
      'ws://localhost/socket',
      'devtools://devtools/bundled/inspector.html',
      `${report}?x=1`,
      'not a url',
    ]) {
      expect(mayLoadInPrintWindow(url, printing), url).toBe(false);
    }
  });
});

describe('createElectronPdfPrinter', () => {
  it('prints the report from a private temporary file and cleans up', async () => {
    const { printer, windows, dir } = fakePrinter();
    const pdf = await printer.print(REPORT);

    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.options).toEqual(printWindowOptions());
    const contents = window!.webContents;
    expect(contents.loadedHtml).toBe(REPORT);
    expect(fileURLToPath(contents.loadedUrl!).startsWith(dir + path.sep)).toBe(true);
    expect(contents.printOptions).toMatchObject({ printBackground: true, preferCSSPageSize: true });
    expect(window!.destroyed).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes the temporary file readable by its owner only', async () => {
    let mode = 0;
    const { printer } = fakePrinter({
      load: async (contents) => {
        mode = fs.statSync(fileURLToPath(contents.loadedUrl!)).mode & 0o777;
      },
    });
    await printer.print(REPORT);
    if (process.platform !== 'win32') expect(mode).toBe(0o600);
  });

  it('lets the session load the report only while it is printed, and denies every permission', async () => {
    const { printer, session, sessionsAsked } = fakePrinter({
      load: async (contents) => {
        expect(session.cancels(contents.loadedUrl!)).toBe(false);
        expect(session.cancels('https://fonts.example/font.woff2')).toBe(true);
      },
    });
    await printer.print(REPORT);
    await printer.print(REPORT);
    expect(sessionsAsked()).toBe(1);

    expect(session.cancels(pathToFileURL('/anything.html').href)).toBe(true);
    let granted: boolean | undefined;
    session.permissionRequest!(null, 'media', (answer) => (granted = answer), {});
    expect(granted).toBe(false);
    expect(session.permissionCheck!(null, 'media', 'file://', {})).toBe(false);
    expect(session.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('denies navigation, redirects and new windows', async () => {
    const { printer, windows } = fakePrinter();
    await printer.print(REPORT);
    const contents = windows[0]!.webContents;
    expect(contents.emitPrevented('will-navigate')).toBe(true);
    expect(contents.emitPrevented('will-frame-navigate')).toBe(true);
    expect(contents.emitPrevented('will-redirect')).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('keeps two reports printed at once apart', async () => {
    const seen: string[] = [];
    const { printer, session } = fakePrinter({
      load: async (contents) => {
        seen.push(contents.loadedHtml!);
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(session.cancels(contents.loadedUrl!)).toBe(false);
      },
    });
    await Promise.all([printer.print('<p>one</p>'), printer.print('<p>two</p>')]);
    expect(seen.sort()).toEqual(['<p>one</p>', '<p>two</p>']);
  });

  it('destroys the window and removes the file when loading fails', async () => {
    const { printer, windows, dir } = fakePrinter({ load: () => Promise.reject(new Error('ERR_FAILED (-2) loading file')) });
    await expect(printer.print(REPORT)).rejects.toThrow('ERR_FAILED');
    expect(windows[0]!.destroyed).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    const { printer, windows, dir } = fakePrinter({ print: () => Promise.reject(new Error('Failed to generate PDF')) });
    await expect(printer.print(REPORT)).rejects.toThrow('Failed to generate PDF');
    expect(windows[0]!.destroyed).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('gives up after the timeout, destroying the window and removing the file', async () => {
    const { printer, windows, dir, session } = fakePrinter({ print: () => new Promise<Uint8Array>(() => {}) }, 50);
    const error = await printer.print(REPORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('internal');
    expect((error as AppError).message).toMatch(/took longer than/);
    expect(windows[0]!.destroyed).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(session.cancels(windows[0]!.webContents.loadedUrl!)).toBe(true);
  });

  it('removes the file when the window cannot be created', async () => {
    const dir = scratchDir();
    const printer = createElectronPdfPrinter({
      createWindow: () => {
        throw new Error('no display');
      },
      session: () => new FakeSession(),
      scratchDir: dir,
    });
    await expect(printer.print(REPORT)).rejects.toThrow('no display');
    expect(leftovers(dir)).toEqual([]);
  });

  it('fits the real Electron objects', () => {
    // Type-level only: the app passes Electron's own window and session.
    expectTypeOf<BrowserWindow>().toExtend<PrintWindow>();
    expectTypeOf<Session>().toExtend<PrintSession>();
  });
});
