// AssemblyScript source of the SIMD activations, built into the same module as gemm.ts (see
// build.mjs). src/engine/activationMath.ts is their scalar twin: the same operations in the same
// order with the same constants, so the two agree bit for bit (any NaN matching any NaN). Keep them
// in step: change one, change the other.
//
// Each float32 is widened to float64 (exact), the whole function is evaluated in float64 lanes
// (f64x2), and the result is rounded once to float32. The twin is then plain JavaScript double
// arithmetic with one Math.fround at the end: a float32 twin would need a Math.fround after every
// operation, and V8 makes that chain ~3× slower than Math.exp. Only +, −, ×, ÷ (IEEE double in
// both), pmin/pmax (the twin's ternaries), abs, negation and exponent bits (a table of exact powers
// of two in the twin): no nearest, no fused multiply-add, no conversion whose rounding could differ.
//
// Pointers are BYTE addresses in the imported memory; from may equal to (in place). Nothing past
// from + count is read and nothing past to + count is written.

// exp(x) = 2^n · e^r, n = round(x·log2 e), r = x − n·C1 − n·C2 (Cody–Waite: C1 = ln 2 to 32 bits,
// so n·C1 and x − n·C1 are exact), e^r from Cephes expf's polynomial: relative error 1.1e-9 in
// double, far below float32's 6e-8. Adding 1.5·2^52 rounds to an integer (ties to even) and leaves
// it in the low mantissa bits: n = bits(t) − bits(MAGIC). Clamped to [−104, 104], a NaN passing:
// e^±104 are finite in double, and everything past them rounds to +0 or +Infinity in float32 anyway.
const LOG2E: f64 = Math.LOG2E;
const C1: f64 = 6.93145751953125e-1;
const C2: f64 = 1.4286068203094173e-6;
const MAGIC: f64 = 6755399441055744.0;
const MAGIC_BITS: i64 = 0x4338000000000000;
const EXP_HI: f64 = 104.0;
const EXP_LO: f64 = -104.0;
const E0: f64 = 1.98756915e-4;
const E1: f64 = 1.3981999507e-3;
const E2: f64 = 8.3334519073e-3;
const E3: f64 = 4.1665795894e-2;
const E4: f64 = 1.6666665459e-1;
const E5: f64 = 5.0000001201e-1;

// tanh: Cephes tanh (double). |x| < 0.625: x + x·z·P(z) / Q(z), z = x²; else 1 − 2 / (e^2|x| + 1),
// which saturates to 1. Both on |x|; x's sign bit is copied into the float32 result, so tanh(−0) = −0.
const TANH_SPLIT: f64 = 0.625;
const P0: f64 = -9.643991794250523e-1;
const P1: f64 = -9.928772310019185e1;
const P2: f64 = -1.6146876844170845e3;
const Q0: f64 = 1.1281167849163293e2;
const Q1: f64 = 2.2354883906010045e3;
const Q2: f64 = 4.844063053251255e3;

// Every helper below has one caller, so binaryen inlines it whatever its size (a call per vector
// costs ~40 %, and Biome cannot parse AssemblyScript's @inline decorator). So each works on both
// float64 halves of a 4-float vector at once, each step written for both (the high half's result
// goes out through a module global, as there are no tuples), and exp comes in two copies that differ
// in their first operation, chosen at compile time by the type argument: expOf<i32> takes e^−x for
// sigmoid, expOf<i64> e^(x + x) for tanh, expOf<u16> e^x itself for exp.
let high: v128 = i64x2(0, 0);

