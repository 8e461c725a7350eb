// After "Zoom in", the readouts and the search-space rows speak of the round just trained, not of
// round 1: the distinct-value counts and the trial count are round 2's (counted here from the
// leaderboard's round-2 rows), and each searched row shows the range round 2 sampled, which holds every
// round-2 trial's value. The study searches α and the number of hidden layers (an integer): zoomed
// around the best, round 2 tries fewer distinct layer counts than round 1 did, so a readout still
// showing round 1 would differ from what round 2's rows hold.
import { expect, type Page, test } from '@playwright/test';
import { parseReadout, readNumber, readText, SCREENSHOT_DIR } from './helpers';

const ROWS = { lr: 'learning rate α', layers: 'hidden layers' } as const;

/** The leaderboard's cells of one column for one round, as the page shows them. */
async function roundColumn(page: Page, round: number, header: string): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Leaderboard', exact: true });
  const headers = await table.locator('thead th').allTextContents();
  const col = headers.findIndex((h) => h.trim().startsWith(header));
  const roundCol = headers.findIndex((h) => h.trim().startsWith('round'));
  expect(col, `leaderboard column ${header}`).toBeGreaterThan(0);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return rows.filter((r) => Number(r[roundCol]) === round).map((r) => r[col].trim());
}

test('after Zoom in, the distinct counts, the trial count and the space rows show round 2', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=search&strategy=random&budget=9&seed=2&steps=150&backend=wasm');
  await expect(page.getByRole('heading', { name: /Search lab/ })).toBeVisible();
  // Search α and the hidden layers (1 to 4); ε stays at its default.
  await page.getByLabel('Scale: Adam ε', { exact: true }).selectOption('fixed');
  await page.getByLabel('Scale: hidden layers', { exact: true }).selectOption('int');
  await page.getByRole('textbox', { name: 'Low: hidden layers', exact: true }).fill('1');
  await page.getByRole('textbox', { name: 'High: hidden layers', exact: true }).fill('4');
  await page.getByRole('button', { name: 'Run study', exact: true }).click();
  await expect.poll(() => readText(page, 'Study status'), { timeout: 150_000 }).toBe('finished');
  const round1Layers = new Set(await roundColumn(page, 1, ROWS.layers)).size;
  expect(await readNumber(page, 'Trials')).toBe(9);
  expect(await readNumber(page, `Distinct values: ${ROWS.layers}`)).toBe(round1Layers);

  // Round 2: the same budget, around the best.
  await page.getByRole('button', { name: 'Select around the best', exact: true }).click({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click({ timeout: 10_000 });
  await expect.poll(() => readText(page, 'Study status'), { timeout: 150_000 }).toBe('finished');
  await expect(page.getByRole('table', { name: 'Leaderboard', exact: true }).locator('tbody tr')).toHaveCount(
    18,
  );
  const round2Layers = new Set(await roundColumn(page, 2, ROWS.layers)).size;
  console.log(`distinct hidden layers: round 1 ${round1Layers}, round 2 ${round2Layers}`);
  // The test tells the rounds apart only where their counts differ.
  expect(round2Layers).toBeLessThan(round1Layers);

  // The readouts: counted from the leaderboard's round-2 rows.
  for (const [key, label] of Object.entries(ROWS)) {
    const values = await roundColumn(page, 2, label);
    expect(values, `round 2 ${key}`).toHaveLength(9);
    expect(await readNumber(page, `Distinct values: ${label}`)).toBe(new Set(values).size);
  }
  // Round 2's own trials, not the 18 of both rounds.
  expect(await readNumber(page, 'Trials')).toBe(9);
  await expect(page.getByText('Round 2 (the latest):')).toBeVisible();

  // The rows: round 2's range, inside round 1's, holding every round-2 value.
  for (const label of Object.values(ROWS)) {
    const text = await readText(page, `Round 2 range: ${label}`);
    const m = text.match(/^(\S+) to (\S+) \(/);
    expect(m, `range text "${text}"`).not.toBeNull();
    const [low, high] = [parseReadout(m![1]), parseReadout(m![2])];
    const [low1, high1] = [
      parseReadout(await page.getByRole('textbox', { name: `Low: ${label}`, exact: true }).inputValue()),
      parseReadout(await page.getByRole('textbox', { name: `High: ${label}`, exact: true }).inputValue()),
    ];
    expect(low).toBeGreaterThanOrEqual(low1 * 0.999);
    expect(high).toBeLessThanOrEqual(high1 * 1.001);
    expect(high / low).toBeLessThan(high1 / low1);
    for (const v of await roundColumn(page, 2, label)) {
      // The leaderboard rounds to 3 significant digits, so the bounds get the same slack.
      expect(parseReadout(v)).toBeGreaterThanOrEqual(low * 0.995);
      expect(parseReadout(v)).toBeLessThanOrEqual(high * 1.005);
    }
    console.log(`round 2 ${label}: ${text} (round 1: ${low1} to ${high1})`);
  }
  await page
    .getByRole('region', { name: 'Search space' })
    .screenshot({ path: `${SCREENSHOT_DIR}/search-zoom-round2-space.png` });
  await page
    .getByRole('figure', { name: 'Samples and results' })
    .screenshot({ path: `${SCREENSHOT_DIR}/search-zoom-round2-scatter.png` });
});
