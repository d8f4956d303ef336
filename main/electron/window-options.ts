/**
 * Window options as plain objects, so tests check every security setting without an Electron
 * binary. Every window the app opens takes its options through `secureWindowOptions` (the shell
 * creates windows only in secure-window.ts): the settings in REQUIRED_WEB_PREFERENCES are added
 * where a builder leaves them out, and a builder that contradicts one, or sets a forbidden one,
 * throws instead of opening a weaker window.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** What every page gets, whatever else its window sets: isolated, sandboxed, no Node anywhere. */
export const REQUIRED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  // Node in web workers and in subframes (the preload would otherwise run in iframes too).
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences);

/** webPreferences no window may set at all: Blink features beyond the stable web platform. */
export const FORBIDDEN_WEB_PREFERENCES = Object.freeze(['enableBlinkFeatures'] as const);

/** Each way `options` falls short of the required settings, as "key: reason"; empty when none. */
export function webPreferenceViolations(options: BrowserWindowConstructorOptions): string[] {
  const prefs: Record<string, unknown> = { ...options.webPreferences };
  const problems: string[] = [];
  for (const [key, required] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
    if (prefs[key] !== required) problems.push(`${key}: must be ${String(required)}, is ${String(prefs[key])}`);
  }
  for (const key of FORBIDDEN_WEB_PREFERENCES) {
    if (key in prefs) problems.push(`${key}: must not be set`);
  }
  return problems;
}

/**
 * `options` with the required settings filled in. Throws when the caller contradicts one of them
 * or sets a forbidden one: a window is never opened weaker than REQUIRED_WEB_PREFERENCES.
 */
export function secureWindowOptions(options: BrowserWindowConstructorOptions): BrowserWindowConstructorOptions {
  const given: Record<string, unknown> = { ...options.webPreferences };
  const contradicted = Object.entries(REQUIRED_WEB_PREFERENCES).filter(([key, required]) => key in given && given[key] !== required);
  const forbidden = FORBIDDEN_WEB_PREFERENCES.filter((key) => key in given);
  if (contradicted.length > 0 || forbidden.length > 0) {
    const names = [...contradicted.map(([key]) => key), ...forbidden].join(', ');
    throw new Error(`Refusing to open a window with weakened webPreferences: ${names}`);
  }
  return { ...options, webPreferences: { ...options.webPreferences, ...REQUIRED_WEB_PREFERENCES } };
}

/** The main window; `preload` is the absolute path of the preload bundle. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return secureWindowOptions({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Claimdesk',
    backgroundColor: '#f6f8fa',
    webPreferences: {
      preload,
      spellcheck: false,
      safeDialogs: true,
    },
  });
}
