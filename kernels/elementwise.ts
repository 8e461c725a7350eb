// AssemblyScript source of the network pass's elementwise loops (bias add, column sums, the
// activation's slope, batch norm forward and backward), built into the same module as gemm.ts (see
// build.mjs). src/engine/networkPass.ts's loops (biasAddJs, columnSumsJs, slopeSumsJs,
// batchNormForwardJs, batchNormBackwardJs) are their scalar twins: the same float64 operations in the
// same order, so the two agree bit for bit (any NaN matching any NaN). Keep them in step.
//
// The JavaScript reads each float32 as a double (exact), computes in doubles and rounds to float32
// where it stores into the Float32Array; per-unit values it keeps in a Float64Array stay doubles. So
// here: f64x2 lanes (promote is exact), +, −, ×, ÷ and sqrt (IEEE double in both), a demotion (round
// to nearest, as Math.fround) exactly where the JavaScript stores, and a stored value read back
// (promoted from its float32) where the JavaScript reads it back. No fused multiply-add.
//
// Lanes run across units (columns) only. Each [rows, units] block is walked in column blocks of four
// floats (two f64x2 halves); within a block every pass runs over rows j = 0, 1, … in order, so each
// column's sums are the JavaScript's sums, and the per-unit values stay in registers. The last 1–3
// columns take the same code with lane-wise loads and stores (the `Part` instantiation). Pointers are
// BYTE addresses in the imported memory and need no alignment; nothing outside the named outputs is
// written, and nothing past a block's last float is read.

/** Activation codes (src/engine/simd/simdElementwise.ts maps the names). */
const LINEAR = 0;
const RELU = 1;
const SIGMOID = 2;
const TANH = 3;

// Compile-time tags: Full blocks (four columns, whole-vector loads) and Part (1–3 columns); the
// activation as a type of 2^code bytes, so each full-block loop is compiled once per kind with no
// branch, or Any: the code at run time (the 1–3 column tails, one copy for all kinds).
type Full = f64;
type Part = i32;
type Linear = u8;
type Relu = u16;
type Sigmoid = u32;
type Tanh = u64;
type Any = f32;

/** Whether the activation is `code`: from the tag K, or for Any from `kind`. */
function isKind<K>(kind: i32, code: i32): bool {
  if (isFloat<K>()) return kind === code;
  return sizeof<K>() === <usize>(1 << code);
}

/** Four floats at p (w of them for Part: zeros above). */
function ld<F>(p: usize, w: i32): v128 {
  if (isFloat<F>()) return v128.load(p);
  let v = v128.load32_zero(p);
  if (w > 1) v = v128.load32_lane(p + 4, v, 1);
  if (w > 2) v = v128.load32_lane(p + 8, v, 2);
  return v;
}

/** Four floats to p (the low w of them for Part). */
function st<F>(p: usize, v: v128, w: i32): void {
  if (isFloat<F>()) {
    v128.store(p, v);
    return;
  }
  v128.store32_lane(p, v, 0);
  if (w > 1) v128.store32_lane(p + 4, v, 1);
  if (w > 2) v128.store32_lane(p + 8, v, 2);
}

/** Floats 0, 1 and 2, 3 of v as doubles (exact). */
function lo(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}
function hi(v: v128): v128 {
  return f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1));
}

/** Two double halves rounded to four floats (Math.fround each). */
function narrow(l: v128, h: v128): v128 {
  return i64x2.shuffle(f32x4.demote_f64x2_zero(l), f32x4.demote_f64x2_zero(h), 0, 2);
}

/** The JavaScript's relu slope factor: z > 0 ? 1 : isNaN(z) ? z : 0. */
function reluFactor(z: v128): v128 {
  const nan = v128.bitselect(z, f64x2.splat(0), f64x2.ne(z, z));
  return v128.bitselect(f64x2.splat(1), nan, f64x2.gt(z, f64x2.splat(0)));
}

// ---- bias add: z[j][c] = fround(z[j][c] + bias[c]) ----

export function biasAdd(z: usize, bias: usize, rows: i32, units: i32): void {
  const stride = (<usize>units) << 2;
  let c = 0;
  for (; c + 4 <= units; c += 4)
    biasBlock<Full>(z + ((<usize>c) << 2), bias + ((<usize>c) << 2), rows, stride, 4);
  if (c < units) biasBlock<Part>(z + ((<usize>c) << 2), bias + ((<usize>c) << 2), rows, stride, units - c);
}

function biasBlock<F>(z: usize, bias: usize, rows: i32, stride: usize, w: i32): void {
  const bv = ld<F>(bias, w);
  const b0 = lo(bv);
  const b1 = hi(bv);
  for (let j = 0; j < rows; j++, z += stride) {
    const v = ld<F>(z, w);
    st<F>(z, narrow(f64x2.add(lo(v), b0), f64x2.add(hi(v), b1)), w);
  }
}

