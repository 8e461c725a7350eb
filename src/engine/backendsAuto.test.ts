// 'auto' in Node with wasm running: the cpu backend is not timed once wasm has started (it runs the same
// loops without SIMD or XNNPACK, so it cannot win), and the readout says what was not timed. WebGL does
// not start in Node (the software-renderer rule is driven in Chromium: e2e/backends.spec.ts).
import { describe, expect, it } from 'vitest';
import type { BackendName } from '../core/config';
import { chooseBackend } from './backends';
import { fileURLToPath } from 'node:url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

describe("auto's choice with wasm running", () => {
  it('should time wasm first and never cpu, even where a cpu timing would have won', async () => {
    // backends.ts names the files as Vite serves them; in Node they are read from node_modules.
    const dist = fileURLToPath(
      new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
    );
    setWasmPaths(
      Object.fromEntries(
        ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'].map(
          (f) => [f, dist + f],
        ),
      ),
    );
    const timed: BackendName[] = [];
    const chosen = await chooseBackend('auto', async (name) => {
      timed.push(name);
      return name === 'cpu' ? 0.1 : 1;
    });
    expect(timed).toEqual(['wasm']);
    expect(chosen.name).toBe('wasm');
    expect(chosen.timings).toEqual({ wasm: 1 });
    expect(chosen.failed.webgl).toBeTruthy();
    expect(chosen.reason).toMatch(
      /^fastest of wasm \(webgl unavailable\); not timed: cpu \(slower than wasm by construction\)$/,
    );
  });
});
