// `npx vitest run --config bench/vitest.profile.config.ts bench/elementwiseProfile.test.ts`: the network
// pass's elementwise loops on the wasm heap, JavaScript (elementwiseJs) against SIMD (kernels/
// elementwise.ts), at the shapes of the bench's nets: µs per call, best of a few rounds.
import { expect, test } from 'vitest';
import { type Elementwise, elementwiseJs } from '../src/engine/networkPass';
import { simdElementwiseFor } from '../src/engine/simd/simdElementwise';
import { useWasmBackend } from '../src/engine/testBackend';
import { tf } from '../src/engine/tf';

interface WasmHeap {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  asm: { memory: WebAssembly.Memory };
}

function best(fn: () => void, calls: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 7; round++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    min = Math.min(min, (performance.now() - t) / calls);
  }
  return min * 1000;
}

test('elementwise loops: JavaScript vs SIMD', async () => {
  await useWasmBackend();
  const heap = (tf.backend() as unknown as { wasm: WasmHeap }).wasm;
  const simd = simdElementwiseFor(heap.asm.memory);
  expect(simd).not.toBeNull();
  for (const [rows, units, activation] of [
    [60, 100, 'sigmoid'],
    [128, 32, 'tanh'],
  ] as const) {
    const per = rows * units;
    const floats = 6 * per + 8 * units + 64;
    const pointer = heap._malloc(floats * 4);
    const base = Math.ceil(pointer / 16) * 4;
    const mem = new Float32Array(heap.asm.memory.buffer);
    for (let i = 0; i < floats - 4; i++) mem[base + i] = Math.sin(i) * 0.5 + (i % 7 === 0 ? 0.25 : 0);
    const [z, zNorm, g, a, zt] = [0, 1, 2, 3, 4].map((k) => base + k * per);
    const u = (k: number) => base + 6 * per + k * units;
    const js = elementwiseJs(mem);
    const calls = 200;
    const row = (name: string, f: (e: Elementwise) => void) => {
      const tJs = best(() => f(js), calls);
      const tSimd = best(() => f(simd as Elementwise), calls);
      console.log(
        `[${rows}, ${units}] ${name}: JS ${tJs.toFixed(2)} µs, SIMD ${tSimd.toFixed(2)} µs (${(tJs / tSimd).toFixed(1)}×)`,
      );
    };
    row('biasAdd', (e) => e.biasAdd(z, u(0), rows, units));
    row('columnSums', (e) => e.columnSums(g, u(1), rows, units));
    // The slope shrinks g call after call (to subnormals, which are slow): each call starts from a
    // saved copy (the copy, timed alone, is in both numbers).
    const saved = base + 5 * per;
    mem.copyWithin(saved, g, g + per);
    const reset = () => mem.copyWithin(g, saved, saved + per);
    console.log(`[${rows}, ${units}] the reset copy alone: ${best(reset, calls).toFixed(2)} µs`);
    row(`slopeSums ${activation}`, (e) => {
      reset();
      e.slopeSums(activation, g, a, zt, rows, units, u(1));
    });
    row('batchNormForward', (e) =>
      e.batchNormForward(z, zNorm, u(2), u(3), u(4), u(5), u(6), rows, units, 1e-3),
    );
    row(`batchNormBackward ${activation}`, (e) => {
      reset();
      e.batchNormBackward(activation, g, a, zt, zNorm, u(2), u(6), u(1), u(7), -1, rows, units);
    });
    heap._free(pointer);
  }
});
