// Lesson scenes in the batch-norm lab, as an instructor plays them in presenter mode: a scene opens
// from its link with only the panels it needs, asks the class to predict, hides what would give the
// answer away, trains on Reveal, and sets the measured numbers beside the prediction. Every assertion
// reads the lab's own readouts and applies the scene's stated rule to them: no answer is hard-coded.
import { expect, type Page, test } from '@playwright/test';
import { sceneById } from '../src/core/scenes/sceneCatalog';
import { readText, SCREENSHOT_DIR } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

async function openScene(page: Page, hash: string, title: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByRole('heading', { name: `Scene: ${title}` })).toBeVisible();
  const current = page.getByRole('navigation', { name: 'Scenes' }).locator('a[aria-current="step"]');
  await expect(current).toHaveText(title);
}

test('does batch norm help: predict, reveal, and the verdict follows the measured good-α counts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openScene(
    page,
    'lab=batchnorm&scenario=three-sigmoid-digits&sweep=0.01,10,5,200&backend=wasm&scene=does-it-help&present=1',
    'Does batch norm help?',
  );
  // Only the panel the scene needs; its answer hidden until Reveal.
  await expect(page.getByRole('region', { name: 'Normalizing inputs' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Does it help?' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'The comparison and the sweep hidden' })).toBeVisible();
  const reveal = page.getByRole('button', { name: 'Reveal' });
  await expect(reveal).toBeDisabled();
  const question = page.getByRole('radiogroup', {
    name: 'Which α range trains well with batch norm, compared with the same net without it?',
  });
  await question.getByRole('radio', { name: 'A wider range' }).check();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-does-it-help-predict.png` });
  await reveal.click();

  const outcome = page.getByLabel('Scene outcome');
  await expect(outcome).toHaveText(/Measured:/, { timeout: 200_000 });
  await expect(page.getByText(/^Measured:/)).toBeVisible();
  const count = (t: string) => Number(t.match(/^(\d+) of 5 values$/)?.[1] ?? Number.NaN);
  const on = count(await readText(page, 'Good α with batch norm'));
  const off = count(await readText(page, 'Good α without batch norm'));
  const bar = await readText(page, 'Good α threshold');
  expect(Number.isFinite(on) && Number.isFinite(off)).toBe(true);
  const text = (await outcome.textContent()) ?? '';
  expect(text).toContain('You predicted: A wider range.');
  expect(text).toContain(
    `${on} of 5 α good with batch norm, ${off} of 5 without (good: dev accuracy ≥ ${bar})`,
  );
  // The scene's rule, applied to the readouts.
  const supported = on > off ? 'A wider range' : on === off ? 'The same range' : 'A narrower range';
  expect(text).toContain(`The numbers support: ${supported}`);
  await expect(page.getByText(/^Rule: A good α ends within 90 %/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-does-it-help-reveal.png` });
  console.log(`does-it-help scene: good α ${on} of 5 with, ${off} of 5 without, bar ${bar}`);
});

test('normalizing inputs: the verdict follows the ratio of the two measured largest α', async ({ page }) => {
  await openScene(page, 'lab=batchnorm&scene=normalizing-inputs&present=1', 'Normalizing inputs');
  await expect(page.getByRole('region', { name: 'Does it help?' })).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'The table of measured α and steps hidden' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Learning rate and steps, raw vs normalized' })).toHaveCount(
    0,
  );
  await page
    .getByRole('radiogroup', { name: /How much larger an α does the normalized bowl take/ })
    .getByRole('radio', { name: 'A few times larger (1.5× to 10×)' })
    .check();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-normalizing-inputs-predict.png` });
  await page.getByRole('button', { name: 'Reveal' }).click();
  const raw = await readText(page, 'Largest converging learning rate (raw)');
  const normalized = await readText(page, 'Largest converging learning rate (normalized)');
  const outcome = page.getByLabel('Scene outcome');
  await expect(outcome).toHaveText(/Measured:/);
  const text = (await outcome.textContent()) ?? '';
  expect(text).toContain(`largest converging α ${raw} raw, ${normalized} normalized`);
  // The displayed ratio, bucketed by the stated rule.
  const ratio = Number(text.match(/\(([\d.]+)×\)/)?.[1]);
  expect(ratio).toBeCloseTo(Number(normalized) / Number(raw), 1);
  const supported =
    ratio < 1.5
      ? 'About the same (under 1.5×)'
      : ratio < 10
        ? 'A few times larger (1.5× to 10×)'
        : 'Ten times or more';
  expect(text).toContain(`The numbers support: ${supported}`);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-normalizing-inputs-reveal.png` });
});

