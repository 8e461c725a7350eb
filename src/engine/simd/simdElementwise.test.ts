// The SIMD elementwise loops (kernels/elementwise.ts) against their JavaScript twins (elementwiseJs in
// ../networkPass.ts), on tfjs-wasm's real heap: two copies of one random region (NaN, ±Infinity and
// −0 sprinkled in, every array at an unaligned float offset between guards), the twin run on one and
// the kernel on the other, must hold the same bits afterwards (any NaN for a NaN), and no guard changes.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Activation } from '../../core/config';
import { type Elementwise, elementwiseJs } from '../networkPass';
import { simdElementwiseFor } from './simdElementwise';
import { random, type WasmHeap, wasmHeap } from './testHeap';

const ROWS = [1, 2, 3, 32, 60, 128];
const UNITS = [1, 2, 3, 10, 16, 17, 32, 100];
const ACTIVATIONS: Activation[] = ['linear', 'relu', 'sigmoid', 'tanh'];
const GUARD = 5;
const GUARD_VALUE = 12345.678;

let heap: WasmHeap;
let simd: Elementwise;

beforeAll(async () => {
  heap = await wasmHeap();
  const fns = simdElementwiseFor(heap.asm.memory);
  if (!fns) throw new Error('no SIMD elementwise loops on the Node wasm heap');
  simd = fns;
});

const SPECIAL = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];

/**
 * Lays out arrays of the given lengths (floats) in one region, each after a guard and shifted by 1–3
 * floats off 16-byte alignment, fills them, and runs `run` with their float offsets on two copies:
 * the twin's and the kernel's. Returns nothing; it asserts.
 */
function compare(
  lengths: number[],
  seed: number,
  specials: number,
  run: (fns: Elementwise, at: number[]) => void,
): void {
  const next = random(seed);
  const rel: number[] = [];
  let size = 0;
  lengths.forEach((n, i) => {
    size += GUARD + ((i + seed) % 3) + 1;
    rel.push(size);
    size += n;
  });
  size += GUARD;
  const init = new Float32Array(size).fill(GUARD_VALUE);
  lengths.forEach((n, i) => {
    for (let k = 0; k < n; k++) {
      const u = next();
      init[rel[i] + k] =
        u < specials
          ? SPECIAL[Math.floor(next() * SPECIAL.length)]
          : (next() - 0.5) * 2 ** Math.floor(next() * 12 - 6);
    }
  });
  const bytes = size * 4 + 64;
  const pa = heap._malloc(bytes);
  const pb = heap._malloc(bytes);
  try {
    const baseA = Math.ceil(pa / 16) * 4;
    const baseB = Math.ceil(pb / 16) * 4;
    let mem = new Float32Array(heap.asm.memory.buffer);
    mem.set(init, baseA);
    mem.set(init, baseB);
    run(
      elementwiseJs(mem),
      rel.map((r) => baseA + r),
    );
    run(
      simd,
      rel.map((r) => baseB + r),
    );
    mem = new Float32Array(heap.asm.memory.buffer);
    const bitsA = new Uint32Array(mem.buffer, baseA * 4, size);
    const bitsB = new Uint32Array(mem.buffer, baseB * 4, size);
    const a = mem.subarray(baseA, baseA + size);
    const b = mem.subarray(baseB, baseB + size);
    let bad = -1;
    for (let i = 0; i < size && bad < 0; i++) {
      if (bitsA[i] !== bitsB[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) bad = i;
    }
    expect(bad < 0 ? 'same' : `float ${bad}: twin ${a[bad]}, kernel ${b[bad]}`).toBe('same');
    // The guards: before each array and after the last.
    const guardOk = rel.every((r, i) => {
      const from = i === 0 ? 0 : rel[i - 1] + lengths[i - 1];
      for (let k = from; k < r; k++) if (b[k] !== Math.fround(GUARD_VALUE)) return false;
      return true;
    });
    const tail = rel[rel.length - 1] + lengths[lengths.length - 1];
    expect(guardOk && b.subarray(tail).every((v) => v === Math.fround(GUARD_VALUE))).toBe(true);
  } finally {
    heap._free(pb);
    heap._free(pa);
  }
}

const shapes = ROWS.flatMap((rows) => UNITS.map((units) => [rows, units] as const));
const SPECIALS = [0, 0.03];

describe('SIMD elementwise loops equal their JavaScript twins bit for bit', () => {
  test.each(shapes)('bias add and column sums: %i rows × %i units', (rows, units) => {
    for (const [i, specials] of SPECIALS.entries()) {
      compare([rows * units, units], rows * 131 + units + i, specials, (f, [z, bias]) =>
        f.biasAdd(z, bias, rows, units),
      );
      compare([rows * units, units], rows * 137 + units + i, specials, (f, [x, to]) =>
        f.columnSums(x, to, rows, units),
      );
    }
  });

  test.each(shapes)('slope and column sums: %i rows × %i units', (rows, units) => {
    for (const [i, specials] of SPECIALS.entries()) {
      for (const activation of ACTIVATIONS) {
        const per = rows * units;
        compare([per, per, per, units], rows * 139 + units + i, specials, (f, [d, a, zt, sums]) =>
          f.slopeSums(activation, d, a, zt, rows, units, sums),
        );
      }
    }
  });

  test.each(shapes)('batch norm forward: %i rows × %i units', (rows, units) => {
    for (const [i, specials] of SPECIALS.entries()) {
      for (const epsilon of [1e-3, 1e-5]) {
        const per = rows * units;
        compare(
          [per, per, units, units, units, units, units],
          rows * 149 + units + i,
          specials,
          (f, [z, zNorm, gamma, beta, mean, variance, invStd]) =>
            f.batchNormForward(z, zNorm, gamma, beta, mean, variance, invStd, rows, units, epsilon),
        );
      }
    }
  });

  test.each(shapes)('batch norm backward: %i rows × %i units', (rows, units) => {
    for (const [i, specials] of SPECIALS.entries()) {
      for (const activation of ACTIVATIONS) {
        for (const withBias of [false, true]) {
          const per = rows * units;
          compare(
            [per, per, per, per, units, units, units, units, units],
            rows * 151 + units + i,
            specials,
            (f, [g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias]) =>
              f.batchNormBackward(
                activation,
                g,
                a,
                zt,
                zNorm,
                gamma,
                invStd,
                dBeta,
                dGamma,
                withBias ? bias : -1,
                rows,
                units,
              ),
          );
        }
      }
    }
  });
});