function expOf<Which>(x0: v128, x1: v128): v128 {
  if (sizeof<Which>() === 4) {
    x0 = f64x2.neg(x0);
    x1 = f64x2.neg(x1);
  } else if (sizeof<Which>() === 8) {
    x0 = f64x2.add(x0, x0);
    x1 = f64x2.add(x1, x1);
  }
  // pmax(x, lo) = x < lo ? lo : x and pmin(x, hi) = hi < x ? hi : x: a NaN passes through both.
  const lo = f64x2.splat(EXP_LO);
  const hi = f64x2.splat(EXP_HI);
  x0 = f64x2.pmin(f64x2.pmax(x0, lo), hi);
  x1 = f64x2.pmin(f64x2.pmax(x1, lo), hi);
  const t0 = f64x2.add(f64x2.mul(x0, f64x2.splat(LOG2E)), f64x2.splat(MAGIC));
  const t1 = f64x2.add(f64x2.mul(x1, f64x2.splat(LOG2E)), f64x2.splat(MAGIC));
  const n0 = f64x2.sub(t0, f64x2.splat(MAGIC));
  const n1 = f64x2.sub(t1, f64x2.splat(MAGIC));
  let r0 = f64x2.sub(x0, f64x2.mul(n0, f64x2.splat(C1)));
  let r1 = f64x2.sub(x1, f64x2.mul(n1, f64x2.splat(C1)));
  r0 = f64x2.sub(r0, f64x2.mul(n0, f64x2.splat(C2)));
  r1 = f64x2.sub(r1, f64x2.mul(n1, f64x2.splat(C2)));
  let p0 = f64x2.add(f64x2.mul(f64x2.splat(E0), r0), f64x2.splat(E1));
  let p1 = f64x2.add(f64x2.mul(f64x2.splat(E0), r1), f64x2.splat(E1));
  p0 = f64x2.add(f64x2.mul(p0, r0), f64x2.splat(E2));
  p1 = f64x2.add(f64x2.mul(p1, r1), f64x2.splat(E2));
  p0 = f64x2.add(f64x2.mul(p0, r0), f64x2.splat(E3));
  p1 = f64x2.add(f64x2.mul(p1, r1), f64x2.splat(E3));
  p0 = f64x2.add(f64x2.mul(p0, r0), f64x2.splat(E4));
  p1 = f64x2.add(f64x2.mul(p1, r1), f64x2.splat(E4));
  p0 = f64x2.add(f64x2.mul(p0, r0), f64x2.splat(E5));
  p1 = f64x2.add(f64x2.mul(p1, r1), f64x2.splat(E5));
  p0 = f64x2.add(f64x2.add(f64x2.mul(p0, f64x2.mul(r0, r0)), r0), f64x2.splat(1));
  p1 = f64x2.add(f64x2.add(f64x2.mul(p1, f64x2.mul(r1, r1)), r1), f64x2.splat(1));
  // 2^n from its exponent field n + 1023 (n in [−151, 151]: always a normal double).
  const bias = i64x2.splat(1023 - MAGIC_BITS);
  high = f64x2.mul(p1, i64x2.shl(i64x2.add(t1, bias), 52));
  return f64x2.mul(p0, i64x2.shl(i64x2.add(t0, bias), 52));
}

/** e^x of four float32 lanes, each rounded once from float64 (activationMath.ts's expf). */
function exp4(v: v128): v128 {
  const e0 = expOf<u16>(f64x2.promote_low_f32x4(v), f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1)));
  return i64x2.shuffle(f32x4.demote_f64x2_zero(e0), f32x4.demote_f64x2_zero(high), 0, 2);
}

/** σ of four float32 lanes, each rounded once from float64. */
function sigmoid4(v: v128): v128 {
  const e0 = expOf<i32>(f64x2.promote_low_f32x4(v), f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1)));
  const one = f64x2.splat(1);
  const y0 = f32x4.demote_f64x2_zero(f64x2.div(one, f64x2.add(one, e0)));
  const y1 = f32x4.demote_f64x2_zero(f64x2.div(one, f64x2.add(one, high)));
  return i64x2.shuffle(y0, y1, 0, 2);
}

