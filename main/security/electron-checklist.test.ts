/**
 * The Electron security checklist, one describe per item. The behaviour of each rule is tested
 * beside its module; this file checks, statically over the sources, that the app has no way
 * around those modules, and that every page the app shows carries a CSP that passes the check.
 *
 *   window options          electron/window-options.test.ts, here (every window through the builder)
 *   CSP on every page       csp.test.ts, app-files.test.ts (the header on every response), here (every page)
 *   navigation, new windows web-contents-guard.test.ts, navigation.test.ts, here (one guard, one opener)
 *   permission handlers     permissions.test.ts, here (every session)
 *   IPC through the bridge  ipc-callers.test.ts, preload-bridge.test.ts, architecture.test.ts, here
 *   protocol traversal      app-files.test.ts
 *   fuses                   scripts/fuses.test.ts
 *   supported Electron      electron-support.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';
import { agreementSummary } from '../../shared/review/agreement';
import { minutesHtml } from '../../shared/review/minutes';
import { renderHtmlReport } from '../../shared/export/html-report';
import { fixtureBundle } from '../../shared/export/report-fixture';
import { APP_RESPONSE_HEADERS } from './app-files';
import { CONTENT_SECURITY_POLICY, cspProblems, parseCsp } from './csp';

const ROOT = path.resolve(__dirname, '../..');

/** Source files (not tests, not declarations) under `dir`, relative to the project root. */
function sources(dir: string, pattern = /\.(ts|tsx|mts|mjs|cjs|js|html)$/): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/\.d\.m?ts$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A file's code without comments (so prose about a rule does not count as breaking it). */
function code(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const MAIN = sources('main');
const PRELOAD = sources('preload');
const RENDERER = sources('renderer');
const PROCESS_CODE = [...MAIN, ...PRELOAD];

/** The files among `files` whose code matches `pattern`. */
function filesMatching(files: readonly string[], pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(code(f)));
}

