/**
 * The one place the app creates a BrowserWindow: its options pass `secureWindowOptions` first,
 * so no window opens with Node, without the sandbox or with web security off. A static test
 * (main/security/electron-checklist.test.ts) fails if `new BrowserWindow(` appears anywhere else.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { secureWindowOptions } from './window-options';

/** `new BrowserWindow` with the required webPreferences enforced (throws when contradicted). */
export function createSecureWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow(secureWindowOptions(options));
}
