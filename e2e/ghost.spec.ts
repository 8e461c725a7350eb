// "Show the previous run as a ghost": after a second run with another α, the first run's real curves
// stay on the cost chart, faded and labelled with its α, named in the legend; the switch hides them
// and Reset forgets them.
import { expect, type Page, test } from '@playwright/test';
import { figure, openPlayground, readText, shot } from './helpers';

const canvas = (page: Page) => figure(page, 'Cost chart').locator('canvas.curve-canvas');

async function trainToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
}

test('the previous run stays faded under the new one, labelled with its α, until Reset', async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page, 'lab=playground&lr=0.3&steps=150&speed=max');
  const chart = figure(page, 'Cost chart');
  const ghostSwitch = page.getByRole('switch', { name: 'Show the previous run as a ghost' });
  await expect(ghostSwitch).toHaveAttribute('aria-checked', 'true');
  await trainToEnd(page);
  // One run: no ghost yet.
  await expect(canvas(page)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.getByText(/^previous run:/)).toHaveCount(0);

  // A second run with a smaller α.
  const lr = page.getByRole('slider', { name: 'Learning rate', exact: true });
  await lr.focus();
  for (let i = 0; i < 6; i++) await lr.press('ArrowLeft');
  await trainToEnd(page);

  // The first run's train and dev curves are drawn faded, and the label and the legend name its α.
  await expect(canvas(page)).toHaveAttribute('data-faded-drawn', '2');
  await expect(canvas(page)).toHaveAttribute('data-drawn', '4');
  await expect(canvas(page)).toHaveAccessibleName(
    '4 cost curves against step, 2 of them faded from an earlier run',
  );
  await expect(chart.locator('[data-previous-run]')).toHaveText('previous run: α = 0.3 (faded grey)');
  const legend = chart.getByRole('list', { name: 'Legend' });
  await expect(legend.getByRole('listitem').last()).toHaveText(
    'previous run: α = 0.3 (faded grey: train solid, dev dashed)',
  );
  // The new run is a different α: its own legend entries are not the ghost's.
  await expect(legend.getByRole('listitem')).toHaveCount(3);
  await shot(page, 'ghost-previous-run');

  // Off: only the new run.
  await ghostSwitch.click();
  await expect(canvas(page)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.locator('[data-previous-run]')).toHaveCount(0);
  await expect(legend.getByRole('listitem')).toHaveCount(2);
  await ghostSwitch.click();
  await expect(canvas(page)).toHaveAttribute('data-faded-drawn', '2');

  // Reset clears it: the next run has no ghost.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await trainToEnd(page);
  await expect(canvas(page)).toHaveAttribute('data-faded-drawn', '0');
  await expect(chart.locator('[data-previous-run]')).toHaveCount(0);
});
