// AssemblyScript source of the SIMD matrix product (src/engine/simd/gemmWasm.ts holds its two builds;
// `npm run build:kernels` compiles it). The contract is src/engine/gemm.ts: C[m] = op(A[m])·op(B[m]),
// every entry summed over k = 0, 1, … in float32 from +0, one mul then one add per step. Lanes run
// across output columns only, never across k, so each lane does exactly the scalar sum of gemmJs and
// the results match it bit for bit (baseline SIMD has no fused multiply-add to tempt us).
//
// Pointers are BYTE addresses in the imported memory (tfjs-wasm's heap); strides and sizes are floats.
// Nothing here allocates or keeps state: the module has no data segment, so instantiating it never
// writes into the heap it shares with tfjs.

export function gemm(
  a: usize,
  b: usize,
  c: usize,
  models: i32,
  rows: i32,
  inner: i32,
  cols: i32,
  aStride: i32,
  bStride: i32,
  cStride: i32,
  transA: i32,
  transB: i32,
  scratch: usize,
): void {
  // Byte steps through A: to the next row of op(A), and to the next k.
  const arB: usize = (transA ? 1 : <usize>inner) << 2;
  const akB: usize = (transA ? <usize>rows : 1) << 2;
  for (let m = 0; m < models; m++) {
    const pa = a + ((<usize>m * <usize>aStride) << 2);
    let pb = b + ((<usize>m * <usize>bStride) << 2);
    const pc = c + ((<usize>m * <usize>cStride) << 2);
    if (transB) {
      // op(B) is read down columns of the stored [cols, inner] block; laying it out once as
      // [inner, cols] lets the tiles load whole rows. A shared B (stride 0) is laid out once.
      if (m === 0 || bStride !== 0) transpose(pb, scratch, inner, cols);
      pb = scratch;
    }
    block(pa, arB, akB, pb, pc, rows, inner, cols);
  }
}

/** dst[k][j] = src[j][k] for src stored [cols, inner]: 4 × 4 blocks transposed in registers. */
function transpose(src: usize, dst: usize, inner: i32, cols: i32): void {
  const sk: usize = (<usize>inner) << 2; // bytes from one src row (one j) to the next
  const dk: usize = (<usize>cols) << 2; // bytes from one dst row (one k) to the next
  let j = 0;
  for (; j + 4 <= cols; j += 4) {
    let s = src + <usize>j * sk;
    let d = dst + ((<usize>j) << 2);
    let k = 0;
    for (; k + 4 <= inner; k += 4) {
      const r0 = v128.load(s);
      const r1 = v128.load(s + sk);
      const r2 = v128.load(s + sk + sk);
      const r3 = v128.load(s + sk + sk + sk);
      const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
      const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
      const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
      const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
      v128.store(d, i64x2.shuffle(t0, t2, 0, 2));
      v128.store(d + dk, i64x2.shuffle(t0, t2, 1, 3));
      v128.store(d + dk + dk, i64x2.shuffle(t1, t3, 0, 2));
      v128.store(d + dk + dk + dk, i64x2.shuffle(t1, t3, 1, 3));
      s += 16;
      d += dk << 2;
    }
    for (; k < inner; k++) {
      store<f32>(d, load<f32>(s));
      store<f32>(d, load<f32>(s + sk), 4);
      store<f32>(d, load<f32>(s + sk + sk), 8);
      store<f32>(d, load<f32>(s + sk + sk + sk), 12);
      s += 4;
      d += dk;
    }
  }
  for (; j < cols; j++) {
    let s = src + <usize>j * sk;
    let d = dst + ((<usize>j) << 2);
    for (let k = 0; k < inner; k++) {
      store<f32>(d, load<f32>(s));
      s += 4;
      d += dk;
    }
  }
}

