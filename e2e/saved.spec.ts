// Saved work: runs, studies and panda trees saved in the browser survive a reload, reopen as they
// were, compare side by side, and a browser that cannot store them says so where Save was pressed.
import { expect, type Page, test } from '@playwright/test';
import { drawnCurves, readNumber, readText, shot } from './helpers';

function tab(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name, exact: true });
}

async function trainPlayground(page: Page, lr: number): Promise<void> {
  await page.goto(`/#lab=playground&dataset=spiral&lr=${lr}&steps=150&seed=4`);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('finished');
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Saved as “/ })
      .first(),
  ).toBeVisible();
}

test('a saved run and a panda tree survive a reload and reopen as they were; two runs compare', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await trainPlayground(page, 0.003);
  await save(page);
  await trainPlayground(page, 0.03);
  const step = await readNumber(page, 'Step');
  const devCost = await readText(page, 'Dev cost');
  await save(page);

  await page.goto('/#lab=panda&day=100&seed=2');
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  const days = page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');
  await expect(days).toHaveCount(2, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  await expect(days).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeEnabled();
  await save(page);

  await page.reload();
  await tab(page, 'Saved work').click();
  const table = page.getByRole('table', { name: 'Saved work' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await shot(page, 'saved-list');

  // The second playground run, as it was: its curves and numbers, nothing training.
  await page.getByRole('button', { name: /^Open Playground: spiral, α = 0.03, .* as it was$/ }).click();
  await expect.poll(() => readText(page, 'Status')).toBe('reopened (saved)');
  expect(await readNumber(page, 'Step')).toBe(step);
  expect(await readText(page, 'Dev cost')).toBe(devCost);
  await expect.poll(() => drawnCurves(page, 'Cost chart')).toBeGreaterThanOrEqual(1);
  expect(page.workers()).toHaveLength(0);

  // The panda tree, as it was.
  await tab(page, 'Saved work').click();
  await page.getByRole('button', { name: /^Open Panda: 2 days, .* as it was$/ }).click();
  await expect(days).toHaveCount(3);
  expect(await readText(page, 'Day')).toBe('2');

  // Compare the two runs: both curves and the setting that differs.
  await tab(page, 'Saved work').click();
  await page.getByRole('checkbox', { name: /^Compare Playground: spiral, α = 0.003/ }).check();
  await page.getByRole('checkbox', { name: /^Compare Playground: spiral, α = 0.03,/ }).check();
  const compared = page.getByRole('region', { name: 'Comparison' });
  await expect.poll(() => drawnCurves(page, 'Compared curves')).toBe(2);
  const diff = compared.getByRole('table', { name: 'Settings that differ' });
  await expect(diff.getByRole('row', { name: /^α 0.003 0.03$/ })).toBeVisible();
  await shot(page, 'saved-compare');

  // Rename and delete.
  const name = page.getByRole('textbox', { name: /^Name of Panda/ });
  await name.fill('My babysat spiral');
  await name.press('Enter');
  // The field takes the new name once the browser's storage has written it; only then reload.
  await expect(page.getByRole('textbox', { name: 'Name of My babysat spiral' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Name of My babysat spiral' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete My babysat spiral' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(2);
});

test('a saved study reopens after a reload with the same leaderboard', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#lab=search&budget=6&steps=100&seed=3');
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  const rows = page.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr');
  const before = await rows.allInnerTexts();
  await save(page);
  await page.reload();
  await page.goto('/#lab=saved');
  await page.getByRole('button', { name: /^Open Study: 6 random trials, .* as it was$/ }).click();
  await expect(rows).toHaveCount(6);
  expect(await rows.allInnerTexts()).toEqual(before);
  expect(await drawnCurves(page, 'Study curves')).toBeGreaterThanOrEqual(5);
});

test('a browser that cannot store saved work says so at Save, and the page goes on', async ({ page }) => {
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await trainPlayground(page, 0.03);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot keep saved work' })).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('finished');
});

test('with autosave on, a finished run is saved without pressing Save', async ({ page }) => {
  await page.goto('/#lab=saved');
  await page.getByRole('switch', { name: /^Autosave/ }).click();
  await expect(page.getByRole('switch', { name: /^Autosave/ })).toHaveAttribute('aria-checked', 'true');
  await trainPlayground(page, 0.01);
  await page.goto('/#lab=saved');
  await expect(page.getByRole('table', { name: 'Saved work' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('switch', { name: /^Autosave/ })).toHaveAttribute('aria-checked', 'true');
});