// ---- column sums: to[c] = fround(Σ_j from[j][c]), the sum a double from +0 ----

export function columnSums(from: usize, to: usize, rows: i32, units: i32): void {
  const stride = (<usize>units) << 2;
  let c = 0;
  for (; c + 4 <= units; c += 4)
    sumsBlock<Full>(from + ((<usize>c) << 2), to + ((<usize>c) << 2), rows, stride, 4);
  if (c < units) sumsBlock<Part>(from + ((<usize>c) << 2), to + ((<usize>c) << 2), rows, stride, units - c);
}

function sumsBlock<F>(from: usize, to: usize, rows: i32, stride: usize, w: i32): void {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  for (let j = 0; j < rows; j++, from += stride) {
    const v = ld<F>(from, w);
    s0 = f64x2.add(s0, lo(v));
    s1 = f64x2.add(s1, hi(v));
  }
  st<F>(to, narrow(s0, s1), w);
}

// ---- the slope, then the column sums of the result ----
// d[j][c] = fround(d · f) with f = 1 − a² (tanh), a·(1 − a) (sigmoid), relu's factor of z̃ (relu),
// none (linear); then sums[c] = fround(Σ_j d[j][c]) over the stored (rounded) values.

/** A slope's one step: the four new d's from the four at d, a (tanh, sigmoid) or zt (relu). */
function slope4<K, F>(kind: i32, d: usize, a: usize, zt: usize, w: i32): v128 {
  const v = ld<F>(d, w);
  if (isKind<K>(kind, LINEAR)) return v;
  let f0: v128;
  let f1: v128;
  if (isKind<K>(kind, RELU)) {
    const z = ld<F>(zt, w);
    f0 = reluFactor(lo(z));
    f1 = reluFactor(hi(z));
  } else {
    const av = ld<F>(a, w);
    const a0 = lo(av);
    const a1 = hi(av);
    const one = f64x2.splat(1);
    if (isKind<K>(kind, SIGMOID)) {
      f0 = f64x2.mul(a0, f64x2.sub(one, a0));
      f1 = f64x2.mul(a1, f64x2.sub(one, a1));
    } else {
      f0 = f64x2.sub(one, f64x2.mul(a0, a0));
      f1 = f64x2.sub(one, f64x2.mul(a1, a1));
    }
  }
  return narrow(f64x2.mul(lo(v), f0), f64x2.mul(hi(v), f1));
}

export function slopeSums(
  kind: i32,
  d: usize,
  a: usize,
  zt: usize,
  rows: i32,
  units: i32,
  sums: usize,
): void {
  if (kind === LINEAR) columnSums(d, sums, rows, units);
  else {
    if (kind === RELU) slopeSumsOf<Relu>(d, a, zt, rows, units, sums);
    else if (kind === SIGMOID) slopeSumsOf<Sigmoid>(d, a, zt, rows, units, sums);
    else if (kind === TANH) slopeSumsOf<Tanh>(d, a, zt, rows, units, sums);
    else return;
    const c = units & ~3;
    if (c < units) {
      const o = (<usize>c) << 2;
      slopeBlock<Any, Part>(kind, d + o, a + o, zt + o, rows, (<usize>units) << 2, units - c, sums + o);
    }
  }
}

/** The full four-column blocks, two at a time (four independent sums) while they last. */
function slopeSumsOf<K>(d: usize, a: usize, zt: usize, rows: i32, units: i32, sums: usize): void {
  const stride = (<usize>units) << 2;
  let c = 0;
  for (; c + 8 <= units; c += 8) {
    const o = (<usize>c) << 2;
    slopeBlock8<K>(d + o, a + o, zt + o, rows, stride, sums + o);
  }
  if (c + 4 <= units) {
    const o = (<usize>c) << 2;
    slopeBlock<K, Full>(0, d + o, a + o, zt + o, rows, stride, 4, sums + o);
  }
}

function slopeBlock8<K>(d: usize, a: usize, zt: usize, rows: i32, stride: usize, sums: usize): void {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let s2 = f64x2.splat(0);
  let s3 = f64x2.splat(0);
  for (let j = 0; j < rows; j++, d += stride, a += stride, zt += stride) {
    const out0 = slope4<K, Full>(0, d, a, zt, 4);
    const out1 = slope4<K, Full>(0, d + 16, a + 16, zt + 16, 4);
    v128.store(d, out0);
    v128.store(d + 16, out1);
    s0 = f64x2.add(s0, lo(out0));
    s1 = f64x2.add(s1, hi(out0));
    s2 = f64x2.add(s2, lo(out1));
    s3 = f64x2.add(s3, hi(out1));
  }
  v128.store(sums, narrow(s0, s1));
  v128.store(sums + 16, narrow(s2, s3));
}

