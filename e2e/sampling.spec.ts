// Linear vs log sampling of α between 1e-4 and 1: where the samples land, then Train all of them.
import { expect, type Page, test } from '@playwright/test';
import { costLineCount, figure, openPlayground, shot } from './helpers';

const SAMPLES = 20;

async function sampledRates(page: Page): Promise<number[]> {
  const markers = figure(page, 'Learning-rate samples').locator('[data-lr]');
  const values = await markers.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-lr'))));
  return values.filter((v) => Number.isFinite(v));
}

/** Share of samples per decade 10^k … 10^(k+1), k = -4 … -1 (1 itself counts in the top decade). */
function decadeShares(rates: number[]): number[] {
  const counts = [0, 0, 0, 0];
  for (const r of rates) {
    const k = Math.min(-1, Math.max(-4, Math.floor(Math.log10(r) + 1e-12)));
    counts[k + 4] += 1;
  }
  return counts.map((c) => c / Math.max(1, rates.length));
}

/** The counts in the "Samples per decade" rows (the last whole number of each row). */
async function decadeCounts(page: Page): Promise<number[]> {
  const rows = page
    .getByLabel('Samples per decade', { exact: true })
    .locator('li, tr')
    // A decade's row names its bounds as powers of ten (10⁻⁴ – 10⁻³).
    .filter({ has: page.locator('.power-of-ten') });
  const texts = await rows.allInnerTexts();
  return texts.map((t) => Number(t.match(/(\d+)\D*$/)?.[1] ?? Number.NaN));
}

test('linear piles α into the top decade, log spreads it evenly; Train all draws every sample', async ({
  page,
}) => {
  await openPlayground(page, 'lrMin=0.0001&lrMax=1&steps=400&dataset=spiral');

  await page.getByRole('spinbutton', { name: 'Samples', exact: true }).fill(String(SAMPLES));
  await expect(figure(page, 'Learning-rate samples').locator('[data-lr]')).toHaveCount(SAMPLES);

  const scale = page.getByRole('radiogroup', { name: 'Sampling scale', exact: true });

  await scale.getByRole('radio', { name: 'Linear', exact: true }).check();
  await expect(scale.getByRole('radio', { name: 'Linear', exact: true })).toBeChecked();
  await expect
    .poll(
      async () => {
        const rates = await sampledRates(page);
        return rates.length === SAMPLES ? rates.filter((r) => r >= 0.1).length / rates.length : 0;
      },
      { message: 'on a linear scale at least 70% of α lie in [0.1, 1]' },
    )
    .toBeGreaterThanOrEqual(0.7);
  await expect
    .poll(async () => (await decadeCounts(page)).reduce((a, b) => a + b, 0), {
      message: 'Samples per decade adds up to the samples',
    })
    .toBe(SAMPLES);
  await shot(page, 'sampling-linear');

  await scale.getByRole('radio', { name: 'Log', exact: true }).check();
  await expect(scale.getByRole('radio', { name: 'Log', exact: true })).toBeChecked();
  await expect(async () => {
    const rates = await sampledRates(page);
    expect(rates).toHaveLength(SAMPLES);
    for (const share of decadeShares(rates)) {
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThanOrEqual(0.4);
    }
    const counts = await decadeCounts(page);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(SAMPLES);
  }).toPass({ timeout: 30_000 });
  await shot(page, 'sampling-log');

  await page.getByRole('button', { name: 'Train all', exact: true }).click();
  await expect
    .poll(() => costLineCount(page), { timeout: 110_000, message: 'one cost line per sampled α' })
    .toBeGreaterThanOrEqual(SAMPLES);
  await shot(page, 'sampling-train-all');
});
