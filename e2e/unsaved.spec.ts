// Nothing a learner made is lost silently: while a lab holds work a reload would lose (a run training
// or paused, a finished run or comparison not saved), the page asks before it goes and names that work
// in the header; once nothing would be lost it does not ask. A tab switch mid-run shows one Resume.
// Chromium asks on leaving only after a real click on the page, so every reload here follows one.
import { expect, type Page, test } from '@playwright/test';
import { openPlayground, readNumber, readText, waitForStep } from './helpers';

/** The dialogs the page raises from now on (each accepted, so a reload goes through). */
function recordDialogs(page: Page): string[] {
  const types: string[] = [];
  page.on('dialog', (dialog) => {
    types.push(dialog.type());
    void dialog.accept();
  });
  return types;
}

function unsavedNote(page: Page) {
  return page
    .getByRole('banner')
    .getByRole('status')
    .filter({ hasText: /^Unsaved: / });
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('the playground asks before a reload mid-run, and not before any run', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'lab=playground&dataset=spiral&steps=100000');
  const dialogs = recordDialogs(page);
  // A click that trains nothing: the page has its user gesture, and nothing to lose.
  await page.getByRole('heading', { level: 1 }).click();
  await expect(unsavedNote(page)).toHaveCount(0);
  await reload(page);
  expect(dialogs).toEqual([]);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 20);
  await expect(unsavedNote(page)).toHaveText(
    'Unsaved: playground run (not finished). A reload or closing the tab loses it.',
  );
  await reload(page);
  expect(dialogs).toEqual(['beforeunload']);
  // The reload went through: the settings came back from the link, the run did not.
  await expect.poll(() => readText(page, 'Status')).not.toBe('training');
  await expect(unsavedNote(page)).toHaveCount(0);
});

test('a finished playground run asks until it is saved', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'lab=playground&dataset=spiral&steps=150&seed=4');
  const dialogs = recordDialogs(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readText(page, 'Status'), { timeout: 60_000 }).toBe('finished');
  await expect(unsavedNote(page)).toHaveText(
    'Unsaved: playground run. A reload or closing the tab loses it.',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved as “/ })).toBeVisible();
  await expect(unsavedNote(page)).toHaveCount(0);
  await reload(page);
  expect(dialogs).toEqual([]);
});

test('an unsaved batch-norm comparison asks before a reload', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/#lab=batchnorm&steps=100');
  await expect(page.getByRole('heading', { name: 'Batch norm step by step' })).toBeVisible();
  const dialogs = recordDialogs(page);
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByLabel('Lab status')).toHaveText(/comparison: finished/, { timeout: 110_000 });
  await expect(unsavedNote(page)).toHaveText(
    'Unsaved: batch-norm comparison. A reload or closing the tab loses it.',
  );
  await reload(page);
  expect(dialogs).toEqual(['beforeunload']);
});

test('after a tab switch mid-run the playground shows one Resume, and it resumes', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'lab=playground&dataset=spiral&steps=100000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 20);
  const tabs = page.getByRole('navigation', { name: 'Labs' });
  await tabs.getByRole('link', { name: 'Search lab', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  // Paused, not finished: every screen names it.
  await expect(unsavedNote(page)).toHaveText(/^Unsaved: playground run \(not finished\)/);
  await tabs.getByRole('link', { name: 'Playground', exact: true }).click();
  const away = page.getByRole('status').filter({ hasText: 'Paused while you were in the Search lab.' });
  await expect(away).toBeVisible();
  await expect.poll(() => readText(page, 'Status')).toBe('paused');
  const resume = page.getByRole('button', { name: 'Resume', exact: true });
  await expect(resume).toHaveCount(1);
  await expect(resume).toBeVisible();
  const step = await readNumber(page, 'Step');
  await resume.click();
  await expect(away).toHaveCount(0);
  await waitForStep(page, step + 20);
  expect(await readText(page, 'Status')).toBe('training');
});
