// The panda-vs-caviar lab: babysit one model day by day (nudge α, see the marker, roll back and see
// the branch), then spend the same compute as a caviar population and compare; the automated tuners.
import { expect, type Page, test } from '@playwright/test';
import { figure, readNumber, readText, shot } from './helpers';

async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#lab=panda&day=100${hash ? `&${hash}` : ''}`);
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
}

function days(page: Page) {
  return page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');
}

async function nextDay(page: Page, expectedDays: number): Promise<void> {
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  await expect(days(page)).toHaveCount(expectedDays, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeEnabled();
}

test('babysit: two days, raise α and see the marker, roll back to day 1 and see the branch, then the caviar', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openLab(page, 'lr=0.001&seed=2');
  await expect(page).toHaveURL(/lab=panda&day=100/);

  await nextDay(page, 2); // day 0 (the start) and day 1
  await nextDay(page, 3);
  expect(await readNumber(page, 'Step')).toBe(200);
  expect(await readText(page, 'Day')).toBe('2');

  // Raise α: the change waits for the next step, then is marked where it took effect.
  await page.getByRole('button', { name: 'Raise α ×2' }).click();
  await expect(
    figure(page, 'Panda: cost of the babysat model').getByText('α 0.001 → 0.002 (from step 201)'),
  ).toBeVisible();
  await nextDay(page, 4);
  const markers = page.getByRole('list', { name: 'Chart markers' });
  await expect(markers.getByText('step 200, branch A: α 0.001 → 0.002')).toBeVisible();
  await expect(figure(page, 'Panda: cost of the babysat model').locator('.panda-mark-change')).toHaveCount(1);
  expect(await readText(page, 'Interventions')).toBe('1');
  await shot(page, 'panda-days');

  // Roll back to day 1 and train on: a second branch grows, the old future stays (faded).
  await page.getByRole('radio', { name: /^Day 1 · step 100/ }).check();
  await page.getByRole('button', { name: 'Roll back', exact: true }).click();
  await expect.poll(() => readNumber(page, 'Step')).toBe(100);
  await expect(page.getByRole('radio', { name: /^Day 1 · step 100/ })).toBeVisible();
  await nextDay(page, 5);
  expect(await readText(page, 'Branch')).toBe('B');
  expect(await readNumber(page, 'Step')).toBe(200);
  await expect(figure(page, 'Panda: cost of the babysat model').getByText('· 2 branches')).toBeVisible();
  await expect(days(page).filter({ hasText: 'branch B' })).toHaveCount(1);
  await expect(markers.getByText('rolled back to day 1')).toBeVisible();
  await shot(page, 'panda-branch');

  // The same compute, spent as a caviar population: both results side by side.
  const pandaSteps = await readNumber(page, 'Panda model-steps');
  expect(pandaSteps).toBe(400);
  await page.getByRole('button', { name: 'Run caviar', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Caviar status' })).toContainText('done', {
    timeout: 90_000,
  });
  await expect(page.getByRole('status', { name: 'Caviar status' })).toContainText(
    '8 models × 50 steps = 400 model-steps',
  );
  const table = page.getByRole('table', { name: 'Equal-compute comparison' });
  const panda = table.getByRole('row', { name: /Panda/ });
  const caviar = table.getByRole('row', { name: /Caviar/ });
  await expect(panda.getByRole('cell').nth(1)).toHaveText('400');
  await expect(caviar.getByRole('cell').nth(1)).toHaveText('400');
  for (const row of [panda, caviar]) {
    const best = Number(await row.getByRole('cell').nth(2).textContent());
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(2);
  }
  await expect(figure(page, 'Caviar’s curves').locator('canvas.curve-canvas')).toHaveAttribute(
    'data-curves',
    '8',
  );
  // The panda run survived the caviar beside it: it trains on.
  await nextDay(page, 6);
  expect(await readNumber(page, 'Step')).toBe(300);
  await page.getByRole('region', { name: 'Caviar' }).scrollIntoViewIfNeeded();
  await shot(page, 'panda-caviar');
});

test('the teacher tells the story: too small, raised, too big, blown up, rolled back', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, 'teacher=alpha');
  await expect(page).toHaveURL(/teacher=alpha/);
  await page.getByLabel('Pace of automatic play').selectOption('2');
  await page.getByRole('button', { name: 'Play automatically' }).click();
  const says = page.getByRole('status', { name: 'Teacher says' });
  await expect(says).toContainText('The cost blew up', { timeout: 120_000 });
  await expect(says).toContainText('One more day', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Play again' })).toBeEnabled({ timeout: 60_000 });
  const markers = page.getByRole('list', { name: 'Chart markers' });
  await expect(markers.getByText(/α 0.03 → 1/)).toBeVisible();
  await expect(markers.getByText('rolled back to day 3')).toBeVisible();
  await expect(markers.getByText(/α 0.03 → 0.01/)).toBeVisible();
  expect(await readText(page, 'Branch')).toBe('B');
  // Every marker label on the chart stands clear of the others (four used to pile up at one step).
  const labels = await figure(page, 'Panda: cost of the babysat model')
    .locator('.panda-mark text')
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
  expect(labels.length).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i];
      const b = labels[j];
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `labels ${i} and ${j} overlap`).toBe(true);
    }
  await shot(page, 'panda-teacher');
});

test('population-based training copies the best into the worst and draws the lineage', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page);
  await page.getByRole('button', { name: 'Run population-based training' }).click();
  const status = page.getByRole('status', { name: 'Bridge status' });
  await expect(status).toContainText('done', { timeout: 180_000 });
  const lineage = figure(page, 'Lineage');
  await expect(lineage.locator('line.panda-copy')).toHaveCount(6); // 3 rounds × 2 members
  await page.getByRole('region', { name: 'Automated babysitting' }).scrollIntoViewIfNeeded();
  await shot(page, 'panda-pbt');

  await page.getByRole('button', { name: 'Run successive halving' }).click();
  await expect(status).toContainText('winner', { timeout: 180_000 });
  // Halving keeps each model's own α: the winner's is its α, not an "α now" that suggests it moved.
  await expect(status).toContainText(/best: #\d+ \(α \d/);
  await expect(status).not.toContainText('α now');
  await expect(page.getByRole('table', { name: 'Halving rounds' }).locator('tbody tr')).toHaveCount(3);
  await shot(page, 'panda-halving');
});

test('the default babysat model visibly learns in three days, and the comparison says what it measured', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#lab=panda');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  const devCosts: number[] = [];
  for (let d = 2; d <= 4; d++) {
    await nextDay(page, d);
    devCosts.push(await readNumber(page, 'Dev cost'));
  }
  // Chance is 0.693: by day 3 the default model is well below it, and clearly below day 1.
  expect(devCosts[2]).toBeLessThan(0.5);
  expect(devCosts[2]).toBeLessThan(0.8 * devCosts[0]);
  const table = page.getByRole('table', { name: 'Equal-compute comparison' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Successive halving/ })).toContainText('not run yet');
  const measured = page.getByRole('status', { name: 'Measured here' });
  await expect(measured).toContainText('only the panda has run so far');
  await page.getByRole('button', { name: 'Run caviar', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Caviar status' })).toContainText('done', {
    timeout: 90_000,
  });
  await expect(measured).toContainText(/^Measured here: (the panda|the caviar) reached the lowest dev cost/);
  await page.getByRole('region', { name: 'Caviar' }).scrollIntoViewIfNeeded();
  await shot(page, 'panda-measured');
});
