// The shared foundation as a learner meets it: one training worker for every screen, labs that keep
// their work when the learner switches tabs (and say what paused), links that survive the round trip,
// and a worker that dies being said in words with a way back.
import { expect, type Page, test } from '@playwright/test';
import { drawnCurves, readNumber, readText, shot, waitForStep } from './helpers';

function tab(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name, exact: true });
}

function days(page: Page) {
  return page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');
}

function leaderboardRows(page: Page) {
  return page.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr');
}

test('three panda days and a study survive a walk through every tab, on one training worker', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=panda&day=100&seed=2');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  for (let d = 2; d <= 4; d++) {
    await page.getByRole('button', { name: 'Next day', exact: true }).click();
    await expect(days(page)).toHaveCount(d, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Next day', exact: true })).toBeEnabled();
  }
  expect(await readNumber(page, 'Step')).toBe(300);

  await tab(page, 'Search lab').click();
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  await page
    .getByRole('spinbutton', { name: /budget/i })
    .first()
    .fill('9');
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  await expect(leaderboardRows(page)).toHaveCount(9);
  const leaderboard = await leaderboardRows(page).allInnerTexts();
  const studyHash = new URL(page.url()).hash;
  expect(studyHash).toContain('budget=9');

  await tab(page, 'Batch-norm lab').click();
  await expect(page.getByRole('heading', { name: /Batch/ }).first()).toBeVisible();
  await tab(page, 'Playground').click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();

  // Back in the panda lab: every day as it was.
  await tab(page, 'Panda vs caviar').click();
  await expect(days(page)).toHaveCount(4);
  expect(await readNumber(page, 'Step')).toBe(300);
  expect(await readText(page, 'Day')).toBe('3');
  // Back in the search lab: the same leaderboard, the same curves, the same link.
  await tab(page, 'Search lab').click();
  await expect(leaderboardRows(page)).toHaveCount(9);
  expect(await leaderboardRows(page).allInnerTexts()).toEqual(leaderboard);
  expect(await drawnCurves(page, 'Study curves')).toBeGreaterThanOrEqual(7);
  await expect.poll(() => new URL(page.url()).hash).toBe(studyHash);
  await shot(page, 'foundation-search-after-tabs');

  // Every screen trained through the one worker.
  expect(page.workers()).toHaveLength(1);
});

test('a run training when the learner leaves pauses, says so on return, and resumes', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#lab=playground&dataset=spiral&steps=100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 50);
  await tab(page, 'Search lab').click();
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  await tab(page, 'Playground').click();
  const away = page.getByRole('status').filter({ hasText: 'Paused while you were in the Search lab.' });
  await expect(away).toBeVisible();
  await expect.poll(() => readText(page, 'Status')).toBe('paused');
  const step = await readNumber(page, 'Step');
  // One way back: the notice points at the run buttons' Resume rather than adding a second one.
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(away).toHaveCount(0);
  await waitForStep(page, step + 20);
  expect(await readText(page, 'Status')).toBe('training');
});

test('a link with a scenario’s keys survives a round trip through the tabs', async ({ page }) => {
  await page.goto('/#lab=panda&day=150&teacher=alpha&lr=0.002&seed=7');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toContain('day=150');
  const hash = new URL(page.url()).hash;
  await tab(page, 'Playground').click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await tab(page, 'Panda vs caviar').click();
  await expect.poll(() => new URL(page.url()).hash).toBe(hash);
  expect(hash).toContain('teacher=alpha');
  expect(hash).toContain('seed=7');
});

test('an unknown lab opens the playground with a notice that names it', async ({ page }) => {
  await page.goto('/#lab=pandas');
  const notice = page.getByRole('alert', { name: 'Link notices' });
  await expect(notice).toContainText('"lab": "pandas" is not a lab of this playground');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});

test('a worker that dies is said in words, and “Restart the training worker” trains again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#lab=playground&dataset=spiral&steps=100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 30);
  const [worker] = page.workers();
  // The worker ends itself from inside, as a crash would: the page gets no event for it.
  await worker.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  const banner = page.getByRole('alert', { name: 'Training worker' });
  await expect(banner).toContainText('The training worker stopped.', { timeout: 30_000 });
  await expect.poll(() => readText(page, 'Status')).toBe('stopped');
  await shot(page, 'foundation-worker-lost');
  await banner.getByRole('button', { name: 'Restart the training worker' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('training');
  await waitForStep(page, 30);
});

const HUGE = 'dataset=digits&hidden=256,256,256,256,256,256,256,256&bn=1&batch=1438&samples=64';

test('a population too big for the page is refused before it starts, with the estimate', async ({ page }) => {
  await page.goto(`/#lab=playground&${HUGE}`);
  const trainAll = page.getByRole('button', { name: 'Train all', exact: true });
  await expect(trainAll).toBeDisabled();
  const reason = page.locator('.blocked-reason').filter({ hasText: '64 models of 8×256' });
  await expect(reason).toContainText(/64 models of 8×256 with mini-batch 1,438 need ≈ \d+(\.\d+)? GB/);
  await expect(reason).toContainText(
    'this page can use ≈ 2 GB: lower the samples, the units or the mini-batch',
  );
  // The single model fits: Train stays available.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  expect(page.workers()).toHaveLength(0); // nothing was sent to a worker
});

test('a run that exhausts wasm memory anyway ends with “ran out of memory”, and the next run trains', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // ?limits=off is the test switch that skips the estimate, so the worker really runs out of memory.
  await page.goto(`/?limits=off#lab=playground&${HUGE}&backend=wasm`);
  await page.getByRole('button', { name: 'Train all', exact: true }).click();
  const error = page.getByRole('alert', { name: 'Error' });
  await expect(error).toContainText('ran out of memory', { timeout: 240_000 });
  await expect.poll(() => readText(page, 'Status')).toBe('error');
  await shot(page, 'foundation-out-of-memory');
  await page.goto('/?limits=off#lab=playground&dataset=spiral&backend=wasm&steps=100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 30);
  expect(await readText(page, 'Backend')).toMatch(/^wasm/);
});
