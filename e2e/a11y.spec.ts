// An axe-core scan (WCAG 2.2 A and AA, contrast included) of each screen, before and after it trained:
// zero violations. A screen is one entry of SCREENS: its link, what "ready" looks like, and how to train
// it.
import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './axe';
import { readText } from './helpers';

interface Screen {
  name: string;
  link: string;
  ready: (page: Page) => Promise<void>;
  /** Trains on it (real runs), so the scan sees every panel a run fills in. */
  train: (page: Page) => Promise<void>;
}

const SCREENS: readonly Screen[] = [
  {
    name: 'playground',
    link: 'lab=playground&steps=150&speed=max',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: 'Cost', exact: true })).toBeVisible();
    },
    train: async (page) => {
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
      // A population too, for its legend (α per colour) and the linear-vs-log readouts.
      await page.getByLabel('Samples', { exact: true }).fill('4');
      await page.getByRole('button', { name: 'Train all', exact: true }).click();
      await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
    },
  },
  {
    name: 'panda',
    link: 'lab=panda&day=100&seed=2',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
    },
    train: async (page) => {
      const days = page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');
      await page.getByRole('button', { name: 'Next day', exact: true }).click();
      await expect(days).toHaveCount(2, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Raise α ×2' }).click();
      await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeEnabled();
      await page.getByRole('button', { name: 'Next day', exact: true }).click();
      await expect(days).toHaveCount(3, { timeout: 60_000 });
      // The halving table (its finished rounds were the grey rows that failed contrast).
      await page.getByRole('button', { name: 'Run successive halving' }).click();
      await expect(page.getByRole('status', { name: 'Bridge status' })).toContainText('winner', {
        timeout: 180_000,
      });
    },
  },
  {
    name: 'batch-norm lab',
    link: 'lab=batchnorm',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: 'Mini-batch values' })).toBeVisible({ timeout: 90_000 });
      await expect(page.getByLabel('Lab status')).toHaveText('network: not started');
    },
    train: async (page) => {
      // The live network a few steps, the bias panel's readouts, then the same-seed comparison.
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('switch', { name: 'Keep the bias b' }).click();
      await expect(page.getByLabel('Verdict on the output change')).toBeVisible({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Run comparison', exact: true }).click();
      await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 180_000 });
    },
  },
  {
    name: 'search lab',
    link: 'lab=search&budget=9&steps=150&seed=2',
    ready: async (page) => {
      await expect(page.getByRole('button', { name: 'Run study', exact: true })).toBeVisible();
    },
    train: async (page) => {
      // A study (leaderboard, curves, scatter, importance), then the three-way comparison.
      await page.getByRole('button', { name: 'Run study', exact: true }).click();
      await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
      await page.getByRole('button', { name: 'Train all three', exact: true }).click();
      await expect(page.getByLabel('Best dev cost: Random', { exact: true })).toHaveText(/\d/, {
        timeout: 120_000,
      });
    },
  },
  {
    name: 'saved',
    link: 'lab=saved',
    ready: async (page) => {
      await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
      await page.waitForLoadState('networkidle');
    },
    train: async (page) => {
      for (const lr of [0.003, 0.03]) {
        await page.goto(`/#lab=playground&lr=${lr}&steps=100&speed=max`);
        await page.getByRole('button', { name: 'Train', exact: true }).click();
        await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
        await page.getByRole('button', { name: 'Save', exact: true }).first().click();
        await expect(
          page
            .getByRole('status')
            .filter({ hasText: /^Saved as “/ })
            .first(),
        ).toBeVisible();
      }
      await page.goto('/#lab=saved');
      await page.getByRole('checkbox', { name: /^Compare Playground: spiral, α = 0.003/ }).check();
      await page.getByRole('checkbox', { name: /^Compare Playground: spiral, α = 0.03,/ }).check();
      await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();
    },
  },
];

const scan = axeViolations;

for (const screen of SCREENS) {
  test(`${screen.name}: no axe violations before and after training`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`/#${screen.link}`);
    await screen.ready(page);
    expect(await scan(page), 'before training').toEqual([]);
    await screen.train(page);
    expect(await scan(page), 'after training').toEqual([]);
    // Presenter mode changes sizes and colours of the same screen: scanned too.
    await page.getByRole('switch', { name: 'Presenter mode', exact: true }).click();
    expect(await scan(page), 'in presenter mode').toEqual([]);
  });
}
