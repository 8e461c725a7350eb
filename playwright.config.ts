// End-to-end tests against the production build (vite build, then vite preview), with Debian's Chromium.
// 'chromium' gets WebGL 2 through SwiftShader; 'no-webgl' has no WebGL at all and runs only the fallback specs.
import { defineConfig } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const baseArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// WebGL 2 through SwiftShader, the page composited as Chrome does it without a GPU (forcing SwiftShader onto
// the compositor too makes every SVG curve an emulated-GPU raster job and the page crawl).
const swiftshaderArgs = ['--enable-unsafe-swiftshader'];
const noWebglArgs = ['--disable-software-rasterizer', '--disable-gpu'];

const PORT = 4173;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /fallback/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath, args: [...baseArgs, ...swiftshaderArgs] },
      },
    },
    {
      name: 'no-webgl',
      testMatch: /fallback/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath, args: [...baseArgs, ...noWebglArgs] },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
