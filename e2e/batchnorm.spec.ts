// The batch-norm lab: batch norm step by step on the live network's numbers (Set identity gives z̃ = z),
// the per-layer distributions with and without batch norm on shared axes while they train, and the
// same-seed comparison. The sweep and test time have their own specs (bnLessonSweep, bnLessonTestTime).
import { expect, type Locator, type Page, test } from '@playwright/test';
import { parseReadout, readNumber, readText, SCREENSHOT_DIR, shot } from './helpers';

async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#lab=batchnorm${hash ? `&${hash}` : ''}`);
  await expect(page.getByRole('heading', { name: 'Batch norm step by step' })).toBeVisible();
}

test('batch norm step by step: Set identity makes z̃ equal z', async ({ page }) => {
  await openLab(page);
  const table = page.getByRole('table', { name: 'Mini-batch values' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('slider', { name: 'gamma' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'beta' })).toBeVisible();
  // The normalizing-inputs demo (raw and normalized side by side) found both learning rates.
  const rawRate = await readNumber(page, 'Largest converging learning rate (raw)');
  const normRate = await readNumber(page, 'Largest converging learning rate (normalized)');
  expect(normRate).toBeGreaterThan(10 * rawRate);

  // Learned γ = 1, β = 0 at step 0: z̃ is z normalised, far from z.
  const label = 'Largest difference between z tilde and z';
  expect(await readNumber(page, label)).toBeGreaterThan(1e-3);
  await page.getByRole('button', { name: 'Set identity' }).click();
  await expect.poll(async () => parseReadout(await readText(page, label))).toBeLessThan(1e-5);
  await expect(page.getByText('z̃ = z: batch norm computes the identity.')).toBeVisible();
  await shot(page, 'batchnorm-identity');
});

/** Each tick label of a chart: its text, its rendered font size in px, and its box on the page. */
async function ticks(chart: Locator) {
  return chart.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll('.bn-tick')].map((t) => {
      const r = t.getBoundingClientRect();
      return {
        text: t.textContent ?? '',
        px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      };
    });
  });
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('the distributions with and without batch norm share their axes, layer by layer', async ({ page }) => {
  await openLab(page, 'steps=20000');
  await expect(page.getByRole('radio', { name: 'z̃ (into the activation)' })).toBeChecked();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 90_000 }).toBeGreaterThan(600);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByLabel('Lab status')).toHaveText(/network: paused/);
  for (const side of ['with', 'without'])
    await expect
      .poll(() => readText(page, `Layer 3 ${side} batch norm percentiles`), { timeout: 30_000 })
      .toMatch(/15%/);

  for (const layer of [1, 2, 3]) {
    for (const kind of ['percentile bands over steps', 'histogram']) {
      const [without, withBn] = await Promise.all(
        ['without', 'with'].map((side) =>
          ticks(page.getByRole('img', { name: `Layer ${layer} ${side} batch norm ${kind}`, exact: true })),
        ),
      );
      // Shared axes: the same tick labels on both plots of the layer.
      expect(without.map((t) => t.text)).toEqual(withBn.map((t) => t.text));
      expect(without.length).toBeGreaterThanOrEqual(4);
      // Legible: at least 11 px on screen, and no two labels of a plot overlap.
      for (const t of [...without, ...withBn]) expect(t.px).toBeGreaterThanOrEqual(11);
      for (const set of [without, withBn])
        for (let i = 0; i < set.length; i++)
          for (let j = i + 1; j < set.length; j++) expect(overlap(set[i].box, set[j].box)).toBe(false);
    }
  }
  // What the paper's figure shows: without batch norm the last layer's sigmoid input spreads far wider.
  const spread = async (side: string) => {
    const text = await readText(page, `Layer 3 ${side} batch norm percentiles`);
    const [p15, , p85] = [...text.matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)]
      .map((m) => Number(m[0]))
      .filter((_, i) => i % 2 === 1);
    return p85 - p15;
  };
  console.log(`layer 3 z̃ 15–85% spread: without ${await spread('without')}, with ${await spread('with')}`);
  await page
    .getByRole('region', { name: 'Distributions per layer' })
    .screenshot({ path: `${SCREENSHOT_DIR}/batchnorm-distributions.png` });
});

test('the comparison draws both curves', async ({ page }) => {
  // A short run keeps the test quick; the link carries it.
  await openLab(page, 'steps=300');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const chart = page.getByRole('figure', { name: 'Comparison chart' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 110_000 });
  for (const line of ['.bn-line-on', '.bn-line-off'])
    expect(((await chart.locator(line).getAttribute('points')) ?? '').split(' ').length).toBeGreaterThan(3);
  expect(await readNumber(page, 'Accuracy with batch norm')).toBeGreaterThan(0);
  await shot(page, 'batchnorm-comparison');
});

test('the lab opens with its network "not started" (not "paused · step 0"), and a step makes it paused', async ({
  page,
}) => {
  await openLab(page);
  await expect(page.getByRole('table', { name: 'Mini-batch values' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByLabel('Lab status')).toHaveText('network: not started');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 30_000 }).toBe(1);
  await expect(page.getByLabel('Lab status')).toHaveText('network: paused');
});

test('the bias panel compares the output change with the rounding this layer allows', async ({ page }) => {
  await openLab(page);
  await page.getByRole('switch', { name: 'Keep the bias b' }).click();
  const change = page.getByLabel('Largest output change', { exact: true });
  await expect(change).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => readNumber(page, 'Rounding in this layer'), { timeout: 30_000 }).toBeGreaterThan(0);
  const moved = await readNumber(page, 'Largest output change');
  const rounding = await readNumber(page, 'Rounding in this layer');
  // Real float32 rounding: a change of a few float32 steps of the layer's numbers, and called so.
  expect(rounding).toBeGreaterThan(1e-8);
  expect(rounding).toBeLessThan(1e-5);
  expect(moved).toBeLessThanOrEqual(30 * rounding);
  await expect(page.getByLabel('Verdict on the output change')).toHaveText('within 30× of it, so rounding');
  await expect(page.getByText(/below about 1e-6 is float32 rounding/)).toHaveCount(0);
});
