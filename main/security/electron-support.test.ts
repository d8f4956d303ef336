/**
 * Checklist item "a supported Electron major, checked in CI": this test is part of npm test,
 * which CI runs. It reads what npm ci installs (node_modules/electron/package.json — the
 * package installs without its binary), what the lockfile pins and what package.json allows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronMajor,
  isSupportedElectron,
  lowestMajorOfRange,
  SUPPORT_LIST_MAX_AGE_DAYS,
  SUPPORTED_ELECTRON_CHECKED_ON,
  SUPPORTED_ELECTRON_MAJORS,
} from './electron-support';

const ROOT = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('checklist: a supported Electron major', () => {
  const oldest = Math.min(...SUPPORTED_ELECTRON_MAJORS);

  it('installs a supported Electron', () => {
    const installed = readJson('node_modules/electron/package.json')['version'] as string;
    expect(isSupportedElectron(installed), `electron ${installed} is older than ${oldest}, the oldest supported major`).toBe(true);
  });

  it('pins a supported Electron in the lockfile', () => {
    const packages = readJson('package-lock.json')['packages'] as Record<string, { version?: string }>;
    const locked = packages['node_modules/electron']?.version ?? '';
    expect(isSupportedElectron(locked), `package-lock.json pins electron ${locked}; the oldest supported major is ${oldest}`).toBe(true);
  });

  it('allows no unsupported Electron in package.json', () => {
    const pkg = readJson('package.json') as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const range = pkg.devDependencies?.['electron'] ?? pkg.dependencies?.['electron'] ?? '';
    const lowest = lowestMajorOfRange(range);
    expect(lowest, `package.json's electron range "${range}" must be ^x.y.z, ~x.y.z, x.y.z or >=x.y.z`).not.toBeNull();
    expect(lowest!, `package.json allows electron ${range}; the oldest supported major is ${oldest}`).toBeGreaterThanOrEqual(oldest);
  });

  it(`has a list of supported majors checked within the last ${SUPPORT_LIST_MAX_AGE_DAYS} days`, () => {
    const checked = Date.parse(`${SUPPORTED_ELECTRON_CHECKED_ON}T00:00:00Z`);
    expect(Number.isNaN(checked)).toBe(false);
    const ageDays = (Date.now() - checked) / 86_400_000;
    expect(ageDays, `main/security/electron-support.ts was checked on ${SUPPORTED_ELECTRON_CHECKED_ON}; re-check Electron's supported majors`).toBeLessThanOrEqual(SUPPORT_LIST_MAX_AGE_DAYS);
    expect([...SUPPORTED_ELECTRON_MAJORS]).toEqual([...SUPPORTED_ELECTRON_MAJORS].sort((a, b) => a - b));
    expect(SUPPORTED_ELECTRON_MAJORS).toHaveLength(3);
  });

  it('reads versions and ranges strictly', () => {
    expect(electronMajor('45.5.0')).toBe(45);
    expect(electronMajor('v44.0.0-beta.2')).toBe(44);
    expect(electronMajor('latest')).toBeNull();
    expect(lowestMajorOfRange('^45.5.0')).toBe(45);
    expect(lowestMajorOfRange('~43.1.2')).toBe(43);
    expect(lowestMajorOfRange('>=44.0.0')).toBe(44);
    for (const range of ['*', 'latest', '>=30.0.0 <50.0.0', '^42.0.0 || ^45.0.0', 'github:electron/electron', '']) {
      expect(lowestMajorOfRange(range), range).toBeNull();
    }
    expect(isSupportedElectron('42.9.9')).toBe(false);
    expect(isSupportedElectron(`${Math.min(...SUPPORTED_ELECTRON_MAJORS)}.0.0`)).toBe(true);
    expect(isSupportedElectron('99.0.0')).toBe(true);
  });
});
