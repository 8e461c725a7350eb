// The wasm backend's threads: on a cross-origin-isolated page (vite preview sends COOP/COEP,
// vite.config.ts) it takes half the cores of a machine with 4 or more, one thread below that; served
// without those headers it trains on one thread. The backend readout says which, and why.
import { expect, type Page, test } from '@playwright/test';
import { openPlayground, readout, shot, waitForStep } from './helpers';

async function trainOnWasm(page: Page): Promise<void> {
  await openPlayground(page, 'backend=wasm&steps=300&dataset=spiral');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 100);
}

test('on a cross-origin-isolated page wasm takes threads where the machine has cores to spare, and says so', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await trainOnWasm(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const backend = readout(page, 'Backend');
  if (cores >= 4) {
    // Half the logical cores (the page keeps the rest), at most 8: tfjs-wasm's own rule.
    const threads = Math.min(8, Math.floor(cores / 2));
    await expect(backend).toHaveText(new RegExp(`^\\s*wasm, ${threads} threads —`));
  } else {
    // Two threads on two cores ran slower than one (wasmThreads.ts): one thread, and the readout says why.
    await expect(backend).toHaveText(
      new RegExp(`^\\s*wasm, 1 thread: ${cores} cores? here, threads start at 4 —`),
    );
    // The single-threaded build starts no thread workers: the training worker is the page's only one.
    expect(page.workers()).toHaveLength(1);
  }
  expect(errors).toEqual([]);
  await shot(page, 'threads-isolated');
});

test('wasm falls back to one thread where the page is not cross-origin isolated, and says why', async ({
  page,
}) => {
  // The same build served without COOP/COEP, as a static host without headers would.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await trainOnWasm(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(readout(page, 'Backend')).toHaveText(
    /^\s*wasm, 1 thread: the page is not cross-origin isolated/,
  );
  await shot(page, 'threads-not-isolated');
});
