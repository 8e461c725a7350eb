// Sigmoid and tanh in float32, the scalar twin of the SIMD kernels (kernels/activations.ts): the same
// float32 operations in the same order with the same constants, Math.fround after each, and 2^n made
// from its exponent bits, so both give the same bits for every input (any NaN for a NaN). The wasm
// backend runs the SIMD ones where WebAssembly SIMD exists; the cpu backend and engines without it
// run these, and training follows the same numbers either way.
//
// Every +, −, ×, ÷ of two float32 values is exact in double up to one rounding that fround then makes
// the correctly rounded float32 one (double has more than 2·24 + 2 bits), so fround(a op b) is the
// float32 operation. exp: Cody–Waite reduction and Cephes expf's polynomial, within 1 ulp of e^x
// (subnormals included), +Infinity above ln(FLT_MAX) ≈ 88.72, +0 below −150·ln 2 ≈ −103.97.
// sigmoid = 1 / (1 + exp(−x)); tanh: Cephes tanhf (polynomial below |x| = 0.625, else
// 1 − 2 / (exp(2|x|) + 1)); activationMath.test.ts states the errors it checks.

const f = Math.fround;

const LOG2E = f(1.44269504088896341);
const C1 = f(0.693359375);
const C2 = f(-2.1219444e-4);
const MAGIC = f(12582912.0);
const EXP_HI = f(88.75);
const EXP_LO = f(-104.0);
const E0 = f(1.98756915e-4);
const E1 = f(1.3981999507e-3);
const E2 = f(8.3334519073e-3);
const E3 = f(4.1665795894e-2);
const E4 = f(1.6666665459e-1);
const E5 = f(5.0000001201e-1);

const TANH_SPLIT = f(0.625);
const T0 = f(-5.70498872745e-3);
const T1 = f(2.06390887954e-2);
const T2 = f(-5.37397155531e-2);
const T3 = f(1.33314422036e-1);
const T4 = f(-3.33332819422e-1);

/** POW2[e] is the float32 whose exponent field is e and mantissa 0: 2^(e − 127). */
const POW2 = (() => {
  const bits = new Int32Array(256);
  for (let e = 1; e < 255; e++) bits[e] = e << 23;
  return new Float32Array(bits.buffer);
})();

/** e^x in float32 for a float32 x, as the kernel's expv lane by lane. */
export function expf(x: number): number {
  x = x < EXP_LO ? EXP_LO : x; // pmax: a NaN passes
  x = EXP_HI < x ? EXP_HI : x; // pmin
  const t = f(f(x * LOG2E) + MAGIC);
  const n = f(t - MAGIC);
  let r = f(x - f(n * C1));
  r = f(r - f(n * C2));
  const z = f(r * r);
  let p = f(f(E0 * r) + E1);
  p = f(f(p * r) + E2);
  p = f(f(p * r) + E3);
  p = f(f(p * r) + E4);
  p = f(f(p * r) + E5);
  p = f(f(p * z) + r);
  p = f(p + 1);
  // The kernel's 2^⌊n/2⌋ · 2^(n−⌊n/2⌋) (n is an integer in [−150, 128]; a NaN's p is NaN anyway).
  const ni = n | 0;
  const h = ni >> 1;
  return f(f(p * POW2[h + 127]) * POW2[ni - h + 127]);
}

/** σ(x) = 1 / (1 + e^−x) in float32. */
export function sigmoidf(x: number): number {
  return f(1 / f(1 + expf(-x)));
}

/** tanh(x) in float32. */
export function tanhf(x: number): number {
  const a = Math.abs(x);
  let y: number;
  if (a < TANH_SPLIT) {
    const z = f(a * a);
    let q = f(f(T0 * z) + T1);
    q = f(f(q * z) + T2);
    q = f(f(q * z) + T3);
    q = f(f(q * z) + T4);
    y = f(f(f(q * z) * a) + a);
  } else y = f(1 - f(2 / f(expf(f(a + a)) + 1))); // a NaN lands here and stays NaN
  // The kernel ORs x's sign bit into y ≥ +0: negation, and ±0 stays itself.
  return x < 0 ? -y : x === 0 ? x : y;
}

/** mem[to + i] = σ(mem[from + i]) for i < count; float offsets, from may equal to. */
export function sigmoidInto(mem: Float32Array, from: number, to: number, count: number): void {
  for (let i = 0; i < count; i++) mem[to + i] = sigmoidf(mem[from + i]);
}

/** mem[to + i] = tanh(mem[from + i]) for i < count; float offsets, from may equal to. */
export function tanhInto(mem: Float32Array, from: number, to: number, count: number): void {
  for (let i = 0; i < count; i++) mem[to + i] = tanhf(mem[from + i]);
}