/** One model: C (rows × cols) = op(A)·B with B stored [inner, cols]. */
function block(
  pa: usize,
  arB: usize,
  akB: usize,
  pb: usize,
  pc: usize,
  rows: i32,
  inner: i32,
  cols: i32,
): void {
  const cB: usize = (<usize>cols) << 2;
  const full = cols & ~3; // columns in whole vectors; the rest (cols % 4) is the narrow tail
  let r = 0;
  // Four rows at a time: each loaded B vector feeds four rows' products.
  for (; r + 4 <= rows; r += 4) {
    const a0 = pa + <usize>r * arB;
    const c0 = pc + <usize>r * cB;
    let j = 0;
    for (; j + 8 <= full; j += 8)
      tile4x8(a0, arB, akB, pb + ((<usize>j) << 2), cB, c0 + ((<usize>j) << 2), inner);
    if (j < full) tile4x4(a0, arB, akB, pb + ((<usize>j) << 2), cB, c0 + ((<usize>j) << 2), inner);
  }
  const rows4 = r;
  for (; r < rows; r++) {
    const a0 = pa + <usize>r * arB;
    const c0 = pc + <usize>r * cB;
    let j = 0;
    for (; j + 8 <= full; j += 8) tile1x8(a0, akB, pb + ((<usize>j) << 2), cB, c0 + ((<usize>j) << 2), inner);
    if (j < full) {
      tile1x4(a0, akB, pb + ((<usize>j) << 2), cB, c0 + ((<usize>j) << 2), inner);
      j += 4;
    }
    for (; j < cols; j++) tile1x1(a0, akB, pb + ((<usize>j) << 2), cB, c0 + ((<usize>j) << 2), inner);
  }
  if (full === cols) return;
  // The narrow tail of the first rows4 rows, eight rows at a time where it can: two independent
  // sums per column hide the adder's latency that a single chain per k would wait on.
  const t = cols - full;
  const bt = pb + ((<usize>full) << 2);
  const ct = pc + ((<usize>full) << 2);
  let q = 0;
  for (; q + 8 <= rows4; q += 8) tail8(pa + <usize>q * arB, arB, akB, bt, cB, ct + <usize>q * cB, inner, t);
  if (q < rows4) tail4(pa + <usize>q * arB, arB, akB, bt, cB, ct + <usize>q * cB, inner, t);
}

// The tiles: a = op(A)[r][0], ar = byte step to the next row, ak = to the next k; b = B[0][j],
// bk = byte step to the next k (B's row); c = C[r][j], whose rows are also bk apart.

function tile4x8(a: usize, ar: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  let c30 = c00;
  let c31 = c00;
  const ar2 = ar + ar;
  const ar3 = ar2 + ar;
  for (let k = 0; k < inner; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let s = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(s, b0));
    c01 = f32x4.add(c01, f32x4.mul(s, b1));
    s = v128.load32_splat(a + ar);
    c10 = f32x4.add(c10, f32x4.mul(s, b0));
    c11 = f32x4.add(c11, f32x4.mul(s, b1));
    s = v128.load32_splat(a + ar2);
    c20 = f32x4.add(c20, f32x4.mul(s, b0));
    c21 = f32x4.add(c21, f32x4.mul(s, b1));
    s = v128.load32_splat(a + ar3);
    c30 = f32x4.add(c30, f32x4.mul(s, b0));
    c31 = f32x4.add(c31, f32x4.mul(s, b1));
    a += ak;
    b += bk;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  c += bk;
  v128.store(c, c10);
  v128.store(c, c11, 16);
  c += bk;
  v128.store(c, c20);
  v128.store(c, c21, 16);
  c += bk;
  v128.store(c, c30);
  v128.store(c, c31, 16);
}

function tile4x4(a: usize, ar: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32): void {
  let c0 = f32x4.splat(0);
  let c1 = c0;
  let c2 = c0;
  let c3 = c0;
  const ar2 = ar + ar;
  const ar3 = ar2 + ar;
  for (let k = 0; k < inner; k++) {
    const b0 = v128.load(b);
    c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(a), b0));
    c1 = f32x4.add(c1, f32x4.mul(v128.load32_splat(a + ar), b0));
    c2 = f32x4.add(c2, f32x4.mul(v128.load32_splat(a + ar2), b0));
    c3 = f32x4.add(c3, f32x4.mul(v128.load32_splat(a + ar3), b0));
    a += ak;
    b += bk;
  }
  v128.store(c, c0);
  v128.store(c + bk, c1);
  v128.store(c + bk + bk, c2);
  v128.store(c + bk + bk + bk, c3);
}

/**
 * The last t < 4 columns of four rows. Too narrow for lanes across columns (cols = 1, 2, 10 …), so
 * lanes run across the four rows instead, each lane still one entry's own sum over k in order.
 */
