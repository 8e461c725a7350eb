// Normalizing inputs (lesson 3.4) in the batch-norm lab: the raw bowl is a long thin valley, the normalized one
// round (elongation ≤ 1.5), and gradient descent converges in far fewer steps once the inputs are normalized.
import { expect, test } from '@playwright/test';
import { readNumber, SCREENSHOT_DIR } from './helpers';

test('normalizing inputs turns a long thin valley into a round bowl', async ({ page }) => {
  await page.goto('/#lab=batchnorm');
  const section = page.getByRole('region', { name: 'Normalizing inputs' });
  await expect(section.getByLabel('Elongation: normalized', { exact: true })).toBeVisible({
    timeout: 90_000,
  });

  const rawElongation = await readNumber(page, 'Elongation: raw');
  const normElongation = await readNumber(page, 'Elongation: normalized');
  expect(normElongation).toBeLessThanOrEqual(1.5);
  expect(rawElongation).toBeGreaterThan(100 * normElongation);

  const rawSteps = await readNumber(page, 'Steps to converge (raw)');
  const normSteps = await readNumber(page, 'Steps to converge (normalized)');
  expect(normSteps).toBeLessThan(rawSteps / 10);
  const rawRate = await readNumber(page, 'Largest converging learning rate (raw)');
  const normRate = await readNumber(page, 'Largest converging learning rate (normalized)');
  expect(normRate).toBeGreaterThan(10 * rawRate);

  // Both bowls drawn with smooth contour lines, one α slider, and a path that plays step by step.
  await expect(section.getByRole('img', { name: /^Raw inputs: cost contours/ })).toBeVisible();
  await expect(section.getByRole('img', { name: /^Normalized inputs: cost contours/ })).toBeVisible();
  expect(await section.locator('svg path').count()).toBeGreaterThan(10);
  await expect(section.getByRole('slider', { name: 'Learning rate α' })).toBeVisible();
  await expect(section.getByRole('slider', { name: 'Path step' })).toBeVisible();
  await section.getByRole('button', { name: 'Animate the paths' }).click();
  await expect(section.getByRole('button', { name: 'Animate the paths' })).toBeVisible({ timeout: 30_000 });
  await expect(section.getByLabel('Path at this α (normalized)', { exact: true })).toContainText('converges');

  // At the α that suits the round bowl, the raw valley's steep walls throw the path out.
  await section.getByRole('button', { name: /^α = normalized’s fastest/ }).click();
  await expect(section.getByLabel('Path at this α (normalized)', { exact: true })).toContainText(
    'converges in',
  );
  await expect(section.getByLabel('Path at this α (raw)', { exact: true })).not.toContainText('converges in');
  await section.getByRole('button', { name: /^α = raw’s largest/ }).click();

  // The test-time rule: the training statistics, shown.
  await expect(section.getByRole('region', { name: 'Test-time rule for normalized inputs' })).toBeVisible();
  expect(await readNumber(page, 'Training std of x1')).toBeGreaterThan(0);

  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SCREENSHOT_DIR}/input-scaling.png` });
});
