// A shared link restores the experiment; a broken one names its bad fields and the page still trains.
import { expect, test } from '@playwright/test';
import { openPlayground, readNumber, shot, waitForStep } from './helpers';

const hashOf = (url: string) => decodeURIComponent(new URL(url).hash);

test('a shared link restores the controls, and changing one updates the link', async ({ page }) => {
  await openPlayground(
    page,
    'dataset=circles&hidden=8,8,8&bn=1,0,1&lr=0.003&optimizer=momentum&seed=42&batch=64',
  );

  const dataset = page.getByRole('combobox', { name: 'Dataset', exact: true });
  await expect(dataset).toHaveValue('circles');
  await expect(page.getByRole('switch', { name: 'Batch norm layer 1', exact: true })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Batch norm layer 2', exact: true })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Batch norm layer 3', exact: true })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Batch norm layer 4', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('42');

  await dataset.selectOption('moons');
  await expect.poll(() => hashOf(page.url())).toContain('dataset=moons');
  const hash = hashOf(page.url());
  expect(hash).toContain('lab=playground');
  expect(hash).toContain('lr=0.003');
  expect(hash).toContain('optimizer=momentum');
  expect(hash).toContain('seed=42');
  expect(hash).toContain('hidden=8,8,8');
  expect(hash).toContain('bn=1,0,1');

  await page.getByRole('switch', { name: 'Batch norm layer 2', exact: true }).click();
  await expect.poll(() => hashOf(page.url())).toMatch(/(^|[#&])bn=1(&|$)|(^|[#&])bn=1,1,1(&|$)/);
});

test('a broken link names the bad fields and the page still trains', async ({ page }) => {
  await openPlayground(page, 'lr=abc&hidden=16,x&seed=7');

  const notice = page.getByRole('alert').filter({ hasText: 'hidden' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('lr');
  await expect(notice).toContainText('hidden');
  // The good field still applies.
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');

  await shot(page, 'link-notice');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 10);
  expect(await readNumber(page, 'Step')).toBeGreaterThanOrEqual(10);
});
