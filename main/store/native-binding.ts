/**
 * Which compiled better-sqlite3 binary to load. Under plain Node (tests, the CLI) the package's
 * own build is used. Under Electron, whose ABI differs, `npm start` first builds a copy for
 * Electron into `.native/electron-<version>/` (scripts/ensure-electron-native.mjs), so the same
 * checkout runs the app and the tests without rebuild switching.
 */
import fs from 'node:fs';
import path from 'node:path';

let nativeBinding: string | undefined;

/** The folder that holds the Electron build of better-sqlite3 for an Electron version. */
export function electronNativeDir(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, '.native', `electron-${electronVersion}`);
}

/**
 * Under Electron, points better-sqlite3 at the Electron build when one exists. A packaged app
 * ships its binary rebuilt in place, so a missing folder simply keeps the default.
 */
export function useElectronNativeBinding(appRoot: string, electronVersion: string | null): void {
  if (!electronVersion) return;
  const candidate = path.join(electronNativeDir(appRoot, electronVersion), 'better_sqlite3.node');
  nativeBinding = fs.existsSync(candidate) ? candidate : undefined;
}

/** The `nativeBinding` option to pass to `new Database`, if any. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return nativeBinding ? { nativeBinding } : {};
}

/**
 * Loads `binding` from now on in this thread (undefined: the package's own build): a worker
 * thread is given the binary its process's main thread chose with useElectronNativeBinding.
 */
export function useNativeBinding(binding: string | undefined): void {
  nativeBinding = binding;
}
