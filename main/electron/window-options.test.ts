import { describe, expect, it } from 'vitest';
import { printWindowOptions } from './print-to-pdf';
import { FORBIDDEN_WEB_PREFERENCES, mainWindowOptions, REQUIRED_WEB_PREFERENCES, secureWindowOptions, webPreferenceViolations } from './window-options';

/** Every window the app opens, by name (checked again statically in main/security/electron-checklist.test.ts). */
const WINDOWS = {
  main: mainWindowOptions('/app/out/preload/index.js'),
  print: printWindowOptions(),
};

describe('checklist: window options', () => {
  describe.each(Object.entries(WINDOWS))('the %s window', (_name, options) => {
    const prefs = options.webPreferences!;

    it('has context isolation and the sandbox, and no Node integration (also in workers and subframes)', () => {
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    });

    it('keeps webSecurity on and allows no insecure content', () => {
      expect(prefs.webSecurity).toBe(true);
      expect(prefs.allowRunningInsecureContent).toBe(false);
    });

    it('enables no experimental or Blink features and no <webview>', () => {
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs.webviewTag).toBe(false);
    });

    it('passes the full check', () => {
      expect(webPreferenceViolations(options)).toEqual([]);
    });
  });

  it('loads the given preload in the main window and none in the print window', () => {
    expect(WINDOWS.main.webPreferences!.preload).toBe('/app/out/preload/index.js');
    expect(WINDOWS.print.webPreferences).not.toHaveProperty('preload');
  });

  it('fills in the required settings a builder leaves out', () => {
    const options = secureWindowOptions({ width: 10, webPreferences: { spellcheck: false } });
    expect(options.width).toBe(10);
    expect(options.webPreferences).toEqual({ spellcheck: false, ...REQUIRED_WEB_PREFERENCES });
    expect(webPreferenceViolations(secureWindowOptions({}))).toEqual([]);
  });

  it.each([
    ['nodeIntegration', true],
    ['nodeIntegrationInWorker', true],
    ['nodeIntegrationInSubFrames', true],
    ['contextIsolation', false],
    ['sandbox', false],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['experimentalFeatures', true],
    ['webviewTag', true],
  ] as const)('refuses to open a window with %s: %s', (key, value) => {
    expect(() => secureWindowOptions({ webPreferences: { [key]: value } })).toThrow(key);
    expect(webPreferenceViolations({ webPreferences: { ...REQUIRED_WEB_PREFERENCES, [key]: value } })).toEqual([expect.stringMatching(new RegExp(`^${key}:`))]);
  });

  it('refuses Blink features, even an empty list', () => {
    expect(FORBIDDEN_WEB_PREFERENCES).toContain('enableBlinkFeatures');
    expect(() => secureWindowOptions({ webPreferences: { enableBlinkFeatures: 'CSSPseudoHas' } })).toThrow('enableBlinkFeatures');
    expect(() => secureWindowOptions({ webPreferences: { enableBlinkFeatures: '' } })).toThrow('enableBlinkFeatures');
  });

  it('reports a missing setting, not only a wrong one', () => {
    expect(webPreferenceViolations({ webPreferences: { contextIsolation: true } })).toContain('sandbox: must be true, is undefined');
  });
});
