// Export and import: a small search study leaves the page as JSON (its settings, rounds and trials with
// their curves), its curves as CSV and a chart as a PNG at twice its size; the JSON imported into a fresh
// page shows the same leaderboard without training; a file that is not a study is refused with the reason.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseStudyFile, type StudyFile } from '../src/core/export/studyFile';
import { drawnCurves, figure, readout, readText, shot } from './helpers';

const STUDY = 'lab=search&strategy=random&budget=6&steps=100&seed=3';

async function openLab(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
}

/** Clicks a button and returns what it downloaded: the suggested name and the file's bytes. */
async function download(
  page: Page,
  name: string,
): Promise<{ fileName: string; path: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** The leaderboard's rows as the learner reads them. */
async function leaderboard(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Leaderboard', exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...(r as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim()).join(' | '),
      ),
    );
}

/** Width and height from a PNG's header (the IHDR chunk, right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a study leaves as JSON, CSV and PNG, and the JSON comes back into a fresh page as it was', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await openLab(page, STUDY);
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 120_000 }).toBe('finished');
  const rows = await leaderboard(page);
  expect(rows).toHaveLength(6);
  const curves = await drawnCurves(page, 'Study curves');
  expect(curves).toBeGreaterThanOrEqual(5);

  // JSON: the settings, one round, six trials with their values, costs and curves; valid by the schema.
  const json = await download(page, 'Export study (JSON)');
  expect(json.fileName).toBe('study-3-random.json');
  const parsed = parseStudyFile(json.bytes.toString('utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const file: StudyFile = parsed.file;
  expect(file).toMatchObject({ source: 'playground', strategy: 'random', budget: 6, seed: 3, steps: 100 });
  expect(file.space.learningRate).toEqual({ scale: 'log', low: 0.0001, high: 1 });
  expect(file.rounds).toHaveLength(1);
  expect(file.rounds[0].trialIds).toEqual([1, 2, 3, 4, 5, 6]);
  expect(file.trials).toHaveLength(6);
  for (const t of file.trials) {
    expect(t.values.learningRate).toBeGreaterThanOrEqual(1e-4);
    expect(t.values.learningRate).toBeLessThanOrEqual(1);
    expect(['finished', 'diverged']).toContain(t.status);
    if (t.status === 'finished') {
      expect(t.devCost).toBeGreaterThan(0);
      expect(t.devAccuracy).toBeGreaterThan(0);
    }
    expect(t.curve?.trainStep.length).toBeGreaterThan(10);
    expect(t.curve?.trainStep.length).toBeLessThanOrEqual(300);
    expect(t.curve?.devStep.length).toBeGreaterThan(0);
  }

  // CSV of the study curves: the header, then one row per measured step of each trial.
  const csv = await download(page, 'Download CSV of Study curves');
  expect(csv.fileName).toBe('study-curves.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  expect(header.slice(0, 4)).toEqual(['step', 'model', 'round', 'strategy']);
  expect(header).toContain('learningRate');
  expect(header.slice(-3)).toEqual(['train_cost', 'dev_cost', 'dev_accuracy']);
  const body = lines.slice(1).map((l) => l.split(','));
  const models = new Set(body.map((r) => r[1]));
  expect([...models].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  // Every step of a trial has its train cost (a row each), and the dev evaluations fall on those steps:
  // one row per step trained.
  const stepsOf = (model: string) => body.filter((r) => r[1] === model).map((r) => Number(r[0]));
  for (const t of file.trials) {
    const steps = stepsOf(String(t.id));
    expect(steps).toEqual(Array.from({ length: t.steps }, (_, i) => i + 1));
  }
  expect(body).toHaveLength(file.trials.reduce((n, t) => n + t.steps, 0));
  expect(body.filter((r) => r[header.indexOf('dev_cost')] !== '').length).toBeGreaterThanOrEqual(6 * 4);
  const lr = header.indexOf('learningRate');
  const byTrial = new Map(file.trials.map((t) => [String(t.id), t.values.learningRate]));
  for (const r of body) expect(Number(r[lr])).toBe(byTrial.get(r[1]));

  // PNG of the study curves: twice the figure's size on screen, with the canvas's curves in it.
  const chart = figure(page, 'Study curves');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const canvasBox = await chart.locator('canvas.curve-canvas').boundingBox();
  if (!box || !canvasBox) throw new Error('no study curves');
  const png = await download(page, 'Download PNG of Study curves');
  expect(png.fileName).toBe('study-curves.png');
  const size = pngSize(png.bytes);
  expect(Math.abs(size.width - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(size.height - 2 * box.height)).toBeLessThanOrEqual(2);
  // The curves are viridis colours on a white plot with grey grid and text: count coloured pixels where
  // the canvas is.
  const coloured = await page.evaluate(
    async ({ data, area }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(area.x, area.y, area.width, area.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        const hi = Math.max(px[i], px[i + 1], px[i + 2]);
        const lo = Math.min(px[i], px[i + 1], px[i + 2]);
        if (hi - lo > 60) n++;
      }
      return n;
    },
    {
      data: png.bytes.toString('base64'),
      area: {
        x: Math.round(2 * (canvasBox.x - box.x)),
        y: Math.round(2 * (canvasBox.y - box.y)),
        width: Math.round(2 * canvasBox.width),
        height: Math.round(2 * canvasBox.height),
      },
    },
  );
  expect(coloured, 'the curves drawn on the canvas are in the PNG').toBeGreaterThan(500);

  // An SVG chart too: the parallel coordinates, at twice its size.
  const pc = figure(page, 'Parallel coordinates');
  await pc.scrollIntoViewIfNeeded();
  const pcBox = await pc.boundingBox();
  if (!pcBox) throw new Error('no parallel coordinates');
  const pcPng = pngSize((await download(page, 'Download PNG of Parallel coordinates')).bytes);
  expect(Math.abs(pcPng.width - 2 * pcBox.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(pcPng.height - 2 * pcBox.height)).toBeLessThanOrEqual(2);

  // A fresh page with the default study: import the JSON, and the study is back as it was, untrained.
  const fresh = await context.newPage();
  await openLab(fresh, 'lab=search');
  await expect(
    fresh.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr'),
  ).toHaveCount(0);
  await fresh.getByLabel('Import study', { exact: true }).setInputFiles(json.path);
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Imported 6 trials from a playground study' }),
  ).toBeVisible();
  await expect.poll(() => leaderboard(fresh)).toEqual(rows);
  await expect(readout(fresh, 'Study status')).toHaveText('finished');
  await expect.poll(() => drawnCurves(fresh, 'Study curves')).toBe(curves);
  await expect(fresh.locator('path.search-pc-line')).toHaveCount(6);
  await expect(fresh).toHaveURL(/budget=6/);
  await expect(fresh).toHaveURL(/seed=3/);
  await expect(fresh).toHaveURL(/steps=100/);
  await shot(fresh, 'export-imported');

  // A corrupt file, picked or dropped, is refused with its reason at the control; nothing else changes.
  const input = fresh.getByLabel('Import study', { exact: true });
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "hyperparameter-playground/study", "trials": ['),
  });
  const alert = fresh.getByRole('alert').filter({ hasText: 'broken.json was not imported' });
  await expect(alert).toContainText('This is not JSON');
  await expect.poll(() => leaderboard(fresh)).toEqual(rows);
  const wrong = JSON.parse(json.bytes.toString('utf8'));
  wrong.trials[0].devCost = 'low';
  await fresh.evaluate((text) => {
    const lab = document.querySelector('main.search-lab');
    if (!lab) throw new Error('no lab');
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'edited.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      lab.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, JSON.stringify(wrong));
  await expect(fresh.getByRole('alert').filter({ hasText: 'edited.json was not imported' })).toContainText(
    'not valid at trials.0.devCost',
  );
  await expect.poll(() => leaderboard(fresh)).toEqual(rows);
  await expect(readout(fresh, 'Study status')).toHaveText('finished');

  // What the exported Optuna script writes: no curves. The leaderboard and the plots still fill.
  const optuna = JSON.parse(json.bytes.toString('utf8'));
  optuna.source = 'optuna';
  optuna.sampler = 'tpe';
  for (const t of optuna.trials) delete t.curve;
  await input.setInputFiles({
    name: 'results.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(optuna)),
  });
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Imported 6 trials from an Optuna study' }),
  ).toBeVisible();
  await expect.poll(() => leaderboard(fresh)).toEqual(rows);
  await expect(fresh.locator('path.search-pc-line')).toHaveCount(6);
  await expect(figure(fresh, 'Study curves')).toContainText('came without curves');
});
