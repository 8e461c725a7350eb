// The scalar activations' accuracy against Math.exp / Math.tanh in double, and their saturation and
// special values. That they equal the SIMD kernels bit for bit is simd/simdActivations.test.ts.
import { describe, expect, test } from 'vitest';
import { expf, sigmoidf, sigmoidInto, tanhf, tanhInto } from './activationMath';

/** One float32 ulp at |v| (normal range; the subnormal spacing below it). */
function ulp32(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** Every `step`-th float32 from lo to hi (lo < hi, both finite), by walking the bit patterns. */
function* floats(lo: number, hi: number, step: number): Generator<number> {
  const f = new Float32Array(1);
  const u = new Int32Array(f.buffer);
  // Map floats to a monotone integer line: negative floats below zero.
  const key = (x: number) => {
    f[0] = x;
    return u[0] < 0 ? -(u[0] & 0x7fffffff) : u[0];
  };
  const at = (k: number) => {
    u[0] = k < 0 ? -k | 0x80000000 : k;
    return f[0];
  };
  for (let k = key(lo); k <= key(hi); k += step) yield at(k);
}

interface Worst {
  ulps: number;
  abs: number;
  rel: number;
  at: number;
}

function worst(fn: (x: number) => number, ref: (x: number) => number, xs: Iterable<number>): Worst {
  const w: Worst = { ulps: 0, abs: 0, rel: 0, at: 0 };
  for (const x of xs) {
    const y = fn(x);
    const r = ref(x);
    const d = Math.abs(y - r);
    const ulps = d / ulp32(r);
    if (ulps > w.ulps) {
      w.ulps = ulps;
      w.at = x;
    }
    w.abs = Math.max(w.abs, d);
    if (r !== 0) w.rel = Math.max(w.rel, d / Math.abs(r));
  }
  return w;
}

describe('expf', () => {
  test('is within 0.52 ulp of e^x from −110 to 88.72, subnormal results included', () => {
    const w = worst(expf, Math.exp, floats(-110, 88.72, 997));
    console.log('expf over [-110, 88.72]', w);
    expect(w.ulps).toBeLessThan(0.52);
  });

  test('saturates: +Infinity above ln(FLT_MAX), +0 below −150·ln 2, NaN stays NaN', () => {
    expect(expf(88.73)).toBe(Number.POSITIVE_INFINITY);
    expect(expf(100)).toBe(Number.POSITIVE_INFINITY);
    expect(expf(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expf(Math.fround(3.4e38))).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(expf(-104), 0)).toBe(true);
    expect(Object.is(expf(-200), 0)).toBe(true);
    expect(Object.is(expf(Number.NEGATIVE_INFINITY), 0)).toBe(true);
    expect(Object.is(expf(Math.fround(-3.4e38)), 0)).toBe(true);
    expect(expf(Number.NaN)).toBeNaN();
    expect(expf(0)).toBe(1);
    expect(expf(-0)).toBe(1);
    const top = expf(88.72);
    expect(top > 3.3e38 && top < Number.POSITIVE_INFINITY).toBe(true);
  });
});

describe('sigmoidf', () => {
  test('is within 0.53 ulp of 1 / (1 + e^−x) over [−200, 100], subnormal results included', () => {
    const w = worst(sigmoidf, (x) => 1 / (1 + Math.exp(-x)), floats(-200, 100, 997));
    console.log('sigmoid over [-200, 100]', w);
    expect(w.ulps).toBeLessThan(0.53);
  });

  test('saturates to exactly 1 and +0, keeps NaN, and σ(±0) = 0.5', () => {
    expect(sigmoidf(100)).toBe(1);
    expect(sigmoidf(20)).toBe(1);
    expect(sigmoidf(Number.POSITIVE_INFINITY)).toBe(1);
    // Correctly rounded, so a subnormal where σ is one: σ(−100) = e^−100 ≈ 3.78e-44, +0 from −104.
    expect(sigmoidf(-100)).toBe(Math.fround(Math.exp(-100)));
    expect(Object.is(sigmoidf(-104), 0)).toBe(true);
    expect(Object.is(sigmoidf(-1e30), 0)).toBe(true);
    expect(sigmoidf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(sigmoidf(Number.NaN)).toBeNaN();
    expect(sigmoidf(0)).toBe(0.5);
    expect(sigmoidf(-0)).toBe(0.5);
  });
});

describe('tanhf', () => {
  test('is within 0.52 ulp of Math.tanh over [−20, 20] (absolute 3.1e-8, relative 6e-8)', () => {
    const w = worst(tanhf, Math.tanh, floats(-20, 20, 499));
    console.log('tanh over [-20, 20]', w);
    expect(w.ulps).toBeLessThan(0.52);
    expect(w.abs).toBeLessThan(3.1e-8);
    expect(w.rel).toBeLessThan(6e-8);
  });

  test('is odd bit for bit, saturates to ±1, keeps NaN and the sign of zero', () => {
    for (const x of floats(0, 20, 99991)) expect(Object.is(tanhf(-x), -tanhf(x)), String(x)).toBe(true);
    expect(tanhf(100)).toBe(1);
    expect(tanhf(-100)).toBe(-1);
    expect(tanhf(10)).toBe(1);
    expect(tanhf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(tanhf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(tanhf(Number.NaN)).toBeNaN();
    expect(Object.is(tanhf(0), 0)).toBe(true);
    expect(Object.is(tanhf(-0), -0)).toBe(true);
    expect(tanhf(1e-30)).toBe(Math.fround(1e-30));
    expect(tanhf(2 ** -149)).toBe(2 ** -149);
  });
});

test('sigmoidInto and tanhInto work in place and write only to + [0, count)', () => {
  const mem = new Float32Array(40).fill(7);
  for (let i = 5; i < 15; i++) mem[i] = i - 10;
  const expected = mem.slice();
  for (let i = 5; i < 15; i++) expected[i] = sigmoidf(mem[i]);
  sigmoidInto(mem, 5, 5, 10);
  expect(mem).toEqual(expected);
  for (let i = 5; i < 15; i++) expected[i + 20] = tanhf(mem[i]);
  tanhInto(mem, 5, 25, 10);
  expect(mem).toEqual(expected);
});
