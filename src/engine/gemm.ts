// The matrix product of the whole-network kernel (fusedNetwork.ts), for N models at once:
// C[m] = op(A[m])·op(B[m]) on row-major blocks of one Float32Array (the wasm heap, or the cpu
// kernel's scratch). Every entry is summed in one fixed order, k = 0, 1, … in float32
// (acc = fround(acc + fround(a·b)), starting from 0), so that the plain loop here and the SIMD module
// (simd/simdGemm.ts, which vectorises across columns, never across k) give the same numbers bit for
// bit, and a model's numbers never depend on how many models share the call.

export interface GemmArgs {
  /** Float offsets of model 0's A, B and C blocks. */
  a: number;
  b: number;
  c: number;
  models: number;
  /** C is rows × cols; the sum runs over `inner`. */
  rows: number;
  inner: number;
  cols: number;
  /** Floats from one model's block to the next; 0 shares one A (or B) across the models. */
  aStride: number;
  bStride: number;
  cStride: number;
  /** A is stored [inner, rows] (read transposed); otherwise [rows, inner]. */
  transA: boolean;
  /** B is stored [cols, inner] (read transposed); otherwise [inner, cols]. */
  transB: boolean;
}

/** The product in plain JavaScript: the reference for the SIMD module, and the cpu backend's route. */
export function gemmJs(mem: Float32Array, g: GemmArgs): void {
  const f = Math.fround;
  const { rows, inner, cols } = g;
  // Strides inside one block: A[r][k] at r·ar + k·ak, B[k][j] at k·bk + j·bj.
  const ar = g.transA ? 1 : inner;
  const ak = g.transA ? rows : 1;
  const bk = g.transB ? 1 : cols;
  const bj = g.transB ? inner : 1;
  for (let m = 0; m < g.models; m++) {
    const a = g.a + m * g.aStride;
    const b = g.b + m * g.bStride;
    const c = g.c + m * g.cStride;
    // Row by row, k outermost within a row: each entry still sums k = 0, 1, … in order (the store into
    // the Float32Array rounds each partial sum), and the inner loop walks C and B contiguously.
    for (let r = 0; r < rows; r++) {
      const row = c + r * cols;
      mem.fill(0, row, row + cols);
      for (let k = 0; k < inner; k++) {
        const x = mem[a + r * ar + k * ak];
        const from = b + k * bk;
        for (let j = 0; j < cols; j++) mem[row + j] += f(x * mem[from + j * bj]);
      }
    }
  }
}
