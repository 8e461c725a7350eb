// Keyboard-only use: the shortcut keys (listed on `?`), focus that never drops to <body> when a button
// disables itself, no unnamed tab stops in the charts, and one visible focus ring on every kind of control.
import { expect, type Page, test } from '@playwright/test';
import { openPlayground, readNumber, readText, waitForStep } from './helpers';

/** What has the focus: its tag, and its accessible name where it has one. */
async function focused(page: Page): Promise<{ tag: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? 'none',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
    };
  });
}

/** The focused element's outline, as drawn. */
async function focusRing(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    // A radio draws its ring round its pill (the label), not the tiny input.
    const target = el.matches('input[type="radio"]') ? (el.closest('label') ?? el) : el;
    const s = getComputedStyle(target);
    return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
  });
}

test('`?` lists the shortcuts; Space trains and pauses, R resets; keys typed in a field do nothing', async ({
  page,
}) => {
  await openPlayground(page, 'steps=100000&speed=30');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const row of ['Space', '→', '←', 'R', 'F'])
    await expect(dialog.getByRole('cell', { name: row, exact: true })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Train / pause / resume', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typing a space in a field is text, not Train.
  const seed = page.getByLabel('Seed', { exact: true }).first();
  await seed.click();
  await page.keyboard.press(' ');
  await page.keyboard.press('r');
  expect(await readText(page, 'Status')).toBe('ready');

  // Space on the page trains; Space again pauses; R resets.
  await page.locator('main.results h2', { hasText: 'Cost' }).click();
  await page.keyboard.press(' ');
  await waitForStep(page, 5);
  await page.keyboard.press(' ');
  await expect(async () => expect(await readText(page, 'Status')).toBe('paused')).toPass({ timeout: 30_000 });
  const pausedAt = await readNumber(page, 'Step');
  await page.keyboard.press(' ');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 60_000 }).toBeGreaterThan(pausedAt);
  await page.keyboard.press('r');
  await expect.poll(() => readNumber(page, 'Step'), { timeout: 30_000 }).toBe(0);
});

test('F shows the cost chart full screen, and F again leaves', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label') ?? null))
    .toBe('Cost chart');
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
});

test('focus stays on a control when Train, Reset and Next day disable themselves', async ({ page }) => {
  await openPlayground(page, 'steps=30&speed=max');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.focus();
  await page.keyboard.press('Enter');
  await expect(async () => expect(await readText(page, 'Status')).toBe('finished')).toPass({
    timeout: 90_000,
  });
  expect((await focused(page)).tag).not.toBe('body');

  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(reset).toBeDisabled();
  const afterReset = await focused(page);
  expect(afterReset.tag).toBe('button');
  expect(afterReset.name).toBe('Train');

  await page.goto('/#lab=panda&day=100');
  const nextDay = page.getByRole('button', { name: 'Next day', exact: true });
  await nextDay.focus();
  await page.keyboard.press('Enter');
  await expect(nextDay).toBeDisabled();
  const whileTraining = await focused(page);
  expect(whileTraining.tag).toBe('button');
  await expect(page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem')).toHaveCount(2, {
    timeout: 60_000,
  });
  expect((await focused(page)).tag).not.toBe('body');
});

test('on the panda, → plays the teacher’s next beat and Space trains the next day', async ({ page }) => {
  await page.goto('/#lab=panda&day=100');
  await expect(page.getByRole('heading', { name: /Panda vs caviar/ })).toBeVisible();
  await page.getByRole('heading', { name: 'Panda: one model, day by day' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status', { name: 'Teacher says' })).not.toHaveText('Press “Start the story”.');
  await expect(page.getByText(/^Beat 1 of \d+$/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Next beat', exact: true })).toBeEnabled({ timeout: 60_000 });
  const daysBefore = await page
    .getByRole('list', { name: 'Days', exact: true })
    .getByRole('listitem')
    .count();
  await page.keyboard.press(' ');
  await expect(page.getByRole('list', { name: 'Days', exact: true }).getByRole('listitem')).toHaveCount(
    daysBefore + 1,
    { timeout: 60_000 },
  );
});

for (const lab of ['playground', 'panda', 'saved']) {
  test(`${lab}: charts add no unnamed tab stops, and every control shows the same focus ring`, async ({
    page,
  }) => {
    await page.goto(`/#lab=${lab}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[tabindex]')]
        .filter((el) => el.tabIndex >= 0 && !el.matches('button, a, input, select, textarea, summary'))
        .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    // Walk the page by Tab: every stop is named and shows a solid ring at least 2 px wide.
    const kinds = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          tag: el.tagName.toLowerCase(),
          type: el.getAttribute('type') ?? el.getAttribute('role') ?? '',
          named: Boolean(
            el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              el.textContent?.trim() ||
              (el.id && document.querySelector(`label[for="${el.id}"]`)) ||
              el.closest('label'),
          ),
        };
      });
      if (info.tag === 'body') break;
      expect(info.named, `${info.tag} ${info.type} has a name`).toBe(true);
      const ring = await focusRing(page);
      expect(ring.style, `${info.tag} ${info.type} shows a focus ring`).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      kinds.add(`${info.tag}${info.type ? `:${info.type}` : ''}`);
    }
    console.log(lab, 'focus ring checked on', [...kinds].join(', '));
    if (lab !== 'saved') {
      expect([...kinds].some((k) => k.startsWith('select'))).toBe(true);
      expect([...kinds].some((k) => k.includes('radio'))).toBe(true);
    }
  });
}
