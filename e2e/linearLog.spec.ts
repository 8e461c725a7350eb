// Linear vs log, compared: Train all on each scale with the lesson's setup keeps both populations, the
// earlier one as a faded ghost on the cost chart, and the readouts name each one's best dev cost and α.
import { expect, test } from '@playwright/test';
import { costLineCount, openPlayground, readText, readout, shot } from './helpers';

const SAMPLES = 16;

test('Train all with Linear, then with Log, keeps both for comparison', async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  await page.getByRole('button', { name: "Use the lesson's setup", exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'Samples', exact: true })).toHaveValue(String(SAMPLES));

  // Nothing ran yet: both readouts say so.
  await expect(readout(page, 'Best dev cost: Linear')).toHaveText('—');
  await expect(readout(page, 'Best dev cost: Log')).toHaveText('—');

  const scale = page.getByRole('radiogroup', { name: 'Sampling scale', exact: true });
  const trainAll = page.getByRole('button', { name: 'Train all', exact: true });

  await scale.getByRole('radio', { name: 'Linear', exact: true }).check();
  await trainAll.click();
  await expect(readout(page, 'Best dev cost: Linear')).toContainText('at α =', { timeout: 150_000 });
  await expect(readout(page, 'Best dev cost: Log')).toHaveText('—');

  await scale.getByRole('radio', { name: 'Log', exact: true }).check();
  await trainAll.click();
  await expect(readout(page, 'Best dev cost: Log')).toContainText('at α =', { timeout: 150_000 });
  // The linear population is still there, on the readouts and faded on the chart.
  await expect(readout(page, 'Best dev cost: Linear')).toContainText('at α =');
  await expect(page.getByText(`previous: Linear, ${SAMPLES} samples`)).toBeVisible();
  await expect
    .poll(() => costLineCount(page), { message: 'the log curves and the linear ghost curves' })
    .toBeGreaterThan(SAMPLES);

  // The page says what this pair of runs measured, whichever way it went.
  await expect(page.getByText(/^(Log|Linear|Both) found the (lower|same) dev cost/)).toBeVisible();
  const good = {
    linear: await readText(page, 'Good models: Linear'),
    log: await readText(page, 'Good models: Log'),
  };
  expect(good.linear).toMatch(/^\d+ of 16$/);
  expect(good.log).toMatch(/^\d+ of 16$/);
  console.log(
    `linear: ${await readText(page, 'Best dev cost: Linear')} (${good.linear} good); ` +
      `log: ${await readText(page, 'Best dev cost: Log')} (${good.log} good); curves ${await costLineCount(page)}`,
  );
  await page.getByRole('region', { name: 'Linear vs log results' }).scrollIntoViewIfNeeded();
  await shot(page, 'linear-vs-log');
});
