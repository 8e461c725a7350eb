// The SIMD activations (and exp) against their scalar twin (../activationMath.ts), on tfjs-wasm's real heap:
// the same bits (any NaN for a NaN) over a spread of values and the special ones, every tail length
// and alignment, in place, and nothing written outside the destination.
import { beforeAll, describe, expect, test } from 'vitest';
import { expInto, sigmoidInto, tanhInto } from '../activationMath';
import { type SimdActivations, simdActivationsFor } from './simdActivations';
import { type WasmHeap, wasmHeap } from './testHeap';

const GUARD = 7;
const GUARD_VALUE = 12345.678;
const KINDS = ['sigmoid', 'tanh', 'exp'] as const;
const TWIN = { sigmoid: sigmoidInto, tanh: tanhInto, exp: expInto };

let heap: WasmHeap;
let simd: SimdActivations;

beforeAll(async () => {
  heap = await wasmHeap();
  const fns = simdActivationsFor(heap.asm.memory);
  if (!fns) throw new Error('no SIMD activations on the Node wasm heap');
  simd = fns;
});

/** The values that matter at the edges: zeros, infinities, NaN, tiny, huge, the clamps and splits. */
function specials(): number[] {
  const out = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -Number.NaN];
  const edges = [
    2 ** -149,
    1e-30,
    2 ** -126,
    1e-7,
    1e-4,
    0.5,
    0.625,
    1,
    8,
    9,
    10,
    17,
    20,
    44.36,
    51.99,
    52,
    86.99,
    87.34,
    88,
    88.72,
    88.7228,
    88.73,
    88.75,
    88.76,
    89,
    100,
    103.97,
    104,
    104.5,
    200,
    1e10,
    3.4e38,
  ];
  for (const e of edges) {
    const v = Math.fround(e);
    // The float itself and its neighbours, on both sides of zero.
    for (const x of [v, nextUp(v), nextDown(v)]) out.push(x, -x);
  }
  return out;
}

const bits = new Float32Array(1);
const ibits = new Int32Array(bits.buffer);
function nextUp(v: number): number {
  bits[0] = v;
  ibits[0] += 1;
  return bits[0];
}
function nextDown(v: number): number {
  bits[0] = v;
  ibits[0] -= 1;
  return bits[0];
}

/** ~1e5 values over [−100, 100] (uniform, and log-spread magnitudes near 0), then the specials. */
function inputs(): Float32Array {
  const n = 100_000;
  const sp = specials();
  const out = new Float32Array(n + sp.length);
  let s = 12345;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < n; i++) {
    const u = next() * 2 - 1;
    out[i] = i % 2 ? u * 100 : Math.sign(u) * 2 ** (next() * 40 - 33);
  }
  out.set(sp, n);
  return out;
}

function firstDifference(x: Float32Array, y: Float32Array): number {
  const xi = new Uint32Array(x.buffer, x.byteOffset, x.length);
  const yi = new Uint32Array(y.buffer, y.byteOffset, y.length);
  for (let i = 0; i < x.length; i++)
    if (xi[i] !== yi[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return i;
  return -1;
}

/**
 * Lays out [guard from guard to guard] at float offset `shift` into a malloc'd block, runs the twin
 * on a copy and the SIMD kernel on the heap (in place where asked), and returns the first float that
 * differs anywhere in the block (-1 for none).
 */
function check(kind: (typeof KINDS)[number], data: Float32Array, shift: number, inPlace: boolean): number {
  const count = data.length;
  const from = shift + GUARD;
  const to = inPlace ? from : from + count + GUARD;
  const total = to + count + GUARD;
  const pointer = heap._malloc(total * 4 + 16);
  try {
    const base = pointer / 4;
    const view = heap.HEAPF32.subarray(base, base + total); // after malloc: the heap may have grown
    view.fill(GUARD_VALUE);
    view.set(data, from);
    const expected = view.slice();
    TWIN[kind](expected, from, to, count);
    simd[kind](base + from, base + to, count);
    return firstDifference(view, expected);
  } finally {
    heap._free(pointer);
  }
}

describe('SIMD activations on the tfjs-wasm heap', () => {
  test('are cached per memory', () => {
    expect(simdActivationsFor(heap.asm.memory)).toBe(simd);
  });

  for (const kind of KINDS) {
    test(`${kind} equals its twin bit for bit on ~1e5 values and the special ones`, () => {
      const data = inputs();
      for (const inPlace of [false, true])
        expect(check(kind, data, 0, inPlace), `inPlace ${inPlace}`).toBe(-1);
    });

    test(`${kind} equals its twin for counts 0 to 9 at every alignment, in place or not`, () => {
      const data = inputs();
      for (let count = 0; count <= 9; count++)
        for (let shift = 0; shift < 4; shift++)
          for (const inPlace of [false, true])
            for (let at = 0; at + count <= 400; at += 37) {
              const slice = data.subarray(data.length - 400 + at, data.length - 400 + at + count);
              expect(check(kind, slice, shift, inPlace), JSON.stringify({ count, shift, inPlace, at })).toBe(
                -1,
              );
            }
    });
  }

  test('saturate and keep NaN and the sign of zero', () => {
    const xs = [100, -110, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 0, -0];
    const pointer = heap._malloc(64);
    try {
      const at = pointer / 4;
      const run = (kind: (typeof KINDS)[number]) => {
        heap.HEAPF32.set(xs, at);
        simd[kind](at, at, xs.length);
        return Array.from(heap.HEAPF32.subarray(at, at + xs.length));
      };
      expect(run('sigmoid')).toEqual([1, 0, 1, 0, Number.NaN, 0.5, 0.5]);
      expect(run('tanh')).toEqual([1, -1, 1, -1, Number.NaN, 0, -0]);
      xs[1] = -100;
      expect(run('tanh')[1]).toBe(-1);
      expect(run('sigmoid')[1]).toBe(Math.fround(Math.exp(-100))); // correctly rounded: subnormal
      expect(Object.is(run('tanh')[6], -0)).toBe(true);
      xs[1] = -110;
      expect(run('exp')).toEqual([
        Number.POSITIVE_INFINITY,
        0,
        Number.POSITIVE_INFINITY,
        0,
        Number.NaN,
        1,
        1,
      ]);
    } finally {
      heap._free(pointer);
    }
  });
});

test('the shared-memory build binds to a shared memory and gives the same bits', () => {
  // As the threaded tfjs-wasm build makes its heap: shared, maximum 4 GiB (65536 pages).
  const memory = new WebAssembly.Memory({ initial: 2, maximum: 65536, shared: true });
  const fns = simdActivationsFor(memory);
  expect(fns).not.toBeNull();
  const mem = new Float32Array(memory.buffer);
  const data = inputs().subarray(0, 10_003);
  for (const kind of KINDS) {
    mem.set(data, 1);
    const expected = mem.slice(0, 30_000);
    TWIN[kind](expected, 1, 10_005, data.length);
    fns![kind](1, 10_005, data.length);
    expect(firstDifference(mem.subarray(0, 30_000), expected)).toBe(-1);
  }
});
