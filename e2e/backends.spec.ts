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

// auto times wasm first; WebGL drawn in software (SwiftShader, as in headless Chromium without a GPU)
// runs on the same cores and is not timed once wasm has started, nor is the cpu backend, so wasm is
// taken without a timing. Where this browser's WebGL is hardware, wasm and WebGL are timed: the test
// reads the renderer and expects either.
test('auto does not time software WebGL or the cpu backend once wasm has started, and says so', async ({
  page,
}) => {
  await openPlayground(page, 'backend=auto&steps=50&dataset=spiral');
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return '';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStep(page, 20);
  const backend = readout(page, 'Backend');
  await expect(backend).toHaveText(/^\s*wasm\b/);
  if (/swiftshader/i.test(renderer))
    await expect(backend).toContainText(
      'the only one to try; not timed: webgl (drawn in software by SwiftShader), cpu (slower than wasm by construction)',
    );
  else
    await expect(backend).toContainText(
      /fastest of wasm, webgl; not timed: cpu \(slower than wasm by construction\)/,
    );
});
