// The SIMD matrix product (kernels/gemm.ts, built into gemmWasm.ts) bound to a WebAssembly.Memory,
// normally tfjs-wasm's own heap, so the whole-network kernel multiplies tensors where they lie.
// Its results equal gemmJs bit for bit (see ../gemm.ts); callers fall back to gemmJs on null.
import type { GemmArgs } from '../gemm';
import { simdExportsFor } from './simdModule';

/** gemm on the bound memory; `scratchFloatOffset` names inner·cols free floats, used when transB. */
export type SimdGemm = (g: GemmArgs, scratchFloatOffset: number) => void;

const bound = new WeakMap<WebAssembly.Memory, SimdGemm | null>();

/**
 * The SIMD product on `memory`, or null where WebAssembly SIMD (or, for a shared memory, threads) is
 * unsupported or the module will not bind to this memory. Cached per memory.
 */
export function simdGemmFor(memory: WebAssembly.Memory): SimdGemm | null {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached;
  const kernels = simdExportsFor(memory);
  let fn: SimdGemm | null = null;
  if (kernels) {
    const gemm = kernels.gemm;
    // Offsets become byte pointers; sizes and strides stay in floats.
    fn = (g, scratch) =>
      gemm(
        g.a * 4,
        g.b * 4,
        g.c * 4,
        g.models,
        g.rows,
        g.inner,
        g.cols,
        g.aStride,
        g.bStride,
        g.cStride,
        g.transA ? 1 : 0,
        g.transB ? 1 : 0,
        scratch * 4,
      );
  }
  bound.set(memory, fn);
  return fn;
}
