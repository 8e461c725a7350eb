// A phone (390×844): no screen is wider than the viewport, charts fit their column, wide tables scroll
// inside their own box. The panda lab was 509 px wide (its side-by-side charts had a 420 px minimum).
import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './axe';
import { shot } from './helpers';

/** Screens by their link, with the heading that says the screen is up; add a lab by listing it. */
const SCREENS: readonly { lab: string; ready: (page: Page) => ReturnType<Page['getByRole']> }[] = [
  // The sampling lesson (its decade rows were the widest thing) loads on demand: ready once it is there.
  { lab: 'playground', ready: (p) => p.getByRole('list', { name: 'Samples per decade', exact: true }) },
  { lab: 'panda', ready: (p) => p.getByRole('heading', { name: /Panda vs caviar/ }) },
  { lab: 'saved', ready: (p) => p.getByRole('heading', { level: 1 }) },
  { lab: 'search', ready: (p) => p.getByRole('heading', { level: 1 }) },
  { lab: 'batchnorm', ready: (p) => p.getByRole('heading', { level: 1 }) },
];

test.use({ viewport: { width: 390, height: 844 } });

for (const { lab, ready } of SCREENS) {
  test(`${lab} at 390 px: nothing wider than the screen`, async ({ page }) => {
    await page.goto(`/#lab=${lab}`);
    await expect(ready(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
    const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // What sticks out, to say which element to fix.
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((e) => !e.closest('.saved-table-box, table'))
        .slice(0, 3)
        .map((e) => `${e.tagName}.${e.getAttribute('class')}`),
    }));
    expect(scrollWidth, `too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
    // Every chart fits the column it sits in.
    for (const svg of await page.locator('svg.recharts-surface').all()) {
      const box = await svg.boundingBox();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);
    }
    // On a phone, wide tables scroll in their own box: a box with nothing focusable inside must take the
    // focus itself (axe's scrollable-region-focusable), so the scan runs at this size too.
    expect(await axeViolations(page), `${lab} at 390 px`).toEqual([]);
    await shot(page, `phone-${lab}`);
  });
}
