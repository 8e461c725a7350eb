// Keyboard-only walks through the search lab and the batch-norm lab: Tab / Shift+Tab to each main
// control, then Enter, Space or the arrow keys to operate it (and typing, in a text field). At every
// stop the focus is on a named control with a visible ring, never on <body>, and each operation is
// checked by what it changed on the page (a readout, a sort, a link, a count), measured after real
// training in the worker.
import { expect, test } from '@playwright/test';
import { expectFocusKept, readNumber, readText, tabTo } from './helpers';

test('search lab by keyboard: the space editor, Run study, region selection, Zoom in, the sort, Train all three', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=search&strategy=random&budget=9&seed=2&steps=150&backend=wasm');
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // The space editor: a text field (typed), then a scale chosen with the arrow keys.
  await tabTo(page, 'Low: learning rate α');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.001');
  await expect(page).toHaveURL(/lr=log:0\.001:1(&|$)/);
  await tabTo(page, 'Scale: hidden layers');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('textbox', { name: 'Low: hidden layers', exact: true })).toBeVisible();
  await expect(page.getByLabel('Distinct values: hidden layers', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Value: hidden layers', exact: true })).toBeVisible();
  await expect(page.getByLabel('Distinct values: hidden layers', { exact: true })).toHaveCount(0);

  // Run study (back up the page), trained for real.
  await tabTo(page, 'Run study', true);
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect.poll(() => readText(page, 'Study status'), { timeout: 150_000 }).toBe('finished');
  await expectFocusKept(page);
  expect(await readNumber(page, 'Trials')).toBe(9);
  const table = page.getByRole('table', { name: 'Leaderboard', exact: true });
  await expect(table.locator('tbody tr')).toHaveCount(9);

  // The scatter's region, by its keyboard path; then Zoom in trains round 2.
  await tabTo(page, 'Select around the best');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Selected:/)).toBeVisible();
  await tabTo(page, 'Zoom in', true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Rounds' }).getByRole('listitem')).toHaveCount(2);
  await expectFocusKept(page);
  await expect.poll(() => readText(page, 'Study status'), { timeout: 150_000 }).toBe('finished');
  await expect(table.locator('tbody tr')).toHaveCount(18);

  // The leaderboard's sort: the best dev accuracy first.
  await tabTo(page, /^dev accuracy/);
  await page.keyboard.press('Enter');
  await expect(table.locator('th[aria-sort="descending"]')).toHaveText(/dev accuracy/);
  const accuracies = await table.locator('tbody tr').evaluateAll((trs) => {
    const headers = [...document.querySelectorAll('table[aria-label="Leaderboard"] thead th')].map(
      (th) => th.textContent ?? '',
    );
    const col = headers.findIndex((h) => h.startsWith('dev accuracy'));
    return trs.map((tr) => Number.parseFloat(tr.querySelectorAll('td')[col]?.textContent ?? 'NaN'));
  });
  const finite = accuracies.filter(Number.isFinite);
  expect(finite.length).toBeGreaterThan(0);
  expect(accuracies[0]).toBe(Math.max(...finite));

  // The strategy comparison: Train all three, each strategy's best measured.
  await tabTo(page, 'Train all three');
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  for (const s of ['Grid', 'Random', 'Quasi-random'])
    await expect.poll(() => readNumber(page, `Best dev cost: ${s}`), { timeout: 150_000 }).toBeGreaterThan(0);
  await expectFocusKept(page);
});

test('batch-norm lab by keyboard: the setup, step by step, one example, Run comparison and the sweep', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=batchnorm&steps=150&sweep=0.01,10,3,100&backend=wasm');
  await expect(page.getByRole('region', { name: 'The network' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const network = page.getByRole('region', { name: 'The network' });

  // Batch norm off and on with Space: the lab's own description of the network follows.
  const bn = network.getByRole('switch', { name: 'Batch norm', exact: true });
  const before = await bn.getAttribute('aria-checked');
  await tabTo(page, 'Batch norm');
  await page.keyboard.press(' ');
  await expect(bn).not.toHaveAttribute('aria-checked', before ?? '');
  await page.keyboard.press(' ');
  await expect(bn).toHaveAttribute('aria-checked', before ?? '');

  // α with the arrow keys: the lab's α changes (the description says it).
  const slider = network.getByRole('slider', { name: 'Learning rate α' });
  const alphaBefore = await slider.getAttribute('aria-valuetext');
  await tabTo(page, 'Learning rate α');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('range');
  await page.keyboard.press('ArrowRight');
  await expect(slider).not.toHaveAttribute('aria-valuetext', alphaBefore ?? '');
  const alphaText = (await slider.getAttribute('aria-valuetext')) ?? '';
  await expect(network.locator('.bn-lead')).toContainText(`at ${alphaText}`);

  // The running-average momentum by arrow key.
  const momentum = network.getByLabel('Running-average momentum');
  const momentumBefore = await momentum.inputValue();
  await tabTo(page, /^Running-average momentum/);
  await page.keyboard.press('ArrowDown');
  await expect(momentum).not.toHaveValue(momentumBefore);

  // Step: one real step of the network.
  await tabTo(page, 'Step');
  const stepBefore = await readNumber(page, 'Lab step');
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Lab step'), { timeout: 60_000 }).toBe(stepBefore + 1);
  await expectFocusKept(page);

  // Train: the network trains to its step limit (150 in the link), by Enter alone.
  await tabTo(page, 'Train', true);
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect(page.getByLabel('Lab status')).toHaveText('network: finished', { timeout: 90_000 });
  expect(await readNumber(page, 'Lab step')).toBe(150);
  await expectFocusKept(page);

  // Step by step: another layer, another mini-batch.
  const steps = page.getByRole('region', { name: 'Batch norm step by step' });
  await tabTo(page, /^Layer/);
  await page.keyboard.press('ArrowDown');
  await expect(steps.getByLabel('Layer')).toHaveValue('1');
  await tabTo(page, 'New mini-batch');
  await expect(steps.getByText(/mini-batch #1 of/)).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(steps.getByText(/mini-batch #2 of/)).toBeVisible({ timeout: 60_000 });

  // Your own γ by arrow key, then "Set identity": z̃ gives back z (to float rounding).
  await tabTo(page, 'gamma');
  const gammaBefore = await readText(page, 'gamma value');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readText(page, 'gamma value')).not.toBe(gammaBefore);
  await tabTo(page, 'Set identity');
  await page.keyboard.press('Enter');
  await expect.poll(() => readNumber(page, 'Largest difference between z tilde and z')).toBeLessThan(1e-3);

  // One example at a time, both ways.
  await tabTo(page, /^Predict/);
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect
    .poll(() => readNumber(page, 'One example at a time: running averages'), { timeout: 90_000 })
    .toBeGreaterThan(0);

  // Run comparison, then the sweep: each trained to its end.
  await tabTo(page, 'Run comparison');
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 110_000 });
  expect(await readNumber(page, 'Accuracy with batch norm')).toBeGreaterThan(0);
  await expectFocusKept(page);
  await tabTo(page, 'Sweep learning rate');
  await page.keyboard.press('Enter');
  await expectFocusKept(page);
  await expect(page.getByLabel('Good α with batch norm', { exact: true })).toHaveText(/^\d+ of 3 values$/, {
    timeout: 150_000,
  });
  await expectFocusKept(page);
});
