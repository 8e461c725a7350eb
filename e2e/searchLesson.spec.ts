// Lesson 3.1 in the live app, on the search lab's defaults: "Repeat over seeds" trains grid, random
// and quasi-random on the page's default 5 seeds (200 steps per trial, the comparison's own tight
// budget: core/gridRandomLesson.ts) as one population, and its sentences agree with its own per-seed
// table; the measured rate is logged (the engine test asserts the claim on untuned seeds);
// the default study trains a well-trained best trial (dev accuracy ≥ 90 %) with α first in importance.
// Wall times are logged for the README, never asserted.
import { expect, type Page, test } from '@playwright/test';
import { parseReadout, readNumber, readText, SCREENSHOT_DIR, shot } from './helpers';

async function openLab(page: Page, hash: string): Promise<void> {
  await page.goto(`/#lab=search&${hash}`);
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
}

async function waitFinished(page: Page, timeout: number): Promise<void> {
  await expect.poll(() => readText(page, 'Study status'), { timeout }).toBe('finished');
}

/** The per-seed table as numbers: seed, and each strategy's best dev cost. */
async function seedTable(page: Page) {
  const rows = page.getByRole('table', { name: 'Best dev cost per seed', exact: true }).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
      return { cells };
    }),
  );
}

test('"Repeat over seeds" reports how often random and quasi-random beat the grid, as its table shows', async ({
  page,
}) => {
  test.setTimeout(560_000);
  await openLab(page, 'seed=1');
  await expect(page.getByRole('textbox', { name: 'Seeds', exact: true })).toHaveValue('5');
  await expect(page.getByRole('textbox', { name: 'Trials per strategy', exact: true })).toHaveValue('9');
  const steps = page.getByRole('textbox', { name: 'Steps per comparison trial', exact: true });
  await expect(steps).toHaveValue('200');

  // Bad values are refused at their fields, and block the buttons.
  const seeds = page.getByRole('textbox', { name: 'Seeds', exact: true });
  await seeds.fill('0');
  await expect(page.getByText('Seeds must be a whole number from 1 to 10.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Repeat over seeds', exact: true })).toBeDisabled();
  await seeds.fill('5');
  await steps.fill('2.5');
  await expect(page.getByText('Steps per trial must be a whole number from 20 to 5000.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train all three', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Repeat over seeds', exact: true })).toBeDisabled();
  await steps.fill('200');
  // The page says why the comparison trains so few steps.
  await expect(page.getByText(/only α in a narrow band, about 0.05 to 0.2/)).toBeVisible();

  // Before anything trains, no readout shows NaN.
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Repeat over seeds', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Best dev cost per seed', exact: true })).toBeVisible();
  for (const s of ['Grid', 'Random', 'Quasi-random'])
    expect(await readText(page, `Best dev cost: ${s}`)).not.toMatch(/NaN/);
  await waitFinished(page, 500_000);
  console.log(
    `Repeat over seeds (5 seeds × 3 × 9 = 135 models × 200 steps): ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  // Every trial trained the comparison's steps, not the study's 600.
  await expect(page.getByText('135 trials × 200 steps', { exact: false })).toBeVisible();

  const table = await seedTable(page);
  expect(table).toHaveLength(5);
  const rows = table.map(({ cells }) => ({
    seed: Number(cells[0]),
    grid: parseReadout(cells[1]),
    random: parseReadout(cells[2]),
    quasi: parseReadout(cells[3]),
  }));
  for (const r of rows) {
    expect(Number.isFinite(r.grid) && Number.isFinite(r.random) && Number.isFinite(r.quasi)).toBe(true);
  }
  const randomWins = rows.filter((r) => r.random < r.grid).length;
  const quasiWins = rows.filter((r) => r.quasi < r.grid).length;
  const randomLine = await readText(page, 'Random vs grid over seeds');
  const quasiLine = await readText(page, 'Quasi-random vs grid over seeds');
  console.log(`measured on the page's default (seeds 1–5): ${randomLine}; ${quasiLine}`);
  for (const r of rows) console.log(`seed ${r.seed}: grid ${r.grid}, random ${r.random}, quasi ${r.quasi}`);
  console.log(`verdict: ${await readText(page, 'Verdict')}`);
  // The sentences count the table's own rows (a tie in the table's rounding would show here).
  expect(randomLine).toBe(`Random beat the grid on ${randomWins} of 5 seeds`);
  expect(quasiLine).toBe(`Quasi-random beat the grid on ${quasiWins} of 5 seeds`);
  // The verdict names the reason: distinct α per strategy.
  await expect(page.getByLabel('Verdict', { exact: true })).toContainText(
    'the grid tried 3 distinct values of α per seed, random 9 and quasi-random 9',
  );
  // Every seed the grid won is explained, with its α.
  const gridWon = rows.filter((r) => !(r.random < r.grid));
  const why = page.getByRole('list', { name: 'Where the grid won', exact: true }).getByRole('listitem');
  await expect(why).toHaveCount(gridWon.length);
  for (const r of gridWon) await expect(why.filter({ hasText: `Seed ${r.seed}:` })).toContainText('α =');

  // The readouts are the shown seed's (the study's, seed 1), and follow the seed picked in the table.
  const check = async (row: (typeof rows)[number]) => {
    expect(await readNumber(page, 'Best dev cost: Grid')).toBeCloseTo(row.grid, 6);
    expect(await readNumber(page, 'Best dev cost: Random')).toBeCloseTo(row.random, 6);
    expect(await readNumber(page, 'Best dev cost: Quasi-random')).toBeCloseTo(row.quasi, 6);
  };
  await check(rows[0]);
  await page.getByRole('region', { name: 'Strategies side by side' }).scrollIntoViewIfNeeded();
  await shot(page, 'search-repeat');
  await page.getByRole('button', { name: String(rows[2].seed), exact: true }).click();
  await expect(page.getByText(`Panels show seed ${rows[2].seed}.`)).toBeVisible();
  await check(rows[2]);
  await page.getByRole('table', { name: 'Best dev cost per seed' }).scrollIntoViewIfNeeded();
  await shot(page, 'search-repeat-table');
  // The comparison alone, legible at its own size.
  await page
    .getByRole('region', { name: 'Strategies side by side' })
    .screenshot({ path: `${SCREENSHOT_DIR}/search-repeat-panel.png` });
});

