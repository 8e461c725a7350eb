// The search lab: grid vs random for one budget, a study trained as one population, coarse-to-fine
// zoom, and a bad range refused at its row.
import { expect, type Page, test } from '@playwright/test';
import { figure, readNumber, readText, shot } from './helpers';

const ALPHA_DISTINCT = 'Distinct values: learning rate α';

async function openLab(page: Page, hash: string): Promise<void> {
  await page.goto(`/#lab=search&${hash}`);
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
}

function strategy(page: Page, name: 'Grid' | 'Random' | 'Quasi-random') {
  return page
    .getByRole('radiogroup', { name: 'Strategy', exact: true })
    .getByRole('radio', { name, exact: true });
}

/** Axis coordinates of the scatter's points of one round. */
async function roundPoints(page: Page, round: number): Promise<{ x: number; y: number }[]> {
  return page
    .locator(`svg.search-scatter-brushable .search-point[data-round="${round}"]`)
    .evaluateAll((els) =>
      els.map((el) => ({ x: Number(el.getAttribute('data-x')), y: Number(el.getAttribute('data-y')) })),
    );
}

async function leaderboardRows(page: Page): Promise<number> {
  return page.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr').count();
}

test('a grid tries 5 values of α where random tries 25, for the same budget of 25', async ({ page }) => {
  await openLab(page, 'budget=25&seed=3');
  await strategy(page, 'Grid').check();
  await expect(strategy(page, 'Grid')).toBeChecked();
  await expect.poll(() => readNumber(page, ALPHA_DISTINCT)).toBe(5);
  await expect.poll(() => readNumber(page, 'Trials')).toBe(25);
  await expect(page).toHaveURL(/strategy=grid/);
  await shot(page, 'search-grid');

  await strategy(page, 'Random').check();
  await expect.poll(() => readNumber(page, ALPHA_DISTINCT)).toBe(25);
  await expect(page).toHaveURL(/strategy=random/);
  await expect(page).toHaveURL(/lr=log:0.0001:1/);

  await strategy(page, 'Quasi-random').check();
  await expect.poll(() => readNumber(page, ALPHA_DISTINCT)).toBe(25);
  await shot(page, 'search-quasi');

  // The same link re-creates the same samples.
  const before = await page
    .locator('svg.search-scatter .search-point')
    .first()
    .evaluate((el) => el.getAttribute('data-x'));
  await page.reload();
  const after = await page
    .locator('svg.search-scatter .search-point')
    .first()
    .evaluate((el) => el.getAttribute('data-x'));
  expect(after).toBe(before);
});

test('a study trains every trial at once, fills the leaderboard, and zooms into a region', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const budget = 16;
  await openLab(page, `strategy=random&budget=${budget}&seed=2&steps=150`);
  await page.getByRole('button', { name: 'Run study', exact: true }).click();

  const curves = figure(page, 'Study curves').locator('path.recharts-curve');
  await expect
    .poll(
      async () =>
        curves.evaluateAll((els) => els.filter((e) => (e.getAttribute('d') ?? '').length > 1).length),
      {
        timeout: 90_000,
        message: 'one curve per trial',
      },
    )
    .toBeGreaterThanOrEqual(budget - 2);
  await expect.poll(() => leaderboardRows(page)).toBe(budget);
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  // Every trial has a dev cost or is marked diverged.
  const table = page.getByRole('table', { name: 'Leaderboard', exact: true });
  await expect(table.locator('tbody tr', { hasText: /finished|diverged/ })).toHaveCount(budget);
  await expect(page.getByLabel('Best dev cost so far', { exact: true })).toHaveText(/\d/);
  await shot(page, 'search-study');

  // Sort the leaderboard by dev cost, descending, then back.
  await table.getByRole('button', { name: /^dev cost/ }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);

  // Drag a rectangle over the middle of the scatter, then zoom in.
  const area = page.locator('svg.search-scatter-brushable .search-brush-area');
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box) throw new Error('no scatter');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.75, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText(/^Selected:/)).toBeVisible();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();

  const region = page.locator('svg.search-scatter-brushable .search-region[data-round="1"]');
  await expect(region).toHaveCount(1);
  await expect.poll(async () => (await roundPoints(page, 1)).length).toBe(budget);
  const r = await region.evaluate((el) => ({
    x0: Number(el.getAttribute('data-x0')),
    x1: Number(el.getAttribute('data-x1')),
    y0: Number(el.getAttribute('data-y0')),
    y1: Number(el.getAttribute('data-y1')),
  }));
  const tol = 1e-3;
  for (const p of await roundPoints(page, 1)) {
    expect(p.x).toBeGreaterThanOrEqual(r.x0 - tol);
    expect(p.x).toBeLessThanOrEqual(r.x1 + tol);
    expect(p.y).toBeGreaterThanOrEqual(r.y0 - tol);
    expect(p.y).toBeLessThanOrEqual(r.y1 + tol);
  }
  await expect.poll(() => leaderboardRows(page)).toBe(2 * budget);
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  await expect(page.getByRole('list', { name: 'Rounds' }).getByRole('listitem')).toHaveCount(2);
  await shot(page, 'search-zoom');

  // The best trial opens in the playground.
  await page.getByRole('button', { name: 'Open in playground', exact: true }).click();
  await expect(page).toHaveURL(/lab=playground/);
  await expect(page).toHaveURL(/dataset=spiral/);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});

test('a bad range is refused at its row and blocks only that study', async ({ page }) => {
  await openLab(page, 'strategy=random&budget=25&seed=1');
  const low = page.getByRole('textbox', { name: 'Low: learning rate α', exact: true });
  const high = page.getByRole('textbox', { name: 'High: learning rate α', exact: true });
  await low.fill('1');
  await high.fill('0.0001');
  await expect(page.getByText(/Low \(1\) must be below high \(0\.0001\)/).first()).toBeVisible();
  await expect(low).toHaveAttribute('aria-invalid', 'true');
  const run = page.getByRole('button', { name: 'Run study', exact: true });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription(/learning rate α: Low \(1\) must be below high/);
  // The link keeps the bad row, so the page opens with it again.
  await expect(page).toHaveURL(/lr=log:1:0.0001/);
  // The rest of the page still works: the budget, the other rows, the strategy.
  await strategy(page, 'Grid').check();
  await expect(strategy(page, 'Grid')).toBeChecked();
  await shot(page, 'search-bad-range');

  // A log scale with a value ≤ 0.
  await low.fill('0');
  await high.fill('1');
  await expect(page.getByText(/log scale needs values above 0/).first()).toBeVisible();
  await expect(run).toBeDisabled();

  // Fixed: the study can run again.
  await low.fill('0.0001');
  await expect(run).toBeEnabled();

  // A budget over the cap is refused at the budget.
  await page.getByRole('spinbutton', { name: 'Budget', exact: true }).fill('100');
  await expect(page.getByText(/over the cap of 64/).first()).toBeVisible();
  await expect(run).toBeDisabled();
  await page.getByRole('spinbutton', { name: 'Budget', exact: true }).fill('25');
  await expect(run).toBeEnabled();

  // The other labs are untouched.
  await page.getByRole('link', { name: 'Playground', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});