function slopeBlock<K, F>(
  kind: i32,
  d: usize,
  a: usize,
  zt: usize,
  rows: i32,
  stride: usize,
  w: i32,
  sums: usize,
): void {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  for (let j = 0; j < rows; j++, d += stride, a += stride, zt += stride) {
    const out = slope4<K, F>(kind, d, a, zt, w);
    st<F>(d, out, w);
    s0 = f64x2.add(s0, lo(out));
    s1 = f64x2.add(s1, hi(out));
  }
  st<F>(sums, narrow(s0, s1), w);
}

// ---- batch norm forward, one model's [rows, units] block z (z̃ on return) ----
// μ = (Σ_j z)/b, σ² = (Σ_j (z − μ)²)/b, 1/σ = 1/sqrt(σ² + ε) (mean, variance and invStd stored
// rounded; μ, σ², 1/σ used as doubles), then z_norm = (z − μ)·(1/σ) and z̃ = γ·z_norm + β, both
// rounded on store and z̃ from the unrounded z_norm.

export function batchNormForward(
  z: usize,
  zNorm: usize,
  gamma: usize,
  beta: usize,
  mean: usize,
  variance: usize,
  invStd: usize,
  rows: i32,
  units: i32,
  epsilon: f64,
): void {
  const stride = (<usize>units) << 2;
  let c = 0;
  for (; c + 4 <= units; c += 4) {
    const o = (<usize>c) << 2;
    bnForwardBlock<Full>(
      z + o,
      zNorm + o,
      gamma + o,
      beta + o,
      mean + o,
      variance + o,
      invStd + o,
      rows,
      stride,
      4,
      epsilon,
    );
  }
  if (c < units) {
    const o = (<usize>c) << 2;
    bnForwardBlock<Part>(
      z + o,
      zNorm + o,
      gamma + o,
      beta + o,
      mean + o,
      variance + o,
      invStd + o,
      rows,
      stride,
      units - c,
      epsilon,
    );
  }
}

function bnForwardBlock<F>(
  z: usize,
  zNorm: usize,
  gamma: usize,
  beta: usize,
  mean: usize,
  variance: usize,
  invStd: usize,
  rows: i32,
  stride: usize,
  w: i32,
  epsilon: f64,
): void {
  const b = f64x2.splat(<f64>rows);
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let p = z;
  for (let j = 0; j < rows; j++, p += stride) {
    const v = ld<F>(p, w);
    s0 = f64x2.add(s0, lo(v));
    s1 = f64x2.add(s1, hi(v));
  }
  const mu0 = f64x2.div(s0, b);
  const mu1 = f64x2.div(s1, b);
  st<F>(mean, narrow(mu0, mu1), w);
  s0 = f64x2.splat(0);
  s1 = f64x2.splat(0);
  p = z;
  for (let j = 0; j < rows; j++, p += stride) {
    const v = ld<F>(p, w);
    const c0 = f64x2.sub(lo(v), mu0);
    const c1 = f64x2.sub(hi(v), mu1);
    s0 = f64x2.add(s0, f64x2.mul(c0, c0));
    s1 = f64x2.add(s1, f64x2.mul(c1, c1));
  }
  const var0 = f64x2.div(s0, b);
  const var1 = f64x2.div(s1, b);
  st<F>(variance, narrow(var0, var1), w);
  const one = f64x2.splat(1);
  const eps = f64x2.splat(epsilon);
  const inv0 = f64x2.div(one, f64x2.sqrt(f64x2.add(var0, eps)));
  const inv1 = f64x2.div(one, f64x2.sqrt(f64x2.add(var1, eps)));
  st<F>(invStd, narrow(inv0, inv1), w);
  const gv = ld<F>(gamma, w);
  const bv = ld<F>(beta, w);
  const g0 = lo(gv);
  const g1 = hi(gv);
  const be0 = lo(bv);
  const be1 = hi(bv);
  p = z;
  let q = zNorm;
  for (let j = 0; j < rows; j++, p += stride, q += stride) {
    const v = ld<F>(p, w);
    const n0 = f64x2.mul(f64x2.sub(lo(v), mu0), inv0);
    const n1 = f64x2.mul(f64x2.sub(hi(v), mu1), inv1);
    st<F>(q, narrow(n0, n1), w);
    st<F>(p, narrow(f64x2.add(f64x2.mul(g0, n0), be0), f64x2.add(f64x2.mul(g1, n1), be1)), w);
  }
}

// ---- batch norm backward, one model's [rows, units] block g (dJ/da in, dJ/dz out) ----
// g = the slope of g (as slopeSums, its sums into dBeta), dGamma = Σ_j g·z_norm, then
// g = (γ·(1/σ)) · (g − dβ/b − z_norm · (Σ_j g·z_norm)/b) with γ, 1/σ and dβ read back as floats and
// the dγ sum as its double; with a bias (bias ≠ 0), its gradient: the column sums of the new g.

