// Presenter mode on a projector's screen (1280×720 and 1920×1080): each lab's main chart starts on the
// first screen, above the fold, with most of its height in view, and the controls the lesson turns
// are still there. Measured from the chart's bounding box with the page at the top.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { SCREENSHOT_DIR } from './helpers';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Where a chart sits on the first screen: its top, and the share of its height in view at scroll 0. */
async function onFirstScreen(page: Page, chart: Locator): Promise<{ top: number; visible: number }> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await chart.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  if (!box) return { top: Number.POSITIVE_INFINITY, visible: 0 };
  const shown = Math.max(0, Math.min(box.y + box.height, height) - Math.max(box.y, 0));
  return { top: box.y, visible: shown / box.height };
}

for (const vp of VIEWPORTS) {
  const size = `${vp.width}x${vp.height}`;
  test.describe(size, () => {
    test.use({ viewport: vp });

    test(`panda: the babysat model's chart starts on the first screen (${size})`, async ({ page }) => {
      await page.goto('/#lab=panda&day=100&present=1');
      await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
      await page.getByRole('button', { name: 'Next day', exact: true }).click();
      await expect(page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem')).toHaveCount(
        2,
        {
          timeout: 60_000,
        },
      );
      const chart = page.getByRole('figure', { name: 'Panda: cost of the babysat model' });
      // The hands stay beside it: α and the day's buttons on the first screen too.
      await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeInViewport();
      await expect(page.getByRole('slider', { name: /Learning rate/ })).toBeInViewport();
      const where = await onFirstScreen(page, chart);
      console.log(`panda ${size}`, where);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/presenter-panda-chart-${size}.png` });
      expect(where.top).toBeLessThan(vp.height);
      expect(where.visible).toBeGreaterThanOrEqual(0.55);
    });

    test(`batch norm: the sweep chart starts on the first screen after Reveal (${size})`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.goto(
        '/#lab=batchnorm&scenario=three-sigmoid-digits&sweep=0.01,10,5,200&backend=wasm&scene=does-it-help&present=1',
      );
      await expect(page.getByRole('heading', { name: 'Scene: Does batch norm help?' })).toBeVisible();
      await page.getByRole('radio', { name: 'A wider range' }).check();
      await page.getByRole('button', { name: 'Reveal' }).click();
      // The controls the lesson turns are still on the page, under the chart.
      await expect(page.getByRole('button', { name: 'Sweep learning rate', exact: true })).toBeVisible();
      await expect(page.getByLabel('Scene outcome')).toHaveText(/Measured:/, { timeout: 200_000 });
      // The plot itself (its readouts and caption sit beside it in presenter mode).
      const chart = page
        .getByRole('figure', { name: 'Sweep chart' })
        .getByRole('img', { name: 'Final dev accuracy against learning rate, with and without batch norm' });
      const where = await onFirstScreen(page, chart);
      console.log(`sweep ${size}`, where);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/presenter-sweep-${size}.png` });
      expect(where.top).toBeLessThan(vp.height);
      expect(where.visible).toBeGreaterThanOrEqual(0.55);
    });
  });
}