/** tanh of four float32 lanes, each rounded once from float64. */
function tanh4(v: v128): v128 {
  const a0 = f64x2.abs(f64x2.promote_low_f32x4(v));
  const a1 = f64x2.abs(f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1)));
  const e0 = expOf<i64>(a0, a1);
  const e1 = high;
  // Small |x|: a + (a·z·P(z)) / Q(z), z = a²; else 1 − 2 / (e + 1). One division serves both.
  const z0 = f64x2.mul(a0, a0);
  const z1 = f64x2.mul(a1, a1);
  let p0 = f64x2.add(f64x2.mul(f64x2.splat(P0), z0), f64x2.splat(P1));
  let p1 = f64x2.add(f64x2.mul(f64x2.splat(P0), z1), f64x2.splat(P1));
  p0 = f64x2.add(f64x2.mul(p0, z0), f64x2.splat(P2));
  p1 = f64x2.add(f64x2.mul(p1, z1), f64x2.splat(P2));
  let q0 = f64x2.add(f64x2.mul(f64x2.add(z0, f64x2.splat(Q0)), z0), f64x2.splat(Q1));
  let q1 = f64x2.add(f64x2.mul(f64x2.add(z1, f64x2.splat(Q0)), z1), f64x2.splat(Q1));
  q0 = f64x2.add(f64x2.mul(q0, z0), f64x2.splat(Q2));
  q1 = f64x2.add(f64x2.mul(q1, z1), f64x2.splat(Q2));
  // NaN compares false: it takes the exp path, which keeps it NaN.
  const split = f64x2.splat(TANH_SPLIT);
  const small0 = f64x2.lt(a0, split);
  const small1 = f64x2.lt(a1, split);
  const one = f64x2.splat(1);
  const two = f64x2.splat(2);
  const num0 = v128.bitselect(f64x2.mul(f64x2.mul(a0, z0), p0), two, small0);
  const num1 = v128.bitselect(f64x2.mul(f64x2.mul(a1, z1), p1), two, small1);
  const d0 = f64x2.div(num0, v128.bitselect(q0, f64x2.add(e0, one), small0));
  const d1 = f64x2.div(num1, v128.bitselect(q1, f64x2.add(e1, one), small1));
  const y0 = f32x4.demote_f64x2_zero(v128.bitselect(f64x2.add(a0, d0), f64x2.sub(one, d0), small0));
  const y1 = f32x4.demote_f64x2_zero(v128.bitselect(f64x2.add(a1, d1), f64x2.sub(one, d1), small1));
  // The results are ≥ +0 (or NaN): x's sign bit makes tanh odd and keeps tanh(−0) = −0.
  return v128.or(i64x2.shuffle(y0, y1, 0, 2), v128.and(v, i32x4.splat(0x80000000)));
}

// Four floats per step; the last 1–3 loaded into the low lanes (zeros above) and stored lane by
// lane, in the same loop so that each helper keeps one caller. Nothing past `end` is read or written.

export function sigmoid(from: usize, to: usize, count: i32): void {
  if (count <= 0) return;
  const end = from + ((<usize>count) << 2);
  for (; from < end; from += 16, to += 16) {
    const full = from + 16 <= end;
    const y = sigmoid4(full ? v128.load(from) : loadTail(from, end));
    if (full) v128.store(to, y);
    else storeTail(to, y, end - from);
  }
}

export function tanh(from: usize, to: usize, count: i32): void {
  if (count <= 0) return;
  const end = from + ((<usize>count) << 2);
  for (; from < end; from += 16, to += 16) {
    const full = from + 16 <= end;
    const y = tanh4(full ? v128.load(from) : loadTail(from, end));
    if (full) v128.store(to, y);
    else storeTail(to, y, end - from);
  }
}

export function exp(from: usize, to: usize, count: i32): void {
  if (count <= 0) return;
  const end = from + ((<usize>count) << 2);
  for (; from < end; from += 16, to += 16) {
    const full = from + 16 <= end;
    const y = exp4(full ? v128.load(from) : loadTail(from, end));
    if (full) v128.store(to, y);
    else storeTail(to, y, end - from);
  }
}

/** The 1–3 floats from `from` to `end` in the low lanes, zeros above. */
function loadTail(from: usize, end: usize): v128 {
  let v = v128.load32_zero(from);
  if (from + 4 < end) v = v128.load32_lane(from + 4, v, 1);
  if (from + 8 < end) v = v128.load32_lane(from + 8, v, 2);
  return v;
}

/** The low lanes of v, `bytes` (4, 8 or 12) of them, to `to`. */
function storeTail(to: usize, v: v128, bytes: usize): void {
  v128.store32_lane(to, v, 0);
  if (bytes > 4) v128.store32_lane(to + 4, v, 1);
  if (bytes > 8) v128.store32_lane(to + 8, v, 2);
}
