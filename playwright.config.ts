import { defineConfig } from '@playwright/test';
import type { HarnessOptions } from './e2e/harness/fixtures';

// Debian's Chromium, never a downloaded browser. Flags keep it quiet on a closed network.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig<HarnessOptions>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  // A guard against hangs, not a speed target (speed is measured by the benchmarks): two workers
  // share two cores with Chromium, and the longest stories tag several claims by hand.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/harness/global-setup.ts',
  use: {
    launchOptions: { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: { appMode: 'chromium' } },
    { name: 'electron', use: { appMode: 'electron' } },
  ],
});
