// Presenter mode, as an instructor uses it in front of a class: one switch (or present=1 in the link)
// scales the type, the charts' text and their curves, keeps the mode across every tab's link, folds
// the controls a lecture does not turn, and puts the link on screen as a QR code.
import { expect, type Page, test } from '@playwright/test';
import { openPlayground, readText, SCREENSHOT_DIR, waitForStep } from './helpers';

/** What the room sees: the viewport only (a projector shows no more than that). */
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });

const presenterSwitch = (page: Page) => page.getByRole('switch', { name: 'Presenter mode', exact: true });

/** The computed font size (px) of a readout's value. */
async function readoutFontSize(page: Page, label: string): Promise<number> {
  return page
    .getByLabel(label, { exact: true })
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}

/** The largest font size of the cost chart's tick labels (recharts draws them as SVG text). */
async function tickFontSize(page: Page, chart: string): Promise<number> {
  return page
    .getByRole('figure', { name: chart, exact: true })
    .locator('text.recharts-cartesian-axis-tick-value')
    .first()
    .evaluate((el) =>
      Number.parseFloat(getComputedStyle(el).fontSize || el.getAttribute('font-size') || '0'),
    );
}

test('presenter mode scales readouts ≥ 1.5×, chart text and curves, and rides on every tab’s link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'steps=200&speed=max');
  const normal = {
    status: await readoutFontSize(page, 'Status'),
    step: await readoutFontSize(page, 'Step'),
    tick: await tickFontSize(page, 'Cost chart'),
  };

  await presenterSwitch(page).click();
  await expect(presenterSwitch(page)).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('present=1');
  // The rest of the playground's link is intact.
  expect(await page.evaluate(() => window.location.hash)).toContain('steps=200');

  const presented = {
    status: await readoutFontSize(page, 'Status'),
    step: await readoutFontSize(page, 'Step'),
    tick: await tickFontSize(page, 'Cost chart'),
  };
  console.log('readout font px normal → presenter', normal, presented);
  expect(presented.status / normal.status).toBeGreaterThanOrEqual(1.5);
  expect(presented.step / normal.step).toBeGreaterThanOrEqual(1.5);
  expect(presented.tick / normal.tick).toBeGreaterThanOrEqual(1.4);

  // The controls a lesson does not turn fold to their titles; α stays, first in Training.
  await expect(page.getByRole('button', { name: 'Network', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(page.getByRole('slider', { name: 'Learning rate', exact: true })).toBeVisible();
  await expect(page.getByLabel('Dataset', { exact: true })).toBeHidden();
  // The cost chart takes the width of the results column.
  const chartBox = await page.getByRole('figure', { name: 'Cost chart', exact: true }).boundingBox();
  const resultsBox = await page.locator('main.results').boundingBox();
  expect(chartBox && resultsBox && chartBox.width).toBeGreaterThan((resultsBox?.width ?? 0) * 0.95);

  // A real run: the curves are drawn with the thick presenter stroke.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 100);
  await expect(async () => expect(await readText(page, 'Status')).toBe('finished')).toPass({
    timeout: 90_000,
  });
  const canvas = page.getByRole('figure', { name: 'Cost chart', exact: true }).locator('canvas.curve-canvas');
  expect(Number(await canvas.getAttribute('data-stroke'))).toBeGreaterThanOrEqual(3.5);
  await shot(page, 'presenter-playground-1280x720');

  // Every tab's link carries the mode; the panda opens in it, its link intact and with present=1.
  await page.getByRole('link', { name: 'Panda vs caviar', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#lab=panda&.*present=1$/);
  await expect(presenterSwitch(page)).toHaveAttribute('aria-checked', 'true');
  expect(await readoutFontSize(page, 'Day')).toBeGreaterThanOrEqual(normal.step * 1.5);
  await page.getByRole('button', { name: 'Next day', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem')).toHaveCount(2, {
    timeout: 60_000,
  });
  await page.getByRole('region', { name: 'Panda readouts' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -60));
  await shot(page, 'presenter-panda-1280x720');

  // Switching it off drops the key from the link and the scale from the page.
  await presenterSwitch(page).click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('present=');
  expect(await readoutFontSize(page, 'Day')).toBeCloseTo(normal.step, 0);
});

test('present=1 in a link opens presenter mode; a bad value falls back with a notice', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPlayground(page, 'lab=playground&present=1&seed=7');
  await expect(presenterSwitch(page)).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => window.location.hash)).toMatch(/seed=7.*present=1$/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 300);
  await shot(page, 'presenter-playground-1920x1080');

  await page.goto('about:blank');
  await openPlayground(page, 'lab=playground&present=yes');
  const notices = page.getByRole('alert', { name: 'Link notices' });
  await expect(notices).toContainText(
    '"present": "yes" is not a valid presenter-mode flag (0 or 1); using 0.',
  );
  await expect(presenterSwitch(page)).toHaveAttribute('aria-checked', 'false');
  expect(await page.evaluate(() => window.location.hash)).not.toContain('present');
});

test('the QR code of the link appears in presenter mode, named, with the link as its text', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'present=1&seed=3');
  await page.getByRole('button', { name: 'QR code of this link', exact: true }).click();
  const qr = page.getByRole('img', { name: /^QR code of this experiment's link: / });
  await expect(qr).toBeVisible();
  const alt = (await qr.getAttribute('alt')) ?? '';
  expect(alt).toContain('#lab=playground');
  expect(alt).toContain('seed=3');
  expect(alt).toContain('present=1');
  // A real code: a square image at least 21 modules (plus the quiet zone) wide.
  const size = await qr.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size[0]).toBe(size[1]);
  expect(size[0]).toBeGreaterThanOrEqual((21 + 8) * 4);
  // It follows the link: a new seed, a new code.
  await page.getByLabel('Seed', { exact: true }).first().fill('9');
  await expect
    .poll(async () => (await qr.getAttribute('alt')) ?? '', { timeout: 10_000 })
    .toContain('seed=9');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'presenter-qr-1280x720');
});
