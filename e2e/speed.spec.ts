// The Speed control: a learner slows a run down to watch it, or lets it go as fast as it goes. Rates
// are compared with each other in one run (slow vs fast), never with absolute numbers, so the test
// holds on a fast machine and on a slow one.
import { expect, type Page, test } from '@playwright/test';
import { openPlayground, readNumber, readout, readText, shot, waitForStep } from './helpers';

/** Steps the run takes in about `ms` of wall time, read off the Step readout. */
async function stepsIn(page: Page, ms: number): Promise<{ steps: number; ms: number }> {
  const before = await readNumber(page, 'Step');
  const t0 = Date.now();
  await page.waitForTimeout(ms);
  const after = await readNumber(page, 'Step');
  return { steps: after - before, ms: Date.now() - t0 };
}

const rate = (r: { steps: number; ms: number }) => r.steps / r.ms;

test('the Speed control caps the steps per second, during a run too', async ({ page }) => {
  test.setTimeout(120_000);
  // wasm: a backend every machine here has, fast enough that "as fast as it goes" is far above 10 steps/s.
  await openPlayground(page, 'dataset=spiral&backend=wasm&steps=100000&speed=10');
  const speed = page.getByRole('combobox', { name: 'Speed', exact: true });
  await expect(speed).toHaveValue('10');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 2);
  const slow = await stepsIn(page, 2000);

  // Changing the speed applies to the run now training, and to the link.
  await speed.selectOption({ label: 'As fast as it goes' });
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('speed=max');
  await page.waitForTimeout(300); // let the change reach the worker
  const fast = await stepsIn(page, 2000);
  expect(fast.steps, 'the uncapped run advances').toBeGreaterThan(0);
  expect(
    rate(slow),
    `slow ${slow.steps} steps in ${slow.ms} ms vs fast ${fast.steps} in ${fast.ms} ms`,
  ).toBeLessThan(rate(fast) / 3);

  // And back down: the same run slows again.
  await speed.selectOption('10');
  await page.waitForTimeout(300);
  const slowAgain = await stepsIn(page, 2000);
  expect(rate(slowAgain), `slow again ${slowAgain.steps} steps in ${slowAgain.ms} ms`).toBeLessThan(
    rate(fast) / 3,
  );
  await expect(page.getByLabel('Status', { exact: true })).toHaveText('training');

  await shot(page, 'speed-control');
});

test('after a reload, Train uses the backend verdict auto reached before instead of timing again', async ({
  page,
}) => {
  await openPlayground(page, 'dataset=spiral&backend=auto&steps=50');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('finished');
  const timed = await readText(page, 'Backend');
  expect(timed).not.toContain('remembered');
  // "wasm, 1 thread: …": the backend's name is the first word.
  const name = timed.split(/[\s,]/)[0];
  expect(await page.evaluate(() => localStorage.getItem('playground.backendVerdicts'))).toContain(name);

  await page.reload();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 1);
  const backend = readout(page, 'Backend');
  await expect(backend).toHaveText(new RegExp(`^\\s*${name}\\b`));
  await expect(backend).toContainText('remembered');
});
