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

// ---- Keyboard-only walks (e2e/keyboardLabs.spec.ts, e2e/keyboardWalks.spec.ts) ----

/** One stop of a keyboard walk: what has the focus, as a learner reads it, and its focus ring as drawn. */
export interface FocusStop {
  tag: string;
  role: string;
  name: string;
  ring: { outline: string; outlineWidth: number; shadow: string; svgStroke: number };
}

/** What has the focus: its tag, role, a name as a learner reads it, and its focus ring as drawn. */
export async function focusedStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : null) ??
      byId ??
      el.closest('label')?.textContent ??
      el.textContent ??
      '';
    // A radio in a pill draws its ring round the pill (the label), not the tiny input; a plain radio
    // (a row of the panda's days list) rings the input itself.
    const pill = el.matches('input[type="radio"]') && getComputedStyle(el).outlineStyle === 'none';
    const target = pill ? (el.closest('label') ?? el) : el;
    const s = getComputedStyle(target);
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? el.getAttribute('type') ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      ring: {
        outline: s.outlineStyle,
        outlineWidth: Number.parseFloat(s.outlineWidth),
        shadow: s.boxShadow,
        // A handle inside a chart marks its focus with its own stroke (SVG shapes draw no outline box).
        svgStroke: el instanceof SVGElement && s.stroke !== 'none' ? Number.parseFloat(s.strokeWidth) : 0,
      },
    };
  });
}

/** The focus is somewhere a learner can see it: a named control, with a solid ring ≥ 2 px or a shadow. */
export function expectVisibleFocus(stop: FocusStop): void {
  expect(stop.tag, 'focus never lands on <body>').not.toBe('body');
  expect(stop.name, `${stop.tag} ${stop.role} has a name`).not.toBe('');
  const ring =
    (stop.ring.outline === 'solid' && stop.ring.outlineWidth >= 2) ||
    stop.ring.shadow !== 'none' ||
    stop.ring.svgStroke >= 2;
  expect(ring, `"${stop.name}" (${stop.tag}) shows a focus ring: ${JSON.stringify(stop.ring)}`).toBe(true);
}

/** Whether the focus is on the page's last (or, going back, first) control: the next Tab leaves the page. */
async function atPageEnd(page: Page, back: boolean): Promise<boolean> {
  return page.evaluate((back) => {
    const tabbable = [
      ...document.querySelectorAll<HTMLElement | SVGElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      ),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        el.getClientRects().length > 0 &&
        !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && el.name),
    );
    return document.activeElement === (back ? tabbable[0] : tabbable[tabbable.length - 1]);
  }, back);
}

/** Whether the focus is on `target` or inside it (a radio group's checked radio). */
async function focusIsIn(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/**
 * Presses Tab (or Shift+Tab) until the focus reaches the control, checking every stop on the way. The
 * control is named as the learner reads it (a string or pattern), or is a locator when two controls read
 * the same (the cost chart's "Linear" and the sampling scale's). Past the page's last control the
 * browser's own chrome takes the focus (the page reads <body>): that one wrap is the browser's, and the
 * walk goes on from the top.
 */
export async function tabTo(
  page: Page,
  target: string | RegExp | Locator,
  back = false,
  max = 250,
): Promise<number> {
  const matches = async (n: string) =>
    typeof target === 'string' ? n === target : target instanceof RegExp ? target.test(n) : focusIsIn(target);
  for (let i = 1; i <= max; i++) {
    const leaving = await atPageEnd(page, back);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const stop = await focusedStop(page);
    if (leaving && stop.tag === 'body') continue;
    expectVisibleFocus(stop);
    if (await matches(stop.name)) return i;
  }
  throw new Error(`Tab never reached "${String(target)}"`);
}

/** After an operation: the focus is still on a visible control (a button that disabled itself hands it on). */
export async function expectFocusKept(page: Page): Promise<void> {
  expectVisibleFocus(await focusedStop(page));
}
