#!/usr/bin/env node
// Electron fuses of the packaged app: switches compiled into the Electron binary that turn off
// the ways of running it as something other than Claimdesk (as plain Node, with NODE_OPTIONS,
// with an inspector port) and turn on cookie encryption, ASAR integrity and "load the app only
// from app.asar". They are flipped in the copy of the binary that goes into a package, never in
// node_modules (development runs keep a stock Electron).
//
// How packaging uses this file. The project has no packager yet (nothing builds an installer or
// an app.asar today), so nothing calls it automatically. When one is added:
//   - electron-builder: `"afterPack": "./scripts/fuses.mjs"` in its configuration; the default
//     export below receives its AfterPackContext and flips the packaged binary. afterPack runs
//     before code signing, so the signature covers the flipped binary. ASAR integrity also needs
//     the packager to write the integrity hash (electron-builder does so when it makes an asar).
//   - Electron Forge: `new FusesPlugin({ version: FuseVersion.V1, ...fuseWire() })` from
//     @electron/forge-plugin-fuses, with the same settings.
//   - by hand: `node scripts/fuses.mjs <path to the packaged Electron binary or .app>`.
// EnableEmbeddedAsarIntegrityValidation and OnlyLoadAppFromAsar make a binary refuse to start an
// app that is not in a (valid) app.asar, so they must only ever be applied to a packaged copy.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The required value of every fuse Electron's V1 wire has, by its name in @electron/fuses. Every
 * fuse is named, so an Electron upgrade that adds one fails the flip (strictlyRequireAllFuses)
 * until someone decides its value here.
 */
export const FUSE_SETTINGS = Object.freeze({
  // `ELECTRON_RUN_AS_NODE=1 Claimdesk` would otherwise be a signed Node interpreter.
  RunAsNode: false,
  // Cookies on disk encrypted with the OS keychain (the app keeps none today; cheap insurance).
  EnableCookieEncryption: true,
  // NODE_OPTIONS could otherwise preload code (--require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would otherwise open a debugger port into the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at packaging time before it is loaded.
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app is loaded only from app.asar, not from a loose app/ folder someone drops beside it.
  OnlyLoadAppFromAsar: true,
  // Claimdesk ships no custom V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // Pages are served over app://, never file:// (the print window's file: page runs no script).
  GrantFileProtocolExtraPrivileges: false,
});

/** The settings as @electron/fuses' config: V1 wire, every fuse required, by FuseV1Options index. */
export function fuseConfig() {
  /** @type {Record<number, boolean>} */
  const wire = {};
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse "${name}" in scripts/fuses.mjs`);
    wire[index] = value;
  }
  return { version: FuseVersion.V1, strictlyRequireAllFuses: true, ...wire };
}

/** Flips the fuses of one Electron binary (or macOS .app bundle) in place. */
export async function applyFuses(electronBinaryPath) {
  // strictlyRequireAllFuses is true and every FuseV1Options member is named above.
  await flipFuses(electronBinaryPath, /** @type {import('@electron/fuses').FuseV1Config} */ (fuseConfig()));
}

/** The binary electron-builder's afterPack context points at, per platform. */
export function packagedBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name);
  }
}

/** electron-builder's afterPack hook. */
export default async function afterPack(context) {
  await applyFuses(packagedBinaryPath(context));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: node scripts/fuses.mjs <packaged Electron binary or .app>');
    process.exit(2);
  }
  await applyFuses(path.resolve(target));
  console.log(`Fuses flipped in ${target}`);
}
