// Timing of the SIMD product against tfjs-wasm's own products at the engine's sizes (best of 30).
// Not part of npm test: npx vitest run --config bench/vitest.profile.config.ts bench/gemmProfile.test.ts
import { expect, test } from 'vitest';
import { gemmJs } from '../src/engine/gemm';
import { useWasmBackend } from '../src/engine/testBackend';
import { tf } from '../src/engine/tf';
import { simdGemmFor } from '../src/engine/simd/simdGemm';

interface WasmHeap {
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  asm: { memory: WebAssembly.Memory };
}

/** Forward shapes [R, I]·[I, C] of the engine's layers (batch R). */
const SHAPES: [number, number, number][] = [
  [32, 2, 16],
  [32, 16, 16],
  [32, 16, 1],
  [32, 64, 32],
  [32, 32, 32],
  [60, 100, 100],
];

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

test('simd gemm vs tf.matMul (2-D and batched) on the wasm backend', async () => {
  await useWasmBackend();
  const heap = (tf.backend() as unknown as { wasm: WasmHeap }).wasm;
  const simd = simdGemmFor(heap.asm.memory)!;
  const rows: string[] = [
    '| shape | op | models | simd µs | GFLOP/s | tf 2-D µs | GFLOP/s | tf batched µs | GFLOP/s | gemmJs µs |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [R, I, C] of SHAPES)
    for (const op of ['fwd', 'dW=XᵀdZ', 'dA=dZWᵀ'] as const)
      for (const models of [1, 32]) {
        // As gemm sizes: rows × inner · inner × cols.
        const [r, k, c] = op === 'fwd' ? [R, I, C] : op === 'dW=XᵀdZ' ? [I, R, C] : [R, C, I];
        const transA = op === 'dW=XᵀdZ';
        const transB = op === 'dA=dZWᵀ';
        const floats = models * (r * k + k * c + r * c) + k * c + 8;
        const pointer = heap._malloc(floats * 4);
        const base = Math.ceil(pointer / 16) * 4;
        const mem = heap.HEAPF32;
        for (let i = 0; i < floats - 4; i++) mem[base + i] = Math.random() - 0.5;
        const g = {
          a: base,
          b: base + models * r * k,
          c: base + models * (r * k + k * c),
          models,
          rows: r,
          inner: k,
          cols: c,
          aStride: r * k,
          bStride: k * c,
          cStride: r * c,
          transA,
          transB,
        };
        const scratch = g.c + models * r * c;
        const simdUs = bestMicros(() => simd(g, scratch));
        const jsUs = bestMicros(() => gemmJs(mem, g));
        // tfjs's operands as stored: A is [k, r] when transA, B is [c, k] when transB.
        const aShape = transA ? [k, r] : [r, k];
        const bShape = transB ? [c, k] : [k, c];
        const a2 = Array.from({ length: models }, () => tf.randomNormal(aShape));
        const b2 = Array.from({ length: models }, () => tf.randomNormal(bShape));
        const tf2Us = bestMicros(() => {
          for (let m = 0; m < models; m++) tf.matMul(a2[m], b2[m], transA, transB).dispose();
        });
        const a3 = tf.randomNormal([models, ...aShape]);
        const b3 = tf.randomNormal([models, ...bShape]);
        const tf3Us = bestMicros(() => tf.matMul(a3, b3, transA, transB).dispose());
        tf.dispose([...a2, ...b2, a3, b3]);
        heap._free(pointer);
        const gflops = (us: number) => ((2 * models * r * k * c) / (us * 1000)).toFixed(2);
        const shape = `[${R},${I}]×[${I},${C}]`;
        rows.push(
          `| ${shape} | ${op} | ${models} | ${simdUs.toFixed(2)} | ${gflops(simdUs)} | ${tf2Us.toFixed(2)} | ${gflops(tf2Us)} | ${tf3Us.toFixed(2)} | ${gflops(tf3Us)} | ${jsUs.toFixed(2)} |`,
        );
      }
  console.log(rows.join('\n'));
  expect(rows.length).toBeGreaterThan(2);
}, 600_000);
