// The search lab's study curves and the panda lab's caviar chart keep the previous run as a ghost, as
// the playground's cost chart does: after a second study (or caviar run), the first one's best curve
// stays under the new curves, faded, dashed and labelled with the numbers the first run read out; the
// switch hides it and "Forget the previous …" drops it. Real training, small budgets from the links.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { figure, readText, SCREENSHOT_DIR } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function axe(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const canvasOf = (chart: Locator) => chart.locator('canvas.curve-canvas');

test('the previous study stays under the new one as its best trial’s curve, until forgotten', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The default study's 25 trials: the ghost has to read under a full crowd of live curves.
  const budget = 25;
  await page.goto(`/#lab=search&strategy=random&budget=${budget}&seed=1&steps=80`);
  const chart = figure(page, 'Study curves');
  const study = async () => {
    await page.getByRole('button', { name: 'Run study', exact: true }).click();
    await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  };
  await study();
  const ghostSwitch = chart.getByRole('switch', { name: 'Show the previous study as a ghost' });
  await expect(ghostSwitch).toHaveAttribute('aria-checked', 'true');
  // One study: nothing to show yet.
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.locator('[data-previous-run]')).toHaveCount(0);
  const bestCost = await readText(page, 'Best dev cost so far');
  const bestTrial = (await page.getByText(/^Best trial: #\d+ —/).textContent()) ?? '';
  const bestAlpha = bestTrial.match(/α = ([^,;]+)/)?.[1] ?? '';
  expect(bestCost).toMatch(/\d/);
  expect(bestAlpha).toMatch(/\d/);

  // A fresh draw (the next seed) and a second study: the first one's best trial stays, faded.
  await page.getByRole('button', { name: 'Sample', exact: true }).click();
  await study();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '1');
  await expect(canvasOf(chart)).toHaveAttribute('data-drawn', String(budget + 1));
  await expect(chart.locator('[data-previous-run]')).toHaveText(
    `previous study: ${budget} trials, best dev cost ${bestCost} at α = ${bestAlpha} (grey dashed)`,
  );
  expect(await readText(page, 'Previous study best dev cost')).toBe(bestCost);
  expect(await readText(page, 'Previous study best α')).toBe(bestAlpha);
  const second = await readText(page, 'Best dev cost so far');
  console.log(`study ghost: seed 1 best ${bestCost} at α = ${bestAlpha}; seed 2 best ${second}`);
  await chart.screenshot({ path: `${SCREENSHOT_DIR}/search-study-ghost.png` });
  await axe(page, '[aria-label="Study curves"]');

  // The small multiples draw the same curve in every frame: each trial against the bar to beat.
  await chart.getByRole('checkbox', { name: 'Small multiples' }).check();
  await expect(chart.locator('.search-mini-ghost')).toHaveCount(budget);
  await chart.screenshot({ path: `${SCREENSHOT_DIR}/search-study-ghost-multiples.png` });
  await chart.getByRole('checkbox', { name: 'Small multiples' }).uncheck();

  // Off: only the new study; on again: back.
  await ghostSwitch.click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.locator('[data-previous-run]')).toHaveCount(0);
  await expect(chart.locator('[data-ghost-legend]')).toHaveCount(0);
  await ghostSwitch.click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '1');

  // On a projector (presenter mode, 1280 × 720): the one wide dashed curve still reads under 25.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('switch', { name: 'Presenter mode', exact: true }).click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '1');
  await chart.screenshot({ path: `${SCREENSHOT_DIR}/search-study-ghost-presenter.png` });

  // Forget it: gone; the next study's ghost is the one on the chart now.
  await chart.getByRole('button', { name: 'Forget the previous study' }).click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.locator('[data-previous-run]')).toHaveCount(0);
  await study();
  expect(await readText(page, 'Previous study best dev cost')).toBe(second);
});

test('the previous caviar run stays under the new one as its best model’s curve, until forgotten', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#lab=panda&day=100');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  const section = page.getByRole('region', { name: 'Caviar' });
  const chart = figure(page, 'Caviar’s curves');
  const status = page.getByRole('status', { name: 'Caviar status' });
  const caviar = async () => {
    await section.getByRole('button', { name: 'Run caviar', exact: true }).click();
    await expect(status).toContainText('· done', { timeout: 90_000 });
  };
  await caviar();
  const ghostSwitch = section.getByRole('switch', { name: 'Show the previous caviar run as a ghost' });
  await expect(ghostSwitch).toHaveAttribute('aria-checked', 'true');
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  const size = (await status.textContent())?.match(/^(\d+) models × (\d+) steps/) ?? [];
  const [models, steps] = [size[1], size[2]];
  expect(Number(models)).toBe(8);
  const row = page
    .getByRole('table', { name: 'Equal-compute comparison' })
    .getByRole('row', { name: /Caviar/ });
  const bestCost = ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim();
  const bestAlpha = await readText(page, 'Caviar best α');
  expect(bestCost).toMatch(/\d/);

  // Half the population (twice the steps each, same compute): the first run's best stays, faded.
  await section.getByRole('radio', { name: '4', exact: true }).check();
  await caviar();
  await expect(status).toContainText('4 models ×');
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '1');
  await expect(canvasOf(chart)).toHaveAttribute('data-drawn', '5');
  await expect(section.locator('[data-previous-run]')).toHaveText(
    `previous caviar run: ${models} models × ${steps} steps, best dev cost ${bestCost} at α = ${bestAlpha} (grey dashed, on the caviar’s chart)`,
  );
  expect(await readText(page, 'Previous caviar best dev cost')).toBe(bestCost);
  expect(await readText(page, 'Previous caviar best α')).toBe(bestAlpha);
  const second = ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim();
  console.log(`caviar ghost: 8 models best ${bestCost} at α = ${bestAlpha}; 4 models best ${second}`);
  await section.screenshot({ path: `${SCREENSHOT_DIR}/panda-caviar-ghost.png` });
  await axe(page, '[aria-label="Caviar"]');

  await ghostSwitch.click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  await expect(section.locator('[data-previous-run]')).toHaveCount(0);
  await ghostSwitch.click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '1');

  await section.getByRole('button', { name: 'Forget the previous caviar run' }).click();
  await expect(canvasOf(chart)).toHaveAttribute('data-faded-drawn', '0');
  await caviar();
  expect(await readText(page, 'Previous caviar best dev cost')).toBe(second);
});
