// ns per element of the SIMD activations against their scalar twin and the plain Math loops the
// whole-network kernel ran before, on the wasm heap at the engine's sizes (best of 30).
// Not part of npm test: npx vitest run --config bench/vitest.profile.config.ts bench/activationProfile.test.ts
import { expect, test } from 'vitest';
import { sigmoidInto, tanhInto } from '../src/engine/activationMath';
import { simdActivationsFor } from '../src/engine/simd/simdActivations';
import { useWasmBackend } from '../src/engine/testBackend';
import { tf } from '../src/engine/tf';

interface WasmHeap {
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  asm: { memory: WebAssembly.Memory };
}

/** 18 000 sigmoids ≈ 3 layers × 100 × 60 (digits net); 32 768 tanh = 32 models × 2 × 16 × 32. */
const COUNTS = [1024, 6000, 32768];

/** Best of 30 of the mean µs per call over enough calls to fill about a millisecond. */
function bestMicros(run: () => void): number {
  run();
  let reps = 1;
  for (let t0 = performance.now(); performance.now() - t0 < 1; reps++) run();
  let best = Number.POSITIVE_INFINITY;
  for (let trial = 0; trial < 30; trial++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    best = Math.min(best, ((performance.now() - t0) * 1000) / reps);
  }
  return best;
}

test('simd sigmoid / tanh vs the twin vs Math.exp / Math.tanh loops', async () => {
  await useWasmBackend();
  const heap = (tf.backend() as unknown as { wasm: WasmHeap }).wasm;
  const simd = simdActivationsFor(heap.asm.memory)!;
  const rows = [
    '| activation | count | simd ns/el | twin ns/el | Math loop ns/el |',
    '|---|---|---|---|---|',
  ];
  for (const count of COUNTS) {
    const pointer = heap._malloc(count * 8 + 16);
    const from = Math.ceil(pointer / 16) * 4;
    const to = from + count;
    const mem = heap.HEAPF32;
    // Pre-activations as a layer makes them: mostly within a few units of 0.
    for (let i = 0; i < count; i++) mem[from + i] = (Math.random() - 0.5) * 8;
    const ns = (us: number) => ((us * 1000) / count).toFixed(2);
    const plain = {
      sigmoid: () => {
        for (let i = 0; i < count; i++) mem[to + i] = 1 / (1 + Math.exp(-mem[from + i]));
      },
      tanh: () => {
        for (let i = 0; i < count; i++) mem[to + i] = Math.tanh(mem[from + i]);
      },
    };
    const twin = { sigmoid: sigmoidInto, tanh: tanhInto };
    for (const kind of ['sigmoid', 'tanh'] as const) {
      const simdUs = bestMicros(() => simd[kind](from, to, count));
      const twinUs = bestMicros(() => twin[kind](mem, from, to, count));
      const plainUs = bestMicros(plain[kind]);
      rows.push(`| ${kind} | ${count} | ${ns(simdUs)} | ${ns(twinUs)} | ${ns(plainUs)} |`);
    }
    heap._free(pointer);
  }
  console.log(rows.join('\n'));
  expect(rows.length).toBe(2 + 2 * COUNTS.length);
}, 600_000);
