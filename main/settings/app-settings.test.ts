import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSettingsStore, newProfileUid } from './app-settings';

describe('app settings file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-settings-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads as empty before the first run, then remembers the current profile', () => {
    const store = fileSettingsStore(path.join(dir, 'settings.json'));
    expect(store.read()).toEqual({ currentProfile: null });
    const profile = { uid: newProfileUid(), name: 'Lena Hartsby', initials: 'LH', color: '#0a58ca' };
    store.write({ currentProfile: profile });
    expect(fileSettingsStore(path.join(dir, 'settings.json')).read()).toEqual({ currentProfile: profile });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('treats a damaged or foreign file as no settings, without throwing', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"currentProfile": {"uid": 3}');
    expect(fileSettingsStore(file).read()).toEqual({ currentProfile: null });
    fs.writeFileSync(file, '{"currentProfile": {"uid": 3, "name": "x"}}');
    expect(fileSettingsStore(file).read()).toEqual({ currentProfile: null });
  });
});
