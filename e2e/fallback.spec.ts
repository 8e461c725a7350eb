// Runs in the 'no-webgl' project (Chromium without any WebGL): training falls back to wasm or cpu.
import { expect, test } from '@playwright/test';
import { openPlayground, readNumber, readout, shot, waitForStep } from './helpers';

test('auto picks another backend when WebGL is unavailable, and says so', async ({ page }) => {
  await openPlayground(page, 'backend=auto&dataset=spiral');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 21);

  const backend = readout(page, 'Backend');
  await expect(backend).not.toHaveText(/^\s*webgl/i);
  await expect(backend).toHaveText(/^\s*(wasm|cpu)\b/);
  // It tells why webgl was not used.
  await expect(backend).toContainText('webgl');

  await shot(page, 'fallback-auto');
});

test('asking for webgl without WebGL falls back and still trains', async ({ page }) => {
  await openPlayground(page, 'backend=webgl&dataset=spiral');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await expect(readout(page, 'Backend')).toHaveText(/^\s*(wasm|cpu)\b/, { timeout: 60_000 });

  await waitForStep(page, 1);
  const first = await readNumber(page, 'Step');
  await expect.poll(() => readNumber(page, 'Step'), { message: 'training advances' }).toBeGreaterThan(first);

  await shot(page, 'fallback-webgl');
});
