// Sigmoid, tanh and exp of float32 values, the scalar twin of the SIMD kernels (kernels/activations.ts):
// the same float64 operations in the same order with the same constants, and one rounding to float32
// at the end, so both give the same bits for every input (any NaN for a NaN). The wasm backend runs
// the SIMD ones where WebAssembly SIMD exists; the cpu backend and engines without it run these, and
// training follows the same numbers either way.
//
// A float32 widens to float64 exactly, and JavaScript's +, −, ×, ÷ are the IEEE float64 operations
// the f64x2 lanes do; Math.fround is the kernel's demotion. exp: Cody–Waite reduction, Cephes expf's
// polynomial (relative error 1.1e-9 before rounding) and 2^n from a table of exact powers of two.
// sigmoid = 1 / (1 + e^−x); tanh: Cephes tanh (a rational below |x| = 0.625, else
// 1 − 2 / (e^2|x| + 1)). Both within 0.52 ulp of the true value (activationMath.test.ts).

const LOG2E = Math.LOG2E;
const C1 = 6.93145751953125e-1;
const C2 = 1.4286068203094173e-6;
const MAGIC = 6755399441055744.0;
const EXP_HI = 104.0;
const EXP_LO = -104.0;
const E0 = 1.98756915e-4;
const E1 = 1.3981999507e-3;
const E2 = 8.3334519073e-3;
const E3 = 4.1665795894e-2;
const E4 = 1.6666665459e-1;
const E5 = 5.0000001201e-1;

const TANH_SPLIT = 0.625;
const P0 = -9.643991794250523e-1;
const P1 = -9.928772310019185e1;
const P2 = -1.6146876844170845e3;
const Q0 = 1.1281167849163293e2;
const Q1 = 2.2354883906010045e3;
const Q2 = 4.844063053251255e3;

/** POW2[n + 160] = 2^n exactly, for the kernel's exponent field n + 1023 (n in [−151, 151]). */
const POW2 = Float64Array.from({ length: 321 }, (_, i) => 2 ** (i - 160));

/** e^x in float64 for x clamped to [−104, 104], as the kernel's expOf lane by lane. */
function expd(x: number): number {
  // The kernel's pmax and pmin, which let a NaN pass (as Math.max and Math.min would, but slower).
  // biome-ignore lint/complexity/useMathMinMax: the ternary is the kernel's f64x2.pmax
  x = x < EXP_LO ? EXP_LO : x;
  // biome-ignore lint/complexity/useMathMinMax: the ternary is the kernel's f64x2.pmin
  x = EXP_HI < x ? EXP_HI : x;
  const t = x * LOG2E + MAGIC;
  const n = t - MAGIC;
  let r = x - n * C1;
  r = r - n * C2;
  const z = r * r;
  let p = E0 * r + E1;
  p = p * r + E2;
  p = p * r + E3;
  p = p * r + E4;
  p = p * r + E5;
  p = p * z + r + 1;
  // n is an integer here; a NaN's p is NaN, whatever power it meets.
  return p * POW2[(n | 0) + 160];
}

/** e^x rounded to float32 (+Infinity above ln(FLT_MAX), +0 below −103.97): for tests and callers. */
export function expf(x: number): number {
  return Math.fround(expd(x));
}

/** σ(x) = 1 / (1 + e^−x) rounded to float32. */
export function sigmoidf(x: number): number {
  return Math.fround(1 / (1 + expd(-x)));
}

/** tanh(x) rounded to float32. */
export function tanhf(x: number): number {
  const a = Math.abs(x);
  let y: number;
  if (a < TANH_SPLIT) {
    const z = a * a;
    const p = (P0 * z + P1) * z + P2;
    const q = ((z + Q0) * z + Q1) * z + Q2;
    y = a + (a * z * p) / q;
  } else y = 1 - 2 / (expd(a + a) + 1); // a NaN lands here and stays NaN
  y = Math.fround(y);
  // The kernel ORs x's sign bit into y ≥ +0: negation, and ±0 stays itself.
  return x < 0 ? -y : x === 0 ? x : y;
}

/** mem[to + i] = σ(mem[from + i]) for i < count; float offsets, from may equal to. */
export function sigmoidInto(mem: Float32Array, from: number, to: number, count: number): void {
  for (let i = 0; i < count; i++) mem[to + i] = sigmoidf(mem[from + i]);
}

/** mem[to + i] = e^mem[from + i] (expf) for i < count; float offsets, from may equal to. */
export function expInto(mem: Float32Array, from: number, to: number, count: number): void {
  for (let i = 0; i < count; i++) mem[to + i] = Math.fround(expd(mem[from + i]));
}

/** mem[to + i] = tanh(mem[from + i]) for i < count; float offsets, from may equal to. */
export function tanhInto(mem: Float32Array, from: number, to: number, count: number): void {
  for (let i = 0; i < count; i++) mem[to + i] = tanhf(mem[from + i]);
}
