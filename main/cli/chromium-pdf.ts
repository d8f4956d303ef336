/**
 * PDF without Electron: the HTML report printed by a Chromium-family browser installed on the
 * computer, run headless on a temporary copy of the report with a throwaway profile. The
 * report has no scripts and a strict Content-Security-Policy, so the browser only lays it out.
 * The sandbox stays on except as root, where Chromium refuses to start with it. The temporary
 * folder (private to the user, as mkdtemp makes it) is removed afterwards: the report may hold
 * confidential sources.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../export/pdf-printer';
import { RuntimeError } from './cli-errors';

/** Program names looked up on the PATH, in order. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where browsers are usually installed, per platform, tried after the PATH. */
function wellKnownPaths(platform: NodeJS.Platform, env: Env): string[] {
  switch (platform) {
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    case 'win32':
      return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
        .filter((dir): dir is string => dir !== undefined && dir !== '')
        .flatMap((dir) => [
          path.win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          path.win32.join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        ]);
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** What findChromium looks at; the defaults are this process's. */
export interface BrowserLookup {
  readonly env: Env;
  readonly platform?: NodeJS.Platform;
  /** Whether `file` is a program that can be run. */
  readonly isExecutable?: (file: string) => boolean;
}

/**
 * The browser to print with: $CLAIMDESK_CHROMIUM if set (RuntimeError when it is not a
 * program), else the first of chromium, chromium-browser, google-chrome on the PATH, else a
 * usual install location; RuntimeError saying what to install when there is none.
 */
export function findChromium(lookup: BrowserLookup): string {
  const { env, platform = process.platform, isExecutable = canExecute } = lookup;
  const chosen = env.CLAIMDESK_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (isExecutable(chosen)) return chosen;
    throw new RuntimeError(`CLAIMDESK_CHROMIUM is set to "${chosen}", which is not a program that can be run.`);
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const extensions = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const extension of extensions) {
        const candidate = path.join(dir, name + extension);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  const known = wellKnownPaths(platform, env).find((file) => isExecutable(file));
  if (known !== undefined) return known;
  throw new RuntimeError(
    'PDF export needs Chromium, Chrome or Edge, and none was found. Install one (on Debian or Ubuntu: ' +
      '"apt-get install chromium"), or set CLAIMDESK_CHROMIUM to the browser program. ' +
      'The html format is the same report, ready to print from any browser.',
  );
}

/** A PdfPrinter that runs `executable` headless; each print waits at most `timeoutMs`. */
export function chromiumPdfPrinter(executable: string, options: { timeoutMs?: number } = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return {
    async print(html: string): Promise<Uint8Array> {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pdf-'));
      try {
        const page = path.join(folder, 'report.html');
        const pdf = path.join(folder, 'report.pdf');
        fs.writeFileSync(page, html);
        const args = [
          '--headless',
          '--disable-gpu',
          '--no-first-run',
          '--no-default-browser-check',
          '--disable-extensions',
          '--disable-sync',
          '--disable-background-networking',
          '--disable-component-update',
          // A profile of its own, so a browser the user has open is neither reused nor disturbed.
          `--user-data-dir=${path.join(folder, 'profile')}`,
          ...(runningAsRoot() ? ['--no-sandbox'] : []),
          '--no-pdf-header-footer',
          '--print-to-pdf-no-header', // the same, as browsers before 2023 spell it; newer ones ignore it
          `--print-to-pdf=${pdf}`,
          pathToFileURL(page).href,
        ];
        await run(executable, args, timeoutMs);
        const bytes = fs.readFileSync(pdf);
        if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('what it wrote is not a PDF.');
        return bytes;
      } catch (error) {
        if (error instanceof RuntimeError) throw error;
        throw new RuntimeError(`The browser "${executable}" could not print the report to PDF: ${reason(error)}`);
      } finally {
        removeQuietly(folder);
      }
    },
  };
}

function run(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(executable, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else if (error.killed) reject(new RuntimeError(`The browser "${executable}" took more than ${timeoutMs / 1000} s to print the report; it was stopped.`));
      else reject(new Error(lastLines(stderr) || error.message));
    });
  });
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no PDF was written.';
  return error instanceof Error ? error.message : String(error);
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim();
}

/** Removes the temporary folder; a browser helper still holding a file there must not fail the export. */
function removeQuietly(folder: string): void {
  try {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // Left for the system's temporary-file cleaning.
  }
}

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function canExecute(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
