// Lesson 3.5, test time: predicted one example at a time (a mini-batch of 1), batch statistics give
// every example the same answer and the running averages work, on the lab's default network (batch
// norm on every layer). With batch norm switched off the panel turns to the twin that has it.
import { expect, type Page, test } from '@playwright/test';
import { readNumber, readText, SCREENSHOT_DIR } from './helpers';

async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#lab=batchnorm${hash ? `&${hash}` : ''}`);
  await expect(page.getByRole('heading', { name: 'Test time: running averages' })).toBeVisible();
}

test('predict one example: batch statistics fail, running averages work', async ({ page }) => {
  await openLab(page, 'steps=20000');
  const panel = page.getByRole('region', { name: 'Test time' });
  await expect(panel.getByText('On this network (batch norm on every hidden layer).')).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 90_000 }).toBeGreaterThan(500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByLabel('Lab status')).toHaveText(/network: paused/);

  await page.getByRole('button', { name: 'Predict the dev set one example at a time' }).click();
  const batchStats = 'One example at a time: batch statistics';
  const running = 'One example at a time: running averages';
  await expect(page.getByLabel(batchStats, { exact: true })).toBeVisible({ timeout: 30_000 });
  const bs = await readNumber(page, batchStats);
  const ra = await readNumber(page, running);
  console.log(
    `one example at a time at step ${await readNumber(page, 'Lab step')}: batch statistics ${bs}%, running averages ${ra}%`,
  );
  // One answer for every example: about one class's share of the ten.
  expect(await readNumber(page, 'Classes predicted with batch statistics')).toBe(1);
  expect(bs).toBeLessThan(20);
  expect(ra).toBeGreaterThan(80);

  // One example, each way: batch statistics give it the one class all examples get.
  await page.getByRole('spinbutton', { name: 'Dev example' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Dev example' }).press('Enter');
  const truth = await readText(page, 'Chosen example: its class');
  const viaRunning = await readText(page, 'Chosen example: running averages');
  const viaBatch = await readText(page, 'Chosen example: batch statistics');
  console.log(`dev example 7: class ${truth}; batch statistics ${viaBatch}; running averages ${viaRunning}`);
  expect(viaRunning).toMatch(/^class \d \(p = /);
  expect(viaBatch).toMatch(/^class \d \(p = /);
  // A number out of range is refused at the control, in words.
  await page.getByRole('spinbutton', { name: 'Dev example' }).fill('0');
  await expect(panel.getByText(/Pick a dev example from 1 to \d+\./)).toBeVisible();
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/batchnorm-test-time.png` });

  // Without batch norm in the network, the panel never shows numbers for it: it turns to the twin.
  await page.getByRole('switch', { name: 'Batch norm', exact: true }).click();
  await expect(panel.getByText(/This network has no batch norm, so it has nothing to average/)).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Predict the dev set one example at a time' })).toBeEnabled();
  await page.getByRole('button', { name: 'Predict the dev set one example at a time' }).click();
  await expect(page.getByLabel('Classes predicted with batch statistics', { exact: true })).toHaveText('1', {
    timeout: 30_000,
  });
});