export function batchNormBackward(
  kind: i32,
  g: usize,
  a: usize,
  zt: usize,
  zNorm: usize,
  gamma: usize,
  invStd: usize,
  dBeta: usize,
  dGamma: usize,
  bias: usize,
  rows: i32,
  units: i32,
): void {
  if (kind === LINEAR) bnBackwardOf<Linear>(g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units);
  else if (kind === RELU)
    bnBackwardOf<Relu>(g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units);
  else if (kind === SIGMOID)
    bnBackwardOf<Sigmoid>(g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units);
  else if (kind === TANH)
    bnBackwardOf<Tanh>(g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units);
  else return;
  const c = units & ~3;
  if (c < units) {
    const o = (<usize>c) << 2;
    bnBackwardBlock<Any, Part>(
      kind,
      g + o,
      a + o,
      zt + o,
      zNorm + o,
      gamma + o,
      invStd + o,
      dBeta + o,
      dGamma + o,
      bias ? bias + o : 0,
      rows,
      (<usize>units) << 2,
      units - c,
    );
  }
}

/** The full four-column blocks. */
function bnBackwardOf<K>(
  g: usize,
  a: usize,
  zt: usize,
  zNorm: usize,
  gamma: usize,
  invStd: usize,
  dBeta: usize,
  dGamma: usize,
  bias: usize,
  rows: i32,
  units: i32,
): void {
  const stride = (<usize>units) << 2;
  for (let c = 0; c + 4 <= units; c += 4) {
    const o = (<usize>c) << 2;
    bnBackwardBlock<K, Full>(
      0,
      g + o,
      a + o,
      zt + o,
      zNorm + o,
      gamma + o,
      invStd + o,
      dBeta + o,
      dGamma + o,
      bias ? bias + o : 0,
      rows,
      stride,
      4,
    );
  }
}

function bnBackwardBlock<K, F>(
  kind: i32,
  g: usize,
  a: usize,
  zt: usize,
  zNorm: usize,
  gamma: usize,
  invStd: usize,
  dBeta: usize,
  dGamma: usize,
  bias: usize,
  rows: i32,
  stride: usize,
  w: i32,
): void {
  const b = f64x2.splat(<f64>rows);
  // The slope in place, its column sums into dβ.
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let p = g;
  let pa = a;
  let pz = zt;
  for (let j = 0; j < rows; j++, p += stride, pa += stride, pz += stride) {
    const out = slope4<K, F>(kind, p, pa, pz, w);
    if (!isKind<K>(kind, LINEAR)) st<F>(p, out, w);
    s0 = f64x2.add(s0, lo(out));
    s1 = f64x2.add(s1, hi(out));
  }
  const dBetaF = narrow(s0, s1);
  st<F>(dBeta, dBetaF, w);
  // dγ = Σ_j g·z_norm.
  s0 = f64x2.splat(0);
  s1 = f64x2.splat(0);
  p = g;
  let q = zNorm;
  for (let j = 0; j < rows; j++, p += stride, q += stride) {
    const v = ld<F>(p, w);
    const n = ld<F>(q, w);
    s0 = f64x2.add(s0, f64x2.mul(lo(v), lo(n)));
    s1 = f64x2.add(s1, f64x2.mul(hi(v), hi(n)));
  }
  st<F>(dGamma, narrow(s0, s1), w);
  const gv = ld<F>(gamma, w);
  const iv = ld<F>(invStd, w);
  const scale0 = f64x2.mul(lo(gv), lo(iv));
  const scale1 = f64x2.mul(hi(gv), hi(iv));
  const meanD0 = f64x2.div(lo(dBetaF), b);
  const meanD1 = f64x2.div(hi(dBetaF), b);
  const meanDn0 = f64x2.div(s0, b);
  const meanDn1 = f64x2.div(s1, b);
  // dJ/dz, and a kept bias's gradient: its column sums.
  let t0 = f64x2.splat(0);
  let t1 = f64x2.splat(0);
  p = g;
  q = zNorm;
  for (let j = 0; j < rows; j++, p += stride, q += stride) {
    const v = ld<F>(p, w);
    const n = ld<F>(q, w);
    const r0 = f64x2.mul(scale0, f64x2.sub(f64x2.sub(lo(v), meanD0), f64x2.mul(lo(n), meanDn0)));
    const r1 = f64x2.mul(scale1, f64x2.sub(f64x2.sub(hi(v), meanD1), f64x2.mul(hi(n), meanDn1)));
    const out = narrow(r0, r1);
    st<F>(p, out, w);
    t0 = f64x2.add(t0, lo(out));
    t1 = f64x2.add(t1, hi(out));
  }
  if (bias) st<F>(bias, narrow(t0, t1), w);
}
