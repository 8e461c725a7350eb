// The batch-norm lab: batch norm step by step on the live network's numbers (Set identity gives z̃ = z),
// the per-layer distributions while it trains (and how they change when batch norm is switched off),
// the same-seed comparison and the learning-rate sweep.
import { expect, type Page, test } from '@playwright/test';
import { parseReadout, readNumber, readText, shot } from './helpers';

async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#lab=batchnorm${hash ? `&${hash}` : ''}`);
  await expect(page.getByRole('heading', { name: 'Batch norm step by step' })).toBeVisible();
}

test('batch norm step by step: Set identity makes z̃ equal z', async ({ page }) => {
  await openLab(page);
  const table = page.getByRole('table', { name: 'Mini-batch values' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('slider', { name: 'gamma' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'beta' })).toBeVisible();
  // The normalizing-inputs demo (raw and normalized side by side) found both learning rates.
  const rawRate = await readNumber(page, 'Largest converging learning rate (raw)');
  const normRate = await readNumber(page, 'Largest converging learning rate (normalized)');
  expect(normRate).toBeGreaterThan(10 * rawRate);

  // Learned γ = 1, β = 0 at step 0: z̃ is z normalised, far from z.
  const label = 'Largest difference between z tilde and z';
  expect(await readNumber(page, label)).toBeGreaterThan(1e-3);
  await page.getByRole('button', { name: 'Set identity' }).click();
  await expect.poll(async () => parseReadout(await readText(page, label))).toBeLessThan(1e-5);
  await expect(page.getByText('z̃ = z: batch norm computes the identity.')).toBeVisible();
  await shot(page, 'batchnorm-identity');
});

test('the distributions change when batch norm is switched off', async ({ page }) => {
  await openLab(page, 'steps=20000');
  await page.getByRole('radio', { name: 'z̃ (into the activation)' }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const layer6 = () => readText(page, 'Layer 6 percentiles');
  await expect.poll(layer6, { timeout: 90_000 }).toMatch(/15%/);
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 90_000 }).toBeGreaterThan(100);
  await expect(page.getByText('Layer 6 (batch norm)')).toBeVisible();
  const withBn = await layer6();
  await expect(readNumber(page, 'Training-mode accuracy')).resolves.toBeGreaterThan(0);
  await shot(page, 'batchnorm-distributions-on');

  await page.getByRole('switch', { name: 'Batch norm', exact: true }).click();
  await expect(page.getByRole('switch', { name: 'Batch norm layer 6' })).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await expect(page.getByText('Layer 6 (no batch norm)')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 90_000 }).toBeGreaterThan(100);
  const withoutBn = await layer6();
  expect(withoutBn).not.toBe(withBn);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await shot(page, 'batchnorm-distributions-off');
});

test('the comparison and the learning-rate sweep draw both curves', async ({ page }) => {
  // A short run and a small sweep keep the test quick; the link carries both.
  await openLab(page, 'steps=300&sweep=0.01,10,4,150');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const chart = page.getByRole('figure', { name: 'Comparison chart' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 110_000 });
  for (const line of ['.bn-line-on', '.bn-line-off'])
    expect(((await chart.locator(line).getAttribute('points')) ?? '').split(' ').length).toBeGreaterThan(3);
  expect(await readNumber(page, 'Accuracy with batch norm')).toBeGreaterThan(0);
  await shot(page, 'batchnorm-comparison');

  await page.getByRole('button', { name: 'Sweep learning rate' }).click();
  const sweep = page.getByRole('figure', { name: 'Sweep chart' });
  await expect(sweep).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Lab status')).toHaveText(/sweep: finished/, { timeout: 110_000 });
  for (const line of ['.bn-line-on', '.bn-line-off'])
    expect(((await sweep.locator(line).getAttribute('points')) ?? '').split(' ').length).toBe(4);
  await expect(sweep.getByText(/^Measured:/)).toBeVisible();
  await shot(page, 'batchnorm-sweep');
});
