// The whole-network kernel on cpu (gemmJs, activationMath.ts, networkPass.ts's loops) and on wasm (the
// SIMD module's gemm, activations and elementwise loops) from the same inputs: every output, bit for
// bit (any NaN for a NaN). Each SIMD routine equals its JavaScript twin, so the whole pass must too.
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../core/config';
import { createRng } from '../../core/rng';
import { fusedNetworkGradients } from '../fusedNetwork';
import { type NetworkShape, paramLayout } from '../modelState';
import { NODE_BACKENDS } from '../testBackend';
import { tf } from '../tf';
import { simdElementwiseFor } from './simdElementwise';

const nets: { name: string; net: NetworkShape; activation: Activation; n: number; b: number }[] = [
  {
    name: 'spiral-like 2-32-32-1 tanh',
    net: { inputs: 2, outputs: 1, hidden: [32, 32], batchNorm: [false, false] },
    activation: 'tanh',
    n: 3,
    b: 128,
  },
  {
    name: 'digits-like 64-100-100-100-10 sigmoid, batch norm',
    net: { inputs: 64, outputs: 10, hidden: [100, 100, 100], batchNorm: [true, true, true] },
    activation: 'sigmoid',
    n: 2,
    b: 60,
  },
  {
    name: 'relu, batch norm on one layer, odd widths',
    net: { inputs: 3, outputs: 1, hidden: [17, 5], batchNorm: [true, false] },
    activation: 'relu',
    n: 3,
    b: 9,
  },
  {
    name: 'a kept bias before batch norm, linear',
    net: { inputs: 3, outputs: 3, hidden: [10, 3], batchNorm: [true, true], keepBias: true },
    activation: 'linear',
    n: 2,
    b: 32,
  },
  {
    name: 'tanh with batch norm, one row',
    net: { inputs: 4, outputs: 1, hidden: [16], batchNorm: [true] },
    activation: 'tanh',
    n: 1,
    b: 1,
  },
];

function values(size: number, rng: ReturnType<typeof createRng>, scale: number, offset = 0): Float32Array {
  return Float32Array.from({ length: size }, () => offset + (2 * rng.next() - 1) * scale);
}

describe('the whole-network kernel on cpu and on wasm (SIMD)', () => {
  it.each(nets)('should give the same bits: $name', async ({ net, activation, n, b }) => {
    const rng = createRng(11);
    const layout = paramLayout(net);
    const params = layout.map((p) => {
      const size = n * p.shape.reduce((x, y) => x * y, 1);
      return {
        shape: [n, ...p.shape],
        data:
          p.kind === 'bnGamma'
            ? values(size, rng, 0.3, 1)
            : values(size, rng, p.kind === 'weight' ? 0.8 : 0.3),
      };
    });
    const x = values(n * b * net.inputs, rng, 2);
    const y = new Float32Array(n * b * net.outputs);
    for (let row = 0; row < n * b; row++) {
      if (net.outputs === 1) y[row] = rng.next() < 0.5 ? 0 : 1;
      else y[row * net.outputs + Math.floor(rng.next() * net.outputs)] = 1;
    }
    const run = async (use: () => Promise<void>) => {
      await use();
      const ps = params.map((p) => tf.tensor(p.data, p.shape));
      const xt = tf.tensor3d(x, [n, b, net.inputs]);
      const yt = tf.tensor3d(y, [n, b, net.outputs]);
      const r = fusedNetworkGradients(net, layout, ps, xt, yt, activation, 1e-3);
      const all = [r.cost, ...r.grads, ...r.batchStats.flatMap((s) => (s ? [s.mean, s.variance] : []))];
      const out = all.map((t) => new Uint32Array((t.dataSync() as Float32Array).slice().buffer));
      tf.dispose([...all, ...ps, xt, yt]);
      return out;
    };
    const cpu = await run(NODE_BACKENDS.cpu);
    const wasm = await run(NODE_BACKENDS.wasm);
    // The wasm kernel took the SIMD route (else this would compare the JavaScript loops with themselves).
    const heap = (tf.backend() as unknown as { wasm: { asm: { memory: WebAssembly.Memory } } }).wasm;
    expect(simdElementwiseFor(heap.asm.memory)).not.toBeNull();
    expect(wasm.length).toBe(cpu.length);
    const isNaNBits = (u: number) => (u & 0x7f800000) === 0x7f800000 && (u & 0x007fffff) !== 0;
    cpu.forEach((c, i) => {
      const w = wasm[i];
      expect(w.length).toBe(c.length);
      let bad = -1;
      for (let k = 0; k < c.length && bad < 0; k++)
        if (c[k] !== w[k] && !(isNaNBits(c[k]) && isNaNBits(w[k]))) bad = k;
      expect(bad < 0 ? 'same' : `output ${i}, float ${bad}: cpu ${c[bad]}, wasm ${w[bad]}`).toBe('same');
    });
  });
});
