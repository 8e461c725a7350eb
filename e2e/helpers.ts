// Small helpers shared by the e2e specs. Everything is found by accessible name, as a learner reads the page.
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'e2e/screenshots';

/** Opens the playground (optionally with an experiment in the hash) and waits for its heading. */
export async function openPlayground(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#${hash.replace(/^#/, '')}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The cost chart loads on demand (it brings recharts): the playground is ready once it is there.
  await expect(page.locator('[data-main-chart]').first()).toBeVisible();
}

/** The first number in a readout's text ("0.693", "93.5%", "1,234"), or NaN when it shows none ("—"). */
export function parseReadout(text: string): number {
  const match = text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/i);
  return match ? Number(match[0]) : Number.NaN;
}

/** A readout (<output aria-label="…">, role status or group) by its exact accessible name. */
export function readout(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

/** The numeric value a readout shows now (NaN when it shows no number yet). */
export async function readNumber(page: Page, label: string): Promise<number> {
  return parseReadout(((await readout(page, label).textContent()) ?? '').trim());
}

/** The text a readout shows now. */
export async function readText(page: Page, label: string): Promise<string> {
  return ((await readout(page, label).textContent()) ?? '').trim();
}

/** A figure or region by accessible name ("Cost chart", "Learning-rate samples"). */
export function figure(page: Page, name: string): Locator {
  return page
    .getByRole('figure', { name, exact: true })
    .or(page.getByRole('region', { name, exact: true }))
    .first();
}

/** How many curves (with at least two points) a chart's curve canvas shows; 0 when it has none yet. */
export async function drawnCurves(page: Page, figureName: string): Promise<number> {
  const canvas = figure(page, figureName).locator('canvas.curve-canvas');
  if ((await canvas.count()) === 0) return 0;
  return Number(await canvas.first().getAttribute('data-drawn'));
}

/** How many curves the playground's cost chart shows. */
export async function costLineCount(page: Page): Promise<number> {
  return drawnCurves(page, 'Cost chart');
}

/** Waits until the "Step" readout reaches at least `n`. */
export async function waitForStep(page: Page, n: number, timeout = 90_000): Promise<void> {
  await expect
    .poll(() => readNumber(page, 'Step'), { timeout, message: `Step should reach ${n}` })
    .toBeGreaterThanOrEqual(n);
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
