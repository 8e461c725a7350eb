// The study leaves the page for a real cluster and comes back: the exported Optuna script, W&B sweep
// and Ray Tune space hold the study's space, and the results.json that the real Optuna check wrote
// (npm run test:optuna, two processes sharing one SQLite study) imports into the lab.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { OPTUNA_RESULTS_PATH } from '../scripts/optuna/paths';
import { readText } from './helpers';

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('the study exports as an Optuna script, a W&B sweep and a Ray Tune space', async ({ page }) => {
  await page.goto('/#lab=search&budget=9&seed=5&beta=oneMinusLog:0.9:0.999&opt=momentum');
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  const optuna = await downloadText(page, 'Export as Optuna study');
  expect(optuna.name).toMatch(/\.py$/);
  expect(optuna.text).toContain('suggest_float("learningRate"');
  expect(optuna.text).toMatch(/log=True/);
  expect(optuna.text).toContain('one_minus_momentum');
  for (const flag of ['--n-trials', '--study-name', '--storage', '--sampler', '--out'])
    expect(optuna.text).toContain(flag);
  const wandb = await downloadText(page, 'Export as W&B sweep');
  expect(wandb.text).toContain('log_uniform_values');
  expect(wandb.text).toContain('one_minus_momentum');
  const ray = await downloadText(page, 'Export as Ray Tune search space');
  expect(ray.text).toContain('tune.loguniform');
});

test('the results of the real Optuna study import into the lab, leaderboard and all', async ({ page }) => {
  expect(
    existsSync(OPTUNA_RESULTS_PATH),
    `${OPTUNA_RESULTS_PATH} comes from the real Optuna check: run npm run test:optuna first (npm test does)`,
  ).toBe(true);
  const file = JSON.parse(readFileSync(OPTUNA_RESULTS_PATH, 'utf8')) as { trials: unknown[]; source: string };
  expect(file.source).toBe('optuna');
  await page.goto('/#lab=search');
  await page.getByLabel('Import study').setInputFiles(OPTUNA_RESULTS_PATH);
  await expect(
    page.getByRole('status').filter({ hasText: /^Imported 6 trials from an Optuna study/ }),
  ).toBeVisible();
  const rows = page.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr');
  await expect(rows).toHaveCount(file.trials.length);
  expect(await readText(page, 'Study status')).toMatch(/finished|stopped/);
});
