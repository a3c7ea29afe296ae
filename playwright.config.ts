import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3190);

/** E2E in Debian's Chromium; never a downloaded browser. The server is started by e2e/global-setup.ts. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'artifacts/e2e/results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