// The → / ← keys are registered (SceneBar) but the batch-norm lab's own Space/F registration, made
// after it, takes every key (src/ui/shortcuts.ts uses the last registration only): the keys wait on
// the registry falling through to earlier registrations. The Scenes list is what moves here.
test('scenes: the Scenes list moves through the lab’s scenes; an unknown scene gives a notice', async ({
  page,
}) => {
  await openScene(page, 'lab=batchnorm&scene=step-by-step&present=1', 'Batch norm step by step');
  await expect(page.getByRole('region', { name: 'Does it help?' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-step-by-step.png` });
  const list = page.getByRole('navigation', { name: 'Scenes' });
  await list.getByRole('link', { name: 'Test time' }).click();
  await expect(page.getByRole('heading', { name: 'Scene: Test time' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/scene=test-time&present=1$/);
  await expect(page.getByRole('region', { name: 'Test time' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-test-time.png` });

  await page.goto('/#lab=batchnorm&scene=no-such-scene');
  await expect(page.getByRole('alert', { name: 'Link notices' })).toContainText(
    '“no-such-scene” is no scene',
  );
  await expect(page.getByRole('region', { name: 'Scene' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Does it help?' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('scene=');
});

// The playground's α scenes: Reveal trains the scene's one model; the verdict is the scene's rule applied
// to the numbers the outcome states, and its last dev cost is the one the readouts show.
for (const [id, title, choice] of [
  ['alpha-too-small', 'α too small', 'It barely moves'],
  ['alpha-about-right', 'α about right', 'It falls well below where it started'],
  ['alpha-too-big', 'α too big', 'It jumps around or blows up'],
] as const) {
  test(`${title}: predict, reveal, and the verdict follows the run's dev costs`, async ({ page }) => {
    test.setTimeout(180_000);
    // The scene's own link, as the Scenes list gives it (its α read back for the question's wording).
    const params = sceneById(id)?.params ?? '';
    const rate = new URLSearchParams(params).get('lr');
    await openScene(page, `lab=playground&${params}&backend=wasm&scene=${id}&present=1`, title);
    await expect(page.getByRole('alert', { name: 'Link notices' })).toHaveCount(0);
    await expect(page.getByRole('note', { name: 'The cost chart hidden' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'The readout panel hidden' })).toBeVisible();
    await page
      .getByRole('radiogroup', { name: `With α = ${rate}, what does the dev cost do over the run?` })
      .getByRole('radio', { name: choice })
      .check();
    if (id === 'alpha-too-small')
      await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-${id}-predict.png` });
    await page.getByRole('button', { name: 'Reveal' }).click();
    const outcome = page.getByLabel('Scene outcome');
    await expect(outcome).toHaveText(/Measured:/, { timeout: 150_000 });
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain(`You predicted: ${choice}.`);
    const label = (c: string | null) =>
      c === 'barely'
        ? 'It barely moves'
        : c === 'learns'
          ? 'It falls well below where it started'
          : c === 'unstable'
            ? 'It jumps around or blows up'
            : null;
    let supported: string | null;
    if (/the run diverged/.test(text)) {
      expect(await readText(page, 'Dev cost')).toBe('diverged');
      supported = 'unstable';
    } else {
      const m = text.match(
        /first dev cost ([\d.e-]+), mean of the last 3 dev costs ([\d.e-]+); last dev cost ([\d.e-]+)/,
      );
      expect(m).not.toBeNull();
      // A number at the end of a sentence carries its full stop.
      const [start, final, last] = [m?.[1], m?.[2], m?.[3]].map((t) => (t ?? '').replace(/\.$/, ''));
      expect(await readText(page, 'Dev cost')).toBe(last);
      const ratio = Number(final) / Number(start);
      supported = ratio > 1 ? 'unstable' : ratio >= 0.9 ? 'barely' : ratio <= 0.5 ? 'learns' : null;
      console.log(`${id}: first dev cost ${start}, final mean ${final}, last ${last}, ratio ${ratio}`);
    }
    if (supported === null) expect(text).toContain('These numbers support none of the choices.');
    else expect(text).toContain(`The numbers support: ${label(supported)}`);
    // Revealed: the answer panels are back.
    await expect(page.getByRole('note', { name: 'The cost chart hidden' })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-${id}-reveal.png` });
  });
}

test('grid vs random: Reveal repeats over seeds and the verdict follows the seed count', async ({ page }) => {
  test.setTimeout(300_000);
  await openScene(
    page,
    'lab=search&opt=adam&seed=1&backend=wasm&scene=grid-vs-random&present=1',
    'Grid vs random',
  );
  await expect(page.getByRole('note', { name: 'The leaderboard hidden' })).toBeVisible();
  await page
    .getByRole('radiogroup', {
      name: 'On most seeds, which finds the lower dev cost: the grid or random search?',
    })
    .getByRole('radio', { name: 'Random search' })
    .check();
  await page.getByRole('button', { name: 'Reveal' }).click();
  const outcome = page.getByLabel('Scene outcome');
  await expect(outcome).toHaveText(/Measured:/, { timeout: 280_000 });
  const line = (
    (await page
      .getByRole('status', { name: 'Random vs grid over seeds' })
      .or(page.getByLabel('Random vs grid over seeds'))
      .first()
      .textContent()) ?? ''
  ).trim();
  const m = line.match(/^Random beat the grid on (\d+) of (\d+) seeds?$/);
  expect(m).not.toBeNull();
  const [wins, seeds] = [Number(m?.[1]), Number(m?.[2])];
  const text = (await outcome.textContent()) ?? '';
  expect(text).toContain(`Measured: ${line}.`);
  const supported = wins * 2 > seeds ? 'Random search' : wins * 2 < seeds ? 'The grid' : 'Neither: they tie';
  expect(text).toContain(`The numbers support: ${supported}`);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-grid-vs-random-reveal.png` });
  console.log(`grid-vs-random scene: random beat the grid on ${wins} of ${seeds} seeds`);
});

test('the teacher’s story opens at its first beat, and → plays the next one', async ({ page }) => {
  test.setTimeout(180_000);
  await openScene(
    page,
    'lab=panda&day=100&teacher=alpha&scene=teachers-story&present=1',
    'The teacher’s story',
  );
  // Caption only: nothing to predict, and only the babysat model's panel.
  await expect(page.getByRole('button', { name: 'Reveal' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Caviar' })).toHaveCount(0);
  const says = page.getByRole('status', { name: 'Teacher says' });
  await expect(says).toHaveText(/^Day 1\. A cautious start/);
  await expect(page.getByText(/^Beat 1 of 6$/)).toBeVisible();
  const days = page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem');
  await expect(page.getByRole('button', { name: 'Next beat', exact: true })).toBeEnabled({ timeout: 90_000 });
  const daysAfterFirst = await days.count();
  await page.getByRole('heading', { name: 'Panda: one model, day by day' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Beat 2 of 6$/)).toBeVisible({ timeout: 60_000 });
  await expect(says).toHaveText(/α is too small/);
  // Still this scene: → belongs to the teacher here, not to the scene list.
  await expect(page.getByRole('heading', { name: 'Scene: The teacher’s story' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next beat', exact: true })).toBeEnabled({ timeout: 90_000 });
  await expect(days).toHaveCount(daysAfterFirst + 1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-teachers-story.png` });
});

