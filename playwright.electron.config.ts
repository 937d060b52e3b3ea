import { defineConfig } from '@playwright/test';

// The desktop app through Playwright's _electron: one app at a time (it holds a single-instance
// lock and a SQLite file). Where the Electron binary could not be downloaded the spec skips
// itself and prints why; it never passes without running.
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
  outputDir: 'test-results/electron-artifacts',
});