function tail4(a: usize, ar: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32, t: i32): void {
  let c0 = f32x4.splat(0);
  let c1 = c0;
  let c2 = c0;
  const ar2 = ar + ar;
  const ar3 = ar2 + ar;
  for (let k = 0; k < inner; k++) {
    // op(A)[r..r+3][k]: one load where the rows are adjacent (A read transposed), else gathered.
    let x: v128;
    if (ar === 4) x = v128.load(a);
    else {
      x = v128.load32_splat(a);
      x = v128.load32_lane(a + ar, x, 1);
      x = v128.load32_lane(a + ar2, x, 2);
      x = v128.load32_lane(a + ar3, x, 3);
    }
    c0 = f32x4.add(c0, f32x4.mul(x, v128.load32_splat(b)));
    if (t > 1) c1 = f32x4.add(c1, f32x4.mul(x, v128.load32_splat(b, 4)));
    if (t > 2) c2 = f32x4.add(c2, f32x4.mul(x, v128.load32_splat(b, 8)));
    a += ak;
    b += bk;
  }
  storeColumn(c, bk, c0);
  if (t > 1) storeColumn(c + 4, bk, c1);
  if (t > 2) storeColumn(c + 8, bk, c2);
}

/** tail4 for eight rows: two vectors of rows per column. */
function tail8(a: usize, ar: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32, t: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  const ar2 = ar + ar;
  const ar3 = ar2 + ar;
  const ar4 = ar2 + ar2;
  for (let k = 0; k < inner; k++) {
    let x0: v128;
    let x1: v128;
    if (ar === 4) {
      x0 = v128.load(a);
      x1 = v128.load(a, 16);
    } else {
      x0 = v128.load32_splat(a);
      x0 = v128.load32_lane(a + ar, x0, 1);
      x0 = v128.load32_lane(a + ar2, x0, 2);
      x0 = v128.load32_lane(a + ar3, x0, 3);
      const a4 = a + ar4;
      x1 = v128.load32_splat(a4);
      x1 = v128.load32_lane(a4 + ar, x1, 1);
      x1 = v128.load32_lane(a4 + ar2, x1, 2);
      x1 = v128.load32_lane(a4 + ar3, x1, 3);
    }
    let y = v128.load32_splat(b);
    c00 = f32x4.add(c00, f32x4.mul(x0, y));
    c01 = f32x4.add(c01, f32x4.mul(x1, y));
    if (t > 1) {
      y = v128.load32_splat(b, 4);
      c10 = f32x4.add(c10, f32x4.mul(x0, y));
      c11 = f32x4.add(c11, f32x4.mul(x1, y));
    }
    if (t > 2) {
      y = v128.load32_splat(b, 8);
      c20 = f32x4.add(c20, f32x4.mul(x0, y));
      c21 = f32x4.add(c21, f32x4.mul(x1, y));
    }
    a += ak;
    b += bk;
  }
  const c4 = c + (bk << 2);
  storeColumn(c, bk, c00);
  storeColumn(c4, bk, c01);
  if (t > 1) {
    storeColumn(c + 4, bk, c10);
    storeColumn(c4 + 4, bk, c11);
  }
  if (t > 2) {
    storeColumn(c + 8, bk, c20);
    storeColumn(c4 + 8, bk, c21);
  }
}

/** Lane i of v to C[r + i][j], rows `step` bytes apart. */
function storeColumn(c: usize, step: usize, v: v128): void {
  v128.store32_lane(c, v, 0);
  v128.store32_lane(c + step, v, 1);
  v128.store32_lane(c + step + step, v, 2);
  v128.store32_lane(c + step + step + step, v, 3);
}

function tile1x8(a: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32): void {
  let c0 = f32x4.splat(0);
  let c1 = c0;
  for (let k = 0; k < inner; k++) {
    const s = v128.load32_splat(a);
    c0 = f32x4.add(c0, f32x4.mul(s, v128.load(b)));
    c1 = f32x4.add(c1, f32x4.mul(s, v128.load(b, 16)));
    a += ak;
    b += bk;
  }
  v128.store(c, c0);
  v128.store(c, c1, 16);
}

function tile1x4(a: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32): void {
  let c0 = f32x4.splat(0);
  for (let k = 0; k < inner; k++) {
    c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(a), v128.load(b)));
    a += ak;
    b += bk;
  }
  v128.store(c, c0);
}

function tile1x1(a: usize, ak: usize, b: usize, bk: usize, c: usize, inner: i32): void {
  let s: f32 = 0;
  for (let k = 0; k < inner; k++) {
    s += load<f32>(a) * load<f32>(b);
    a += ak;
    b += bk;
  }
  store<f32>(c, s);
}
