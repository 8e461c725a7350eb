// Each backend can be picked from the link and trains; the Backend readout says which one ran.
import { expect, test } from '@playwright/test';
import { openPlayground, readout, shot, waitForStep } from './helpers';

for (const name of ['webgl', 'wasm', 'cpu'] as const) {
  test(`trains on the ${name} backend`, async ({ page }) => {
    await openPlayground(page, `backend=${name}&steps=200&dataset=spiral`);
    await expect(page.getByRole('combobox', { name: 'Backend choice', exact: true })).toHaveValue(name);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Software WebGL (SwiftShader) is slow: a few dozen steps prove that it trains.
    await waitForStep(page, name === 'webgl' ? 30 : 100);

    const backend = readout(page, 'Backend');
    await expect(backend).toContainText(name);
    // The readout starts with the backend that actually trains (a fallback would name another one first).
    await expect(backend).toHaveText(new RegExp(`^\\s*${name}\\b`));

    await shot(page, `backend-${name}`);
  });
}
