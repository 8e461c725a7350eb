// The search lab: grid vs random for one budget, a study trained as one population, coarse-to-fine
// zoom, and a bad range refused at its row.
import { expect, type Page, test } from '@playwright/test';
import { drawnCurves, figure, readNumber, readout, readText, shot } from './helpers';

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

  await expect
    .poll(() => drawnCurves(page, 'Study curves'), { timeout: 90_000, message: 'one curve per trial' })
    .toBeGreaterThanOrEqual(budget - 2);
  await expect.poll(() => leaderboardRows(page)).toBe(budget);
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  // Every trial has a dev cost or is marked diverged.
  const table = page.getByRole('table', { name: 'Leaderboard', exact: true });
  await expect(table.locator('tbody tr', { hasText: /finished|diverged/ })).toHaveCount(budget);
  await expect(page.getByLabel('Best dev cost so far', { exact: true })).toHaveText(/\d/);
  await shot(page, 'search-study');

  // Parallel coordinates: brush the α axis, then the ε axis from the keyboard; fewer trials stay bright.
  const pc = figure(page, 'Parallel coordinates');
  const lines = pc.locator('path.search-pc-line');
  await expect(lines).toHaveCount(budget);
  const bright = pc.locator('path.search-pc-line[data-selected="true"]');
  await expect(bright).toHaveCount(budget);
  const alpha = pc.getByRole('slider', { name: 'Brush on learning rate α', exact: true });
  await alpha.scrollIntoViewIfNeeded();
  const handle = await alpha.boundingBox();
  if (!handle) throw new Error('no α axis');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height * 0.4, { steps: 4 });
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height * 0.6, { steps: 4 });
  await page.mouse.up();
  await expect(alpha).toHaveAttribute('aria-valuetext', /to/);
  await expect.poll(() => bright.count()).toBeLessThan(budget);
  const afterAlpha = await bright.count();
  await expect(readout(page, 'Selected trials')).toHaveText(
    new RegExp(`^${afterAlpha} of ${budget} trials selected`),
  );
  // The leaderboard and the scatter reflect the selection.
  await expect(table.locator('tbody tr.search-selected')).toHaveCount(afterAlpha);
  await expect(page.getByText(/^Selected:.*learning rate α/)).toBeVisible();
  const eps = pc.getByRole('slider', { name: 'Brush on Adam ε', exact: true });
  await eps.focus();
  await page.keyboard.press('ArrowUp');
  await expect(eps).toHaveAttribute('aria-valuetext', /to/);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => bright.count()).toBeLessThanOrEqual(afterAlpha);
  await shot(page, 'search-parallel');
  await page.keyboard.press('Escape');
  await expect(eps).toHaveAttribute('aria-valuetext', 'no range selected');
  await pc.getByRole('button', { name: 'Clear brushes', exact: true }).click();
  await expect(bright).toHaveCount(budget);

  // Small multiples: one small chart per trial instead of the overlaid curves.
  const curvesFigure = figure(page, 'Study curves');
  await curvesFigure.getByRole('checkbox', { name: 'Small multiples', exact: true }).check();
  const minis = curvesFigure
    .getByRole('list', { name: 'Small multiples', exact: true })
    .getByRole('listitem');
  await expect(minis).toHaveCount(budget);
  await expect(curvesFigure.locator('path.search-mini-curve[d^="M"]')).toHaveCount(budget);
  await curvesFigure.scrollIntoViewIfNeeded();
  await shot(page, 'search-multiples');
  await curvesFigure.getByRole('checkbox', { name: 'Small multiples', exact: true }).uncheck();
  await expect(curvesFigure.getByRole('img', { name: /cost curves against step/ })).toBeVisible();

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
  // The link now holds the zoomed round.
  await expect(page).toHaveURL(/round2=lr:[^&]+;eps:/);
  await shot(page, 'search-zoom');

  // The best trial opens in the playground.
  await page.getByRole('button', { name: 'Open in playground', exact: true }).click();
  await expect(page).toHaveURL(/lab=playground/);
  await expect(page).toHaveURL(/dataset=spiral/);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  // It opens at the playground's top, not where the search lab was scrolled to.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
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

