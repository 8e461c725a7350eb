// Lesson 3.5, why it helps: the batch-norm lab's default sweep (three sigmoid layers on the digits,
// 12 α with and without batch norm, 600 steps each, one population on wasm) shows the range of good α
// widen. The two "Good α" readouts agree with the dots drawn above the chart's 90 % bar.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { readNumber, readText, SCREENSHOT_DIR } from './helpers';

async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#lab=batchnorm${hash ? `&${hash}` : ''}`);
  await expect(page.getByRole('heading', { name: 'Does it help? Side by side, same seeds' })).toBeVisible();
}

/** Per arm: how many dots are drawn at or above the chart's good-α bar, and how many are filled. */
async function plotted(chart: Locator, arm: 'on' | 'off') {
  return chart.evaluate((svg, a) => {
    const bar = Number(svg.querySelector('.bn-threshold line')?.getAttribute('y1'));
    const dots = [...svg.querySelectorAll(`.bn-arm-${a} circle`)];
    return {
      dots: dots.length,
      above: dots.filter((d) => Number(d.getAttribute('cy')) <= bar + 0.05).length,
      filled: dots.filter((d) => d.classList.contains('bn-dot-good')).length,
    };
  }, arm);
}

const count = (text: string) => {
  const m = text.match(/^(\d+) of (\d+) values$/);
  if (!m) throw new Error(`not "N of M values": ${text}`);
  return { good: Number(m[1]), of: Number(m[2]) };
};

test('the default sweep: a wider range of good α with batch norm', async ({ page }) => {
  test.setTimeout(480_000);
  await openLab(page, 'backend=wasm');
  await expect(page.getByText('Network: Three sigmoid layers on digits')).toBeVisible();
  await page.getByRole('button', { name: 'Sweep learning rate' }).click();
  const chart = page.getByRole('img', {
    name: 'Final dev accuracy against learning rate, with and without batch norm',
  });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Lab status')).toHaveText(/sweep: training/, { timeout: 60_000 });
  const started = Date.now();
  // Wall time, and how far it got every 20 s (for the README: the sweep's time on wasm).
  const progress = setInterval(() => {
    void chart
      .locator('xpath=ancestor::figure')
      .locator('figcaption')
      .textContent()
      .then((t) =>
        console.log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${t?.match(/Step \d+ of \d+/)?.[0]}`),
      )
      .catch(() => undefined);
  }, 20_000);
  await expect(page.getByLabel('Lab status')).toHaveText(/sweep: finished/, { timeout: 400_000 });
  clearInterval(progress);
  console.log(
    `default sweep (24 models × 600 steps) on wasm: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await expect(page.getByText(/^Measured:/)).toBeVisible();

  const withBn = count(await readText(page, 'Good α with batch norm'));
  const withoutBn = count(await readText(page, 'Good α without batch norm'));
  console.log(`good α: with ${withBn.good} of ${withBn.of}, without ${withoutBn.good} of ${withoutBn.of}`);
  expect(withBn.of).toBe(12);
  expect(withoutBn.of).toBe(12);
  // The readouts say what the chart draws: the dots at or above the bar, filled.
  for (const [arm, n] of [
    ['on', withBn.good],
    ['off', withoutBn.good],
  ] as const) {
    const p = await plotted(chart, arm);
    expect(p.dots).toBe(12);
    expect(p.above).toBe(n);
    expect(p.filled).toBe(n);
  }
  // And the summary line states the same counts.
  const summary = (await page.getByText(/^Measured:/).textContent()) ?? '';
  expect(summary).toContain(`(${withBn.good} of 12 values)`);
  expect(summary).toContain(`(${withoutBn.good} of 12 values)`);
  // The lesson's setup: without batch norm the network trains for some α; the claim: more with it.
  expect(withoutBn.good).toBeGreaterThan(0);
  expect(withBn.good).toBeGreaterThanOrEqual(withoutBn.good);
  await expect(page.getByText(/Batch norm widened the range of good α/)).toBeVisible();
  expect(await readNumber(page, 'Good α threshold')).toBeGreaterThan(80);
  await page
    .getByRole('region', { name: 'Does it help?' })
    .screenshot({ path: `${SCREENSHOT_DIR}/batchnorm-sweep.png` });
});
