// A learner switches batch norm on, trains, watches the cost fall, and pauses.
import { expect, test } from '@playwright/test';
import { costLineCount, openPlayground, readNumber, shot, waitForStep } from './helpers';

test('train with batch norm: the cost falls, Pause stops the steps', async ({ page }) => {
  // Enough steps that the run is still going when we pause it. As fast as it goes: at the default's
  // watchable pace the cost falls slowly, and one noisy reading can land back above the first.
  await openPlayground(page, 'steps=20000&speed=max');

  const batchNorm = page.getByRole('switch', { name: 'Batch norm', exact: true });
  await batchNorm.click();
  await expect(batchNorm).toBeChecked();

  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // The first cost the run reports.
  await expect.poll(() => readNumber(page, 'Train cost'), { timeout: 90_000 }).toBeGreaterThan(0);
  const early = await readNumber(page, 'Train cost');

  await waitForStep(page, 51);
  await expect.poll(() => costLineCount(page), { message: 'a cost line is drawn' }).toBeGreaterThan(0);

  await expect
    .poll(() => readNumber(page, 'Train cost'), {
      timeout: 90_000,
      message: `Train cost should fall below ${early}`,
    })
    .toBeLessThan(early);
  const later = await readNumber(page, 'Train cost');
  expect(later).toBeLessThan(early);

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // Once paused (a step already in flight may still land), Step stays put.
  await expect(async () => {
    const before = await readNumber(page, 'Step');
    await page.waitForTimeout(1000);
    const after = await readNumber(page, 'Step');
    expect(after).toBe(before);
  }).toPass({ timeout: 15_000 });

  await shot(page, 'train-bn');
});