test('a shared link re-creates the zoomed rounds, and a parallel-coordinates brush zooms in', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const budget = 6;
  await openLab(
    page,
    `strategy=random&budget=${budget}&seed=4&steps=60&lr=log:0.0001:1&eps=log:1e-10:1e-6&round2=lr:0.001:0.1&round3=lr:0.003:0.03;eps:1e-9:1e-8`,
  );
  await expect(page.getByText(/The link holds 2 zoomed rounds/)).toBeVisible();
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => leaderboardRows(page)).toBe(3 * budget);
  await expect(page.getByRole('list', { name: 'Rounds' }).getByRole('listitem')).toHaveCount(3);
  for (const p of await roundPoints(page, 2)) {
    expect(p.x).toBeGreaterThanOrEqual(Math.log10(0.003) - 1e-6);
    expect(p.x).toBeLessThanOrEqual(Math.log10(0.03) + 1e-6);
    expect(p.y).toBeGreaterThanOrEqual(-9 - 1e-6);
    expect(p.y).toBeLessThanOrEqual(-8 + 1e-6);
  }
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  await expect(page).toHaveURL(/round3=lr:0.003:0.03;eps:1e-9:1e-8/);

  // A malformed round is dropped with a notice naming it.
  await page.goto('/#lab=search&budget=6&seed=4&round2=lr:5:9');
  await expect(page.getByRole('alert', { name: 'Link notices' })).toContainText('"round2"');

  // Zoom in from a brush on the parallel coordinates (keyboard: a brush in the middle of α).
  await openLab(page, `strategy=random&budget=${budget}&seed=4&steps=60`);
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  const alpha = figure(page, 'Parallel coordinates').getByRole('slider', {
    name: 'Brush on learning rate α',
    exact: true,
  });
  await alpha.focus();
  await page.keyboard.press('ArrowUp');
  await expect(alpha).toHaveAttribute('aria-valuetext', /to/);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(() => leaderboardRows(page)).toBe(2 * budget);
  // The keyboard brush starts at the middle 40% of α's axis: 10^-2.8 to 10^-1.2.
  for (const p of await roundPoints(page, 1)) {
    expect(p.x).toBeGreaterThanOrEqual(-2.8 - 1e-3);
    expect(p.x).toBeLessThanOrEqual(-1.2 + 1e-3);
  }
  await expect(page).toHaveURL(/round2=lr:0.001585:0.0631/);
});

test('a steps field in error blocks Run study, and a run uses exactly what the field shows', async ({
  page,
}) => {
  await openLab(page, 'strategy=random&budget=4&seed=2&steps=150');
  const steps = page.getByRole('spinbutton', { name: 'Steps per trial', exact: true });
  const run = page.getByRole('button', { name: 'Run study', exact: true });
  await steps.fill('999999');
  await expect(steps).toHaveAttribute('aria-invalid', 'true');
  // Before the fix the field showed its error while Run study stayed enabled and trained the last
  // valid value (999 steps) behind it.
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription(/Steps per trial must be a whole number/);
  await steps.fill('120');
  await expect(run).toBeEnabled();
  await run.click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  const table = page.getByRole('table', { name: 'Leaderboard', exact: true });
  await expect(table.locator('tbody tr', { hasText: /finished|diverged/ })).toHaveCount(4);
  // The study that ran holds the 120 steps the field shows (its link says so).
  await expect(page).toHaveURL(/steps=120/);

  // The leaderboard's first click on "dev accuracy" puts the most accurate trial first (it sorted the
  // worst first before).
  await table.getByRole('button', { name: 'dev accuracy', exact: true }).click();
  const accuracies = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const header = [...(r.closest('table')?.querySelectorAll('thead th') ?? [])].findIndex((th) =>
        th.textContent?.includes('dev accuracy'),
      );
      return Number.parseFloat(r.children[header]?.textContent ?? '');
    }),
  );
  const measured = accuracies.filter((a) => Number.isFinite(a));
  expect(measured.length).toBeGreaterThan(0);
  expect(measured[0]).toBe(Math.max(...measured));
});
