/**
 * The app's PdfPrinter: Electron's `printToPDF` in a hidden window made for one report and
 * destroyed afterwards. The report is written to a private temporary file and loaded from there
 * (a data: URL would hit Chromium's 2 MB URL limit on long articles). The window runs no script
 * and lives in an in-memory session of its own that cancels every request except that file and
 * denies every permission; it may not navigate or open windows.
 *
 * Electron is reached only through the narrow shapes below (what BrowserWindow, WebContents and
 * Session offer), so the options, the request filter and the cleanup on failure or timeout are
 * tested without an Electron binary. The shell passes the real ones:
 * `createElectronPdfPrinter({ createWindow: createSecureWindow, session: () => session.fromPartition(PRINT_PARTITION), scratchDir })`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { AppError } from '../../shared/result';
import type { PdfPrinter } from '../export/pdf-printer';
import { denyAllPermissions, type PermissionSession } from '../security/permissions';
import { secureWindowOptions } from './window-options';

/** The print window's session: no "persist:" prefix, so it is kept in memory and never written to disk. */
export const PRINT_PARTITION = 'claimdesk-print';

/** How long loading and printing one report may take before the window is destroyed. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * Backgrounds on (the verdict colours), the page size and margins of the report's own @page
 * rule, and a tagged PDF with an outline from the headings, for screen-reader users.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/**
 * The hidden print window: no JavaScript, no preload, no plugins, in its own session; and, like
 * every window, sandboxed and isolated without Node (secureWindowOptions adds those).
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return secureWindowOptions({
    show: false,
    width: 1024,
    height: 1280,
    webPreferences: {
      partition: PRINT_PARTITION,
      javascript: false,
      webgl: false,
      plugins: false,
      enableWebSQL: false,
      spellcheck: false,
      disableDialogs: true,
    },
  });
}

/** Whether the print session lets a request through: only a report file being printed, exactly. */
export function mayLoadInPrintWindow(url: string, reportUrls: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'file:' && reportUrls.has(parsed.href);
}

/** What the printer uses of an Electron navigation event. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** What the printer uses of Electron's WebContents. */
export interface PrintContents {
  loadURL(url: string): Promise<void>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent) => void): unknown;
}

/** What the printer uses of Electron's BrowserWindow. */
export interface PrintWindow {
  readonly webContents: PrintContents;
  destroy(): void;
  isDestroyed(): boolean;
}

/** What the printer uses of Electron's Session. */
export interface PrintSession extends PermissionSession {
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** What the printer needs from the Electron shell. */
export interface ElectronPrintDeps {
  /** `createSecureWindow(options)` (secure-window.ts). */
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** The session of PRINT_PARTITION; asked for once, at the first print (so after the app is ready). */
  session(): PrintSession;
  /** A private folder for temporary files; each print makes its own folder inside and removes it. */
  scratchDir: string;
  timeoutMs?: number;
}

/** Locks the print session down: cancels every request but a report file, denies every permission. */
function lockDownSession(session: PrintSession, reportUrls: ReadonlySet<string>): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoadInPrintWindow(details.url, reportUrls) }));
  denyAllPermissions(session);
}

/** The report stays where it was loaded: no navigation, no redirect, no new window. */
function lockDownContents(contents: PrintContents): void {
  const deny = (event: PreventableEvent) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Settles like `work`, or rejects after `ms` (calling `onTimeout` first); the timer is always cleared. */
async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new AppError('internal', `Printing the report to PDF took longer than ${Math.round(ms / 1000)} s and was stopped.`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A PdfPrinter that prints each report in its own hidden window (see the header). */
export function createElectronPdfPrinter(deps: ElectronPrintDeps): PdfPrinter {
  const timeoutMs = deps.timeoutMs ?? PRINT_TIMEOUT_MS;
  const reportUrls = new Set<string>();
  let sessionReady = false;

  return {
    async print(html: string): Promise<Uint8Array> {
      if (!sessionReady) {
        lockDownSession(deps.session(), reportUrls);
        sessionReady = true;
      }
      await fs.mkdir(deps.scratchDir, { recursive: true, mode: 0o700 });
      const folder = await fs.mkdtemp(path.join(deps.scratchDir, 'print-'));
      const file = path.join(folder, 'report.html');
      const url = pathToFileURL(file).href;
      let window: PrintWindow | null = null;
      const destroyWindow = () => {
        if (window !== null && !window.isDestroyed()) window.destroy();
      };
      try {
        await fs.writeFile(file, html, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
        reportUrls.add(url);
        const printing = deps.createWindow(printWindowOptions());
        window = printing;
        lockDownContents(printing.webContents);
        const pdf = await withTimeout(
          printing.webContents.loadURL(url).then(() => printing.webContents.printToPDF(PDF_OPTIONS)),
          timeoutMs,
          destroyWindow,
        );
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        reportUrls.delete(url);
        destroyWindow();
        await fs.rm(folder, { recursive: true, force: true });
      }
    },
  };
}
