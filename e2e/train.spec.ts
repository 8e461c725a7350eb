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

test('α comes first under Training; Adam’s β1, β2 and ε wait under a collapsed “Advanced”', async ({
  page,
}) => {
  await openPlayground(page, 'optimizer=adam');
  const training = page.getByRole('region', { name: 'Training', exact: true });
  // The first control of the section is the learning rate.
  const first = training.locator('input, select').first();
  await expect(first).toHaveAttribute('type', 'range');
  await expect(first).toHaveAccessibleName('Learning rate');
  const advanced = training.locator('details.advanced');
  await expect(advanced.locator('summary')).toHaveText('Advanced: β1, β2, ε (almost never tuned)');
  await expect(advanced).not.toHaveAttribute('open', '');
  await expect(page.getByLabel('β1', { exact: true })).toBeHidden();
  await advanced.locator('summary').click();
  await expect(page.getByLabel('β1', { exact: true })).toBeVisible();
  await expect(page.getByLabel('ε', { exact: true })).toBeVisible();
});

test('the 10^a hint steps aside while the exponent field is in error', async ({ page }) => {
  await openPlayground(page);
  const low = page.getByLabel('Lowest α exponent', { exact: true });
  const field = low.locator('xpath=ancestor::div[contains(@class, "number-field")]');
  await expect(field.locator('.hint')).toHaveText('10a = 1e-4');
  await low.fill('5');
  // The field shows 5, which is refused: no hint about the old value beside it, only the problem.
  await expect(low).toHaveAttribute('aria-invalid', 'true');
  await expect(field.locator('.field-message')).toBeVisible();
  await expect(field.locator('.hint')).toHaveCount(0);
  await low.fill('-3');
  await expect(field.locator('.hint')).toHaveText('10a = 0.001');
});

test('decade labels are written with superscripts, never “10^-4”', async ({ page }) => {
  await openPlayground(page);
  const decades = page.getByLabel('Samples per decade', { exact: true });
  await expect(decades.getByRole('listitem')).toHaveCount(4);
  const shares = page.getByRole('table', { name: 'Share of samples each decade gets on average' });
  for (const where of [decades, shares, page.locator('.explanation')]) {
    expect(await where.first().textContent()).not.toMatch(/10\^/);
  }
  // 10⁻⁴ – 10⁻³: real superscripts with a real minus sign.
  await expect(decades.locator('sup').first()).toHaveText('−4');
});