test('caviar on equal compute: the verdict follows the two best dev costs in the comparison table', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openScene(
    page,
    'lab=panda&day=100&seed=2&scene=caviar-equal-compute&present=1',
    'Caviar on equal compute',
  );
  await expect(page.getByRole('region', { name: 'Panda' })).toHaveCount(0);
  await expect(
    page.getByRole('note', { name: 'The caviar run and the equal-compute comparison hidden' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Equal-compute comparison' })).toHaveCount(0);
  const reveal = page.getByRole('button', { name: 'Reveal' });
  await expect(reveal).toBeDisabled();
  const q = sceneById('caviar-equal-compute')?.question;
  if (!q) throw new Error('the caviar scene asks a question');
  await page
    .getByRole('radiogroup', { name: q.prompt })
    .getByRole('radio', { name: 'Panda (one model, babysat)' })
    .check();
  await reveal.click();

  const outcome = page.getByLabel('Scene outcome');
  await expect(outcome).toHaveText(/Measured:/, { timeout: 280_000 });
  const table = page.getByRole('table', { name: 'Equal-compute comparison' });
  const cells = async (name: string) =>
    table
      .getByRole('row', { name: new RegExp(`^${name}`) })
      .getByRole('cell')
      .allTextContents();
  const [, pandaSteps, pandaBest] = await cells('Panda \\(one model');
  const [, caviarSteps, caviarBest] = await cells('Caviar \\(many models');
  const text = (await outcome.textContent()) ?? '';
  expect(text).toContain('You predicted: Panda (one model, babysat).');
  expect(text).toContain(
    `best dev cost ${pandaBest} for the panda (${pandaSteps} model-steps), ${caviarBest} for the caviar (${caviarSteps} model-steps)`,
  );
  // The scene's rule, applied to the table's numbers.
  const a = Number(pandaBest);
  const b = Number(caviarBest);
  expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
  const supported =
    Math.abs(a - b) <= 0.02 * Math.max(a, b)
      ? 'About the same'
      : a < b
        ? 'Panda (one model, babysat)'
        : 'Caviar (many models at once)';
  expect(text).toContain(`The numbers support: ${supported}`);
  await expect(page.getByText(/^Rule: The lower of the two best dev costs wins/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/scene-caviar-equal-compute.png` });
  console.log(
    `caviar scene: panda ${pandaBest} (${pandaSteps} steps), caviar ${caviarBest} (${caviarSteps} steps)`,
  );
});