describe('checklist: window options', () => {
  it('creates every window in one place, through the checked options builder', () => {
    expect(filesMatching(PROCESS_CODE, /new\s+BrowserWindow\s*\(/)).toEqual(['main/electron/secure-window.ts']);
    expect(code('main/electron/secure-window.ts')).toMatch(/new\s+BrowserWindow\s*\(\s*secureWindowOptions\s*\(\s*options\s*\)\s*\)/);
    // No other kind of web view, whose options would bypass the builder.
    expect(filesMatching(PROCESS_CODE, /\b(BrowserView|WebContentsView|webContents\s*\.\s*create)\b/)).toEqual([]);
  });

  it('builds every webPreferences through secureWindowOptions, and tests every builder', () => {
    const withPreferences = filesMatching(MAIN, /\bwebPreferences\s*:/);
    expect(withPreferences).toEqual(['main/electron/print-to-pdf.ts', 'main/electron/window-options.ts']);
    for (const file of withPreferences) expect(code(file), file).toMatch(/return\s+secureWindowOptions\s*\(/);
    // A new builder must join the windows checked in window-options.test.ts.
    const builders = MAIN.flatMap((f) => [...code(f).matchAll(/export\s+function\s+(\w+WindowOptions)\s*\(/g)].map((m) => m[1]));
    expect(builders.sort()).toEqual(['mainWindowOptions', 'printWindowOptions', 'secureWindowOptions']);
    const windowTest = code('main/electron/window-options.test.ts');
    expect(windowTest).toMatch(/main:\s*mainWindowOptions\(/);
    expect(windowTest).toMatch(/print:\s*printWindowOptions\(\)/);
  });

  it('never weakens a page or the process anywhere in main or the preload', () => {
    const weakening = [
      /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /webviewTag\s*:\s*true/,
      /enableBlinkFeatures\s*:/,
      /disableSandbox\s*\(/,
      /appendSwitch\s*\(\s*['"`](no-sandbox|disable-web-security|enable-blink-features|enable-experimental-web-platform-features|js-flags|remote-debugging-port|inspect|ignore-certificate-errors|allow-running-insecure-content)/,
    ];
    for (const pattern of weakening) expect(filesMatching(PROCESS_CODE, pattern), String(pattern)).toEqual([]);
  });

  it('has no <webview> in the renderer', () => {
    expect(filesMatching(RENDERER, /<webview\b/i)).toEqual([]);
  });
});

describe('checklist: a CSP on every page', () => {
  /** The CSP <meta> of an HTML page. */
  const metaPolicy = (html: string) => new JSDOM(html).window.document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null;

  it('serves the app page with the app policy as a header on every response', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(cspProblems(CONTENT_SECURITY_POLICY)).toEqual([]);
    // One protocol serves pages, and it answers with serveAppRequest (whose responses are tested).
    expect(filesMatching(PROCESS_CODE, /protocol\s*\.\s*(handle|register\w*Protocol|intercept\w*Protocol)\s*\(/)).toEqual(['main/electron/protocol.ts']);
    expect(code('main/electron/protocol.ts')).toMatch(/await\s+serveAppRequest\s*\(/);
  });

  it('loads pages only from the app protocol (or the dev server) and the print window’s report file', () => {
    expect(filesMatching(MAIN, /\.\s*load(URL|File)\s*\(/)).toEqual(['main/electron/app.ts', 'main/electron/print-to-pdf.ts']);
    expect([...code('main/electron/app.ts').matchAll(/\.loadURL\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['devServerUrl ?? APP_ENTRY_URL']);
  });

  it('writes the same policy into the built page, less what only a header can carry', () => {
    const plugin = (config.renderer?.plugins ?? []).flat().find((p): p is Plugin => typeof p === 'object' && p !== null && 'name' in p && p.name === 'claimdesk-csp-meta');
    expect(plugin).toBeDefined();
    const transform = plugin!.transformIndexHtml as () => { tag: string; attrs: Record<string, string> }[];
    const [meta] = transform();
    expect(meta!.tag).toBe('meta');
    expect(meta!.attrs['http-equiv']).toBe('Content-Security-Policy');
    const policy = meta!.attrs['content']!;
    expect(cspProblems(policy)).toEqual([]);
    const header = parseCsp(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(parseCsp(policy)).toEqual(header);
    // The source page declares no policy of its own for the build to keep beside it.
    expect(fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8')).not.toMatch(/Content-Security-Policy/i);
  });

  it('gives the print window’s pages (the report and the minutes) a policy that passes the same check', () => {
    const report = metaPolicy(renderHtmlReport(fixtureBundle()));
    const minutes = metaPolicy(
      minutesHtml({
        title: 'Tuesday toll',
        blind: false,
        lead: { name: 'Ana Lopes', initials: 'AL' },
        startedAt: '2026-03-15T09:30:00.000Z',
        closedAt: '2026-03-15T11:00:00.000Z',
        firstVoteAt: null,
        lastVoteAt: null,
        madeAt: '2026-03-15T11:00:00.000Z',
        generator: 'Claimdesk test',
        participants: [],
        agreement: agreementSummary({ raters: [], units: [] }),
        verdictLabels: {},
        claims: [],
        overrides: [],
      }),
    );
    for (const policy of [report, minutes]) {
      expect(policy).not.toBeNull();
      expect(cspProblems(policy!), policy!).toEqual([]);
    }
    // And the print window runs no script at all, whatever the page says (window-options.test.ts).
    expect(code('main/electron/print-to-pdf.ts')).toMatch(/javascript:\s*false/);
  });
});

describe('checklist: navigation and new windows denied', () => {
  it('installs the one guard on every web page as it is created', () => {
    const app = code('main/electron/app.ts');
    expect(app).toMatch(/app\.on\(\s*'web-contents-created'\s*,\s*\(_event,\s*contents\)\s*=>\s*guardWebContents\(\s*contents\s*,/);
    // Navigation and window-open rules live in the guard (and the print window's stricter own).
    expect(filesMatching(MAIN, /setWindowOpenHandler\s*\(/)).toEqual(['main/electron/print-to-pdf.ts', 'main/security/web-contents-guard.ts']);
    expect(filesMatching(MAIN, /action\s*:\s*['"`]allow/)).toEqual([]);
  });

  it('opens external links only through the one https:/mailto: function', () => {
    expect(code('main/electron/external-links.ts')).toMatch(/openExternalLink\(\s*url\s*,\s*\(href\)\s*=>\s*shell\.openExternal\(href\)\s*\)/);
    expect(filesMatching(PROCESS_CODE, /shell\s*\.\s*openExternal|\bopenExternal\s*\}\s*=\s*shell|shell\s*\[/)).toEqual(['main/electron/external-links.ts']);
    // The shell's other modules that open links import that function (main/security takes it injected).
    for (const file of filesMatching(PROCESS_CODE, /\bopenExternal\b/).filter((f) => f.startsWith('main/electron/') && f !== 'main/electron/external-links.ts')) {
      expect(code(file), file).toMatch(/import \{ openExternal \} from '\.\/external-links';/);
    }
  });

  it('decides URLs by parsing them, never by prefix', () => {
    for (const file of ['main/security/navigation.ts', 'main/security/external-links.ts', 'main/security/ipc-callers.ts', 'main/security/web-contents-guard.ts']) {
      expect(code(file), file).not.toMatch(/\.(startsWith|endsWith|indexOf|includes|match)\s*\(|\bRegExp\b|\/\^/);
    }
  });
});

describe('checklist: permission request and check handlers that deny everything', () => {
  it('denies every permission on every session the app uses', () => {
    const app = code('main/electron/app.ts');
    expect(app).toMatch(/app\.on\(\s*'session-created'\s*,\s*\(created\)\s*=>\s*denyAllPermissions\(created\)\s*\)/);
    expect(app).toMatch(/denyAllPermissions\(\s*session\.defaultSession\s*\)/);
    expect(app).toMatch(/denyAllPermissions\(\s*session\.fromPartition\(\s*PRINT_PARTITION\s*\)\s*\)/);
    expect(code('main/electron/print-to-pdf.ts')).toMatch(/denyAllPermissions\(session\)/);
    // The print partition is the only other session.
    const partitions = MAIN.flatMap((f) => [...code(f).matchAll(/(?:fromPartition\(|partition:)\s*([^,)\n]+)/g)].map((m) => m[1]!.trim()));
    expect(partitions.length).toBeGreaterThan(0);
    expect(new Set(partitions)).toEqual(new Set(['PRINT_PARTITION']));
  });

  it('sets permission handlers nowhere else, so nothing can grant one', () => {
    expect(filesMatching(PROCESS_CODE, /set(PermissionRequest|PermissionCheck|DevicePermission|DisplayMediaRequest|BluetoothPairing)Handler\s*\(/)).toEqual(['main/security/permissions.ts']);
  });
});

describe('checklist: every IPC handler through the one dispatcher', () => {
  it('mentions ipcMain only in the bridge, which dispatches every call with its described sender', () => {
    expect(filesMatching(PROCESS_CODE, /\bipcMain\b/)).toEqual(['main/electron/ipc-bridge.ts']);
    const bridge = code('main/electron/ipc-bridge.ts');
    expect([...bridge.matchAll(/ipcMain\s*\.\s*(\w+)/g)].map((m) => m[1])).toEqual(['handle', 'removeHandler']);
    expect(bridge).toMatch(/ipcMain\.handle\(channel,\s*\(event: IpcMainInvokeEvent, args: unknown\)\s*=>\s*dispatcher\.dispatch\(channel,\s*args,\s*callerOf\(event\)\)\)/);
    expect(code('main/electron/app.ts')).toMatch(/isTrustedCaller:\s*trustedCaller\(devServerUrl\)/);
  });

  it('keeps ipcRenderer inside the preload, which only invokes and listens on the event channel', () => {
    expect(filesMatching([...MAIN, ...RENDERER], /\bipcRenderer\b/)).toEqual([]);
    const preload = code('preload/index.ts');
    expect([...preload.matchAll(/ipcRenderer\s*\.\s*(\w+)/g)].map((m) => m[1]).sort()).toEqual(['invoke', 'on', 'removeListener']);
    expect(preload).not.toMatch(/\bsendSync\b|\bpostMessage\b|\bwebFrame\b|\brequire\s*\(/);
  });
});
