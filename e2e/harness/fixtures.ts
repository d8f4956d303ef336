/**
 * The `test` every spec uses. It gives each test a fresh project file in a temporary folder
 * and a running Claimdesk (`app`) — in Chromium for the `chromium` project, in Electron for the
 * `electron` project, which is skipped with a message when no Electron binary is installed.
 * A test fails if the page reported an uncaught error or a console error (a CSP violation,
 * say).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { fileSettingsStore } from '../../main/settings/app-settings';
import { BrowserApp } from './browser-app';
import type { ClaimdeskApp } from './claimdesk-app';
import { electronExecutable } from './electron-binary';
import { ElectronClaimdeskApp } from './electron-app';

export interface HarnessOptions {
  readonly appMode: 'chromium' | 'electron';
  /**
   * Whether this machine already has a current profile (a returning user). Set to false for
   * the first-run story, where Claimdesk asks who you are.
   */
  readonly returningUser: boolean;
}

/** The profile a returning user has in the specs. */
export const TEST_PROFILE = { uid: '6d3f1c2a-0b7e-4c59-9d1a-e2e000000001', name: 'Mara Quell', initials: 'MQ', color: '#0a58ca' } as const;

interface Fixtures {
  /** A temporary folder for this test's files; removed afterwards. */
  workDir: string;
  /** The project file the app opens. */
  projectFile: string;
  app: ClaimdeskApp;
}

export const test = base.extend<Fixtures & HarnessOptions>({
  appMode: ['chromium', { option: true }],
  returningUser: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  projectFile: async ({ workDir }, use) => {
    await use(path.join(workDir, 'desk.claimdesk'));
  },
  app: async ({ appMode, returningUser, browser, projectFile, workDir }, use, testInfo) => {
    const userData = path.join(workDir, 'user-data');
    const settings = fileSettingsStore(path.join(userData, 'settings.json'));
    if (returningUser) settings.write({ currentProfile: TEST_PROFILE });
    let app: ClaimdeskApp;
    if (appMode === 'electron') {
      const exe = electronExecutable();
      testInfo.skip(exe === null, 'No Electron binary installed: the Electron run of this spec was skipped (it ran in Chromium).');
      app = await ElectronClaimdeskApp.start(exe!, projectFile, userData);
    } else {
      app = await BrowserApp.start(browser, projectFile, path.join(userData, 'settings.json'));
    }
    await use(app);
    const errors = [...app.pageErrors];
    await app.close();
    expect(errors, 'the page reported errors').toEqual([]);
  },
});

export { expect };
