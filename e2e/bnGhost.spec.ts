// The batch-norm comparison keeps the previous comparison as a ghost, as the playground's cost chart
// keeps its previous run: after a second comparison at another α, the first one's real curves stay
// under the new ones, faded and dashed, labelled with its α and named in the legend with the accuracies
// it reached; the switch hides them and "Forget the previous comparison" drops them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { readText, SCREENSHOT_DIR } from './helpers';

const chart = (page: Page) => page.getByRole('figure', { name: 'Comparison chart' });

async function compareToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(chart(page)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 110_000 });
}

/** How many points each drawn line has, by its class. */
async function pointsOf(page: Page, selector: string): Promise<number[]> {
  return chart(page)
    .locator(selector)
    .evaluateAll((lines) =>
      lines.map((l) => (l.getAttribute('points') ?? '').split(' ').filter(Boolean).length),
    );
}

test('the previous comparison stays faded under the new one, labelled with its α, until forgotten', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=batchnorm&steps=200&lr=0.3&backend=wasm');
  await expect(page.getByRole('region', { name: 'Does it help?' })).toBeVisible();
  await compareToEnd(page);
  const ghostSwitch = page.getByRole('switch', { name: 'Show the previous comparison as a ghost' });
  await expect(ghostSwitch).toHaveAttribute('aria-checked', 'true');
  // One comparison: nothing to show yet.
  expect(await pointsOf(page, '.bn-ghost polyline')).toEqual([]);
  await expect(chart(page).locator('[data-previous-run]')).toHaveCount(0);
  const first = {
    without: await readText(page, 'Accuracy without batch norm'),
    with: await readText(page, 'Accuracy with batch norm'),
  };

  // A second comparison at a smaller α (the slider, by its keys).
  const lr = page
    .getByRole('region', { name: 'The network' })
    .getByRole('slider', { name: 'Learning rate α' });
  await lr.focus();
  for (let i = 0; i < 30; i++) await lr.press('ArrowLeft');
  await expect(page.getByRole('region', { name: 'The network' })).not.toContainText('α = 0.3,');
  await compareToEnd(page);

  // The first comparison's four lines (dev accuracy and cost, without and with) are drawn, faded, under
  // the new ones; its label and the legend name its α and the accuracies it measured.
  const ghostPoints = await pointsOf(page, '.bn-ghost polyline');
  expect(ghostPoints).toHaveLength(4);
  for (const n of ghostPoints) expect(n).toBeGreaterThan(3);
  for (const n of await pointsOf(page, '.bn-line-on, .bn-line-off')) expect(n).toBeGreaterThan(3);
  await expect(chart(page).locator('[data-previous-run]')).toHaveText(
    'previous comparison: α = 0.3 (faded, dashed)',
  );
  // The new comparison names its own α, so the two can be told apart in words too.
  const newAlpha = (await lr.getAttribute('aria-valuetext')) ?? '';
  expect(newAlpha).toMatch(/^α = /);
  expect(newAlpha).not.toBe('α = 0.3');
  await expect(chart(page).locator('figcaption')).toContainText(`(finished), ${newAlpha}.`);
  const legend = chart(page).locator('[data-ghost-legend]');
  await expect(legend).toContainText('previous comparison: α = 0.3');
  expect(await readText(page, 'Previous accuracy without batch norm')).toBe(first.without);
  expect(await readText(page, 'Previous accuracy with batch norm')).toBe(first.with);
  const now = {
    without: await readText(page, 'Accuracy without batch norm'),
    with: await readText(page, 'Accuracy with batch norm'),
  };
  console.log('comparison ghost: α = 0.3', first, '→ new α', now);
  await chart(page).screenshot({ path: `${SCREENSHOT_DIR}/batchnorm-comparison-ghost.png` });
  // The ghost, its switch, its button and its legend pass the same axe scan as every screen.
  const axe = await new AxeBuilder({ page })
    .include('[aria-label="Does it help?"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Off: only the new comparison; on again: back.
  await ghostSwitch.click();
  expect(await pointsOf(page, '.bn-ghost polyline')).toEqual([]);
  await expect(legend).toHaveCount(0);
  await ghostSwitch.click();
  expect(await pointsOf(page, '.bn-ghost polyline')).toHaveLength(4);

  // Forget it: the ghost is gone, and the next comparison's ghost is the one now on the chart.
  await page.getByRole('button', { name: 'Forget the previous comparison' }).click();
  expect(await pointsOf(page, '.bn-ghost polyline')).toEqual([]);
  await expect(chart(page).locator('[data-previous-run]')).toHaveCount(0);
  await compareToEnd(page);
  await expect(chart(page).locator('[data-previous-run]')).not.toContainText('0.3');
  expect(await readText(page, 'Previous accuracy with batch norm')).toBe(now.with);
});
