// Keyboard-only walks through the playground and the panda lab: Tab / Shift+Tab to each main control,
// then Enter, Space or the arrow keys to operate it (and typing, in a number field). Every stop on the
// way is a named control with a visible focus ring, never <body> (tabTo checks each one), and every
// operation is checked by what it changed: the link, a readout, the curves drawn, a saved-work entry,
// all measured after real training in the worker. Budgets stay small through the link keys.
import { expect, type Page, test } from '@playwright/test';
import {
  drawnCurves,
  expectFocusKept,
  expectVisibleFocus,
  figure,
  focusedStop,
  openPlayground,
  readNumber,
  readText,
  tabTo,
} from './helpers';

/** The value of one key in the page's link ('' when the link leaves it out). */
async function linkValue(page: Page, key: string): Promise<string> {
  return page.evaluate((key) => new URLSearchParams(window.location.hash.slice(1)).get(key) ?? '', key);
}

/** Tab to the control unless the focus is on it already (a button that renamed itself keeps the focus). */
async function reach(page: Page, name: string, back = false): Promise<void> {
  const stop = await focusedStop(page);
  if (stop.name === name) expectVisibleFocus(stop);
  else await tabTo(page, name, back);
}

/** Ctrl+A then the text: what a learner does to retype a focused number field. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('playground by keyboard: the network, α, the optimizer, Train / Pause / Resume / Step / Reset, the ghost, Save, the sampling lesson', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // A long, slow run first, so Pause has a run to pause whenever the key arrives.
  await openPlayground(page, 'steps=100000&speed=10&backend=wasm');
  await page.waitForLoadState('networkidle');

  // The data set, by arrow key: the link follows.
  const datasetBefore = await linkValue(page, 'dataset');
  await tabTo(page, 'Dataset');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => linkValue(page, 'dataset')).not.toBe(datasetBefore);

  // Hidden layers: one more (a third units field appears), one fewer, then layer 1's units retyped.
  const layers = page.getByRole('spinbutton', { name: 'Hidden layers', exact: true });
  const layerCount = Number(await layers.inputValue());
  await tabTo(page, 'Hidden layers');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('spinbutton', { name: `Units in layer ${layerCount + 1}` })).toBeVisible();
  await expect.poll(async () => (await linkValue(page, 'hidden')).split(',').length).toBe(layerCount + 1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('spinbutton', { name: `Units in layer ${layerCount + 1}` })).toHaveCount(0);
  await tabTo(page, 'Units in layer 1');
  await retype(page, '12');
  await expect.poll(async () => (await linkValue(page, 'hidden')).split(',')[0]).toBe('12');

  // Activation, by arrow key.
  const activationBefore = await linkValue(page, 'activation');
  await tabTo(page, 'Activation');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => linkValue(page, 'activation')).not.toBe(activationBefore);

  // Batch norm on for every layer with Space, then layer 1 off again: the summary switch reads mixed.
  const bnAll = page.getByRole('switch', { name: 'Batch norm', exact: true });
  await tabTo(page, 'Batch norm');
  await page.keyboard.press(' ');
  await expect(bnAll).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, 'Batch norm layer 1');
  await page.keyboard.press(' ');
  await expect(page.getByRole('switch', { name: 'Batch norm layer 1' })).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await expect(bnAll).toHaveAttribute('aria-checked', 'mixed');

  // α on its log slider: the arrow keys move it, the link follows.
  const slider = page.getByRole('slider', { name: 'Learning rate', exact: true });
  const lrBefore = await linkValue(page, 'lr');
  await tabTo(page, 'Learning rate');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => linkValue(page, 'lr')).not.toBe(lrBefore);
  expect(Number(await linkValue(page, 'lr'))).toBeLessThan(Number(lrBefore || 0.01));
  expect(await slider.getAttribute('aria-valuetext')).toContain(await linkValue(page, 'lr'));

  // The optimizer, by arrow key: RMSprop has no β1, so its advanced fields read "β2, ε"; then back to Adam.
  const advanced = page.locator('details.advanced');
  await tabTo(page, 'Optimizer');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => linkValue(page, 'optimizer')).toBe('rmsprop');
  await expect(advanced.locator('summary')).toContainText('Advanced: β2, ε');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => linkValue(page, 'optimizer')).toBe('adam');
  await expect(advanced.locator('summary')).toContainText('Advanced: β1, β2, ε');

  // The "Advanced" disclosure opens with Enter, and β1 inside it takes a typed value.
  await tabTo(page, /^Advanced: β1, β2, ε/);
  await page.keyboard.press('Enter');
  await expect(advanced).toHaveAttribute('open', '');
  await tabTo(page, 'β1');
  await retype(page, '0.85');
  await expect.poll(() => linkValue(page, 'beta1')).toBe('0.85');

  // Mini-batch size, typed.
  await tabTo(page, 'Mini-batch size');
  await retype(page, '32');
  await expect.poll(() => linkValue(page, 'batch')).toBe('32');

  // Train (back up the page), then Pause, Resume, Pause, Step and Reset, each by Enter.
  await tabTo(page, 'Train', true);
  await page.keyboard.press('Enter');
  await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('training');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 60_000 }).toBeGreaterThan(0);
  await expectFocusKept(page);
  await reach(page, 'Pause');
  await page.keyboard.press('Enter');
  await expect.poll(() => readText(page, 'Status'), { timeout: 30_000 }).toBe('paused');
  // The same button now reads Resume, and keeps the focus.
  expect((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim()).toBe('Resume');
  const pausedAt = await readNumber(page, 'Step');
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 60_000 }).toBeGreaterThan(pausedAt);
  await page.keyboard.press('Enter');
  await expect.poll(() => readText(page, 'Status'), { timeout: 30_000 }).toBe('paused');
  const beforeStep = await readNumber(page, 'Step');
  await tabTo(page, 'Step');
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 60_000 }).toBe(beforeStep + 1);
  await tabTo(page, 'Reset');
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 30_000 }).toBe(0);
  await expectFocusKept(page);

  // A short run now: the step limit typed, the speed uncapped by arrow keys (its last choice).
  await tabTo(page, 'Stop after steps');
  await retype(page, '60');
  await expect.poll(() => linkValue(page, 'steps')).toBe('60');
  await tabTo(page, 'Speed', true);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Speed', exact: true })).toHaveValue('max');

  // Two runs with different α: the first stays on the cost chart as a ghost, and its switch hides it.
  const canvas = figure(page, 'Cost chart').locator('canvas.curve-canvas');
  await tabTo(page, 'Train', true);
  await page.keyboard.press('Enter');
  await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
  expect(await readNumber(page, 'Step')).toBe(60);
  await expectFocusKept(page);
  await tabTo(page, 'Learning rate');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await tabTo(page, 'Train', true);
  await page.keyboard.press('Enter');
  await expect.poll(() => readText(page, 'Status'), { timeout: 90_000 }).toBe('finished');
  await expect(canvas).toHaveAttribute('data-faded-drawn', '2');
  const ghost = page.getByRole('switch', { name: 'Show the previous run as a ghost' });
  await tabTo(page, 'Show the previous run as a ghost');
  await page.keyboard.press(' ');
  await expect(ghost).toHaveAttribute('aria-checked', 'false');
  await expect(canvas).toHaveAttribute('data-faded-drawn', '0');
  await page.keyboard.press(' ');
  await expect(canvas).toHaveAttribute('data-faded-drawn', '2');

  // Save the run: the page says where it went.
  await tabTo(page, 'Save', true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved as “/ })).toBeVisible();
  await expectFocusKept(page);

  // The sampling lesson: 3 samples, Train all on the Linear scale, then on Log (arrow keys in the scale's
  // radio group, which the focus enters on its checked radio, Log by default). Each population's result
  // appears only once it has trained.
  const scale = page.getByRole('radiogroup', { name: 'Sampling scale', exact: true });
  const goodModels = (label: string) => page.getByLabel(`Good models: ${label}`, { exact: true });
  await tabTo(page, 'Samples');
  await retype(page, '3');
  await expect.poll(() => linkValue(page, 'samples')).toBe('3');
  await tabTo(page, scale);
  await expect(scale.getByRole('radio', { name: 'Log', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(scale.getByRole('radio', { name: 'Linear', exact: true })).toBeChecked();
  await expect.poll(() => linkValue(page, 'scale')).toBe('linear');
  await expect(goodModels('Linear')).toHaveText('—');
  await tabTo(page, 'Train all');
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect(goodModels('Linear')).toHaveText(/^\d of 3$/, { timeout: 120_000 });
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('finished');
  await tabTo(page, scale, true);
  await page.keyboard.press('ArrowRight');
  await expect(scale.getByRole('radio', { name: 'Log', exact: true })).toBeChecked();
  await expect.poll(() => linkValue(page, 'scale')).toBe('log');
  await expect(goodModels('Log')).toHaveText('—');
  await tabTo(page, 'Train all');
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect(goodModels('Log')).toHaveText(/^\d of 3$/, { timeout: 120_000 });
  await expect(page.locator('.linear-log-verdict')).toContainText('Good models:');
  // The cost chart shows the log population over the linear one, faded.
  await expect.poll(() => drawnCurves(page, 'Cost chart')).toBeGreaterThanOrEqual(6);
  await expectFocusKept(page);

  // The saved run is in Saved work, reached by its tab link.
  await tabTo(page, 'Saved work', true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Saved work' }).locator('tbody tr')).toHaveCount(1);
});

test('panda lab by keyboard: the day settings, Next day, a roll back onto a branch, Save, the caviar and its ghost, the teacher', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=panda&day=100&seed=3&backend=wasm');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const days = page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');

  // α on its slider by arrow key, then the ÷2 and ×2 nudges by Enter: the slider reads each change.
  const slider = page.getByRole('slider', { name: 'Learning rate α', exact: true });
  const alpha = async () =>
    Number(((await slider.getAttribute('aria-valuetext')) ?? '').replace(/^α = /, ''));
  const start = await alpha();
  await tabTo(page, 'Learning rate α');
  await page.keyboard.press('ArrowRight');
  await expect.poll(alpha).toBeGreaterThan(start);
  const nudged = await alpha();
  await tabTo(page, 'Lower α ÷2');
  await page.keyboard.press('Enter');
  await expect.poll(alpha).toBeCloseTo(nudged / 2, 3);
  await tabTo(page, 'Raise α ×2');
  await page.keyboard.press('Enter');
  await expect.poll(alpha).toBeCloseTo(nudged, 3);

  // The other day settings, by arrow key: β1, the mini-batch, the decay, the day's length.
  for (const name of ['Momentum β1 (Adam)', 'Mini-batch size', 'Learning-rate decay']) {
    const select = page.getByRole('combobox', { name, exact: true });
    const before = await select.inputValue();
    await tabTo(page, name);
    await page.keyboard.press('ArrowDown');
    await expect(select).not.toHaveValue(before);
  }
  const dayLength = page.getByRole('radiogroup', { name: 'Day length (steps)', exact: true });
  await tabTo(page, dayLength);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => linkValue(page, 'day')).toBe('150');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => linkValue(page, 'day')).toBe('100');
  await expect(dayLength.getByRole('radio', { name: '100', exact: true })).toBeChecked();

  // Two days, by Enter on Next day (back up the page): the days list grows and the step counts them.
  await reach(page, 'Next day', true);
  await page.keyboard.press('Enter');
  await expect(days).toHaveCount(2, { timeout: 60_000 });
  await expectFocusKept(page);
  await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeEnabled();
  await reach(page, 'Next day', true);
  await page.keyboard.press('Enter');
  await expect(days).toHaveCount(3, { timeout: 60_000 });
  expect(await readNumber(page, 'Step')).toBe(200);

  // Back to day 1: pick it in the days list with the arrow keys, Roll back, then a day on: branch B.
  const dayOne = page.getByRole('radio', { name: /^Day 1 · step 100/ });
  await tabTo(page, page.getByRole('list', { name: 'Days', exact: true }));
  // The lab picks yesterday (day 1) for Roll back, so Tab enters the list there; up to day 0, down again.
  const dayZero = page.getByRole('radio', { name: /^Day 0 \(start\)/ });
  await expect(dayOne).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(dayZero).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(dayOne).toBeChecked();
  await tabTo(page, 'Roll back', true);
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Step')).toBe(100);
  await reach(page, 'Next day', true);
  await page.keyboard.press('Enter');
  await expect(days).toHaveCount(4, { timeout: 60_000 });
  expect(await readText(page, 'Branch')).toBe('B');
  expect(await readNumber(page, 'Step')).toBe(200);

  // Save the tree.
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  await tabTo(page, 'Save');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved as “/ })).toBeVisible();

  // The caviar: 4 models (arrow key in the Population group), run twice; the first run's best stays
  // as a ghost, and its switch hides it.
  const population = page.getByRole('radiogroup', { name: 'Population', exact: true });
  await tabTo(page, population);
  await page.keyboard.press('ArrowLeft');
  await expect(population.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  const status = page.getByRole('status', { name: 'Caviar status' });
  await tabTo(page, 'Run caviar');
  await page.keyboard.press('Enter');
  await expect(status).toContainText(/^4 models × \d+ steps = \d+ model-steps · .*done/, { timeout: 90_000 });
  await expectFocusKept(page);
  // While it ran, Run caviar was disabled and handed the focus to a control beside it: back to it.
  await reach(page, 'Run caviar');
  await page.keyboard.press('Enter');
  const ghostLabel = page.locator('[data-previous-run]');
  await expect(ghostLabel).toBeVisible({ timeout: 90_000 });
  await expect(status).toContainText('done', { timeout: 90_000 });
  const ghost = page.getByRole('switch', { name: 'Show the previous caviar run as a ghost' });
  await tabTo(page, 'Show the previous caviar run as a ghost');
  await page.keyboard.press(' ');
  await expect(ghost).toHaveAttribute('aria-checked', 'false');
  await expect(ghostLabel).toHaveCount(0);
  await page.keyboard.press(' ');
  await expect(ghostLabel).toBeVisible();

  // The teacher's story, beat by beat by Enter (it starts the panda over).
  const says = page.getByRole('status', { name: 'Teacher says' });
  await tabTo(page, 'Start the story', true);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Beat 1 of \d+$/)).toBeVisible({ timeout: 60_000 });
  const firstBeat = await says.textContent();
  await expectFocusKept(page);
  const next = page.getByRole('button', { name: 'Next beat', exact: true });
  await expect(next).toBeEnabled({ timeout: 60_000 });
  await reach(page, 'Next beat', true);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Beat 2 of \d+$/)).toBeVisible({ timeout: 60_000 });
  await expect(says).not.toHaveText(firstBeat ?? '');
  await expectFocusKept(page);
});
