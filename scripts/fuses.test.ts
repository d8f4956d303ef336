/**
 * Checklist item "Electron fuses configured for the packaged app": the settings, and their
 * application to a binary. No Electron binary is available here, so the flip runs on a file
 * that carries Electron's fuse wire (sentinel, wire version, length, one byte per fuse) the way
 * the real binary does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyFuses, FUSE_SETTINGS, fuseConfig, packagedBinaryPath, type FuseName } from './fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/** The fuse names of @electron/fuses' V1 wire (the enum also maps numbers back to names). */
const ALL_FUSES = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as FuseName[];

/** A stand-in binary: some bytes, the fuse wire with Electron's defaults, some bytes. */
function fakeElectronBinary(wireLength = ALL_FUSES.length): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-fuses-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'claimdesk');
  // Electron's defaults: RunAsNode, NODE_OPTIONS and the inspector on; the hardening off.
  const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE].slice(0, wireLength);
  fs.writeFileSync(file, Buffer.concat([Buffer.from('ELF...code...'), Buffer.from(SENTINEL), Buffer.from([1, wireLength, ...defaults]), Buffer.from('...more code')]));
  return file;
}

describe('checklist: Electron fuses for the packaged app', () => {
  it('turns off RunAsNode, NODE_OPTIONS and the inspector arguments', () => {
    expect(FUSE_SETTINGS.RunAsNode).toBe(false);
    expect(FUSE_SETTINGS.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(FUSE_SETTINGS.EnableNodeCliInspectArguments).toBe(false);
  });

  it('turns on cookie encryption, ASAR integrity validation and loading the app only from ASAR', () => {
    expect(FUSE_SETTINGS.EnableCookieEncryption).toBe(true);
    expect(FUSE_SETTINGS.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(FUSE_SETTINGS.OnlyLoadAppFromAsar).toBe(true);
  });

  it('keeps file:// without extra privileges and loads no custom V8 snapshot', () => {
    expect(FUSE_SETTINGS.GrantFileProtocolExtraPrivileges).toBe(false);
    expect(FUSE_SETTINGS.LoadBrowserProcessSpecificV8Snapshot).toBe(false);
  });

  it('decides every fuse @electron/fuses knows, and requires all of them when flipping', () => {
    expect(Object.keys(FUSE_SETTINGS).sort()).toEqual([...ALL_FUSES].sort());
    const config = fuseConfig();
    expect(config.version).toBe(FuseVersion.V1);
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    for (const name of ALL_FUSES) expect(config[FuseV1Options[name]], name).toBe(FUSE_SETTINGS[name]);
  });

  it('flips the wire of a binary to exactly these settings', async () => {
    const binary = fakeElectronBinary();
    const before = fs.readFileSync(binary);
    await applyFuses(binary);
    const wire = await getCurrentFuseWire(binary);
    for (const name of ALL_FUSES) expect(wire[FuseV1Options[name]], name).toBe(FUSE_SETTINGS[name] ? ENABLE : DISABLE);
    // Only the fuse bytes changed.
    const after = fs.readFileSync(binary);
    expect(after.length).toBe(before.length);
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(changed.every((i) => i >= wireStart && i < wireStart + ALL_FUSES.length)).toBe(true);
  });

  it('refuses a binary whose wire has a fuse this configuration does not decide', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-fuses-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const binary = path.join(dir, 'claimdesk');
    const wire = [...Array(ALL_FUSES.length + 1)].map(() => DISABLE);
    fs.writeFileSync(binary, Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire])]));
    await expect(applyFuses(binary)).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('finds the packaged binary from an afterPack context on each platform', () => {
    const packager = { appInfo: { productFilename: 'Claimdesk' }, executableName: 'claimdesk' };
    expect(packagedBinaryPath({ appOutDir: '/dist/mac', electronPlatformName: 'darwin', packager })).toBe(path.join('/dist/mac', 'Claimdesk.app'));
    expect(packagedBinaryPath({ appOutDir: '/dist/win', electronPlatformName: 'win32', packager })).toBe(path.join('/dist/win', 'Claimdesk.exe'));
    expect(packagedBinaryPath({ appOutDir: '/dist/linux', electronPlatformName: 'linux', packager })).toBe(path.join('/dist/linux', 'claimdesk'));
  });
});
