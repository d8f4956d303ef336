/**
 * The options of the main window, as a plain object so tests can check every security setting
 * without an Electron binary.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Builds the BrowserWindow options; `preload` is the absolute path of the preload bundle. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Claimdesk',
    backgroundColor: '#f6f8fa',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