test('"Train all three" compares one seed on 9 trials each', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, 'seed=1');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train all three', exact: true }).click();
  await waitFinished(page, 200_000);
  console.log(`Train all three (27 models × 200 steps): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const best = {
    grid: await readNumber(page, 'Best dev cost: Grid'),
    random: await readNumber(page, 'Best dev cost: Random'),
    quasi: await readNumber(page, 'Best dev cost: Quasi-random'),
  };
  console.log(`seed 1: grid ${best.grid}, random ${best.random}, quasi ${best.quasi}`);
  for (const v of Object.values(best)) expect(Number.isFinite(v)).toBe(true);
  await page.getByRole('region', { name: 'Strategies side by side' }).scrollIntoViewIfNeeded();
  await shot(page, 'search-train-all-three');
});

test('the default study trains a well-trained best trial, with α first in importance', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, 'seed=1');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await waitFinished(page, 200_000);
  console.log(`default study (25 trials): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const accuracy = await readNumber(page, 'Best trial dev accuracy');
  const alpha = await readNumber(page, 'Importance: learning rate α');
  const eps = await readNumber(page, 'Importance: Adam ε');
  console.log(`best dev accuracy ${accuracy}%, importance α ${alpha}%, ε ${eps}%`);
  expect(accuracy).toBeGreaterThanOrEqual(90);
  expect(alpha).toBeGreaterThan(eps);
  await shot(page, 'search-default-study');
});
