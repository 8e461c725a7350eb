// The SIMD matrix product (kernels/gemm.ts, built into gemmWasm.ts) bound to a WebAssembly.Memory,
// normally tfjs-wasm's own heap, so the whole-network kernel multiplies tensors where they lie.
// Its results equal gemmJs bit for bit (see ../gemm.ts); callers fall back to gemmJs on null.
import type { GemmArgs } from '../gemm';
import { GEMM_WASM_PLAIN, GEMM_WASM_SHARED } from './gemmWasm';

/** gemm on the bound memory; `scratchFloatOffset` names inner·cols free floats, used when transB. */
export type SimdGemm = (g: GemmArgs, scratchFloatOffset: number) => void;

type GemmExport = (
  a: number,
  b: number,
  c: number,
  models: number,
  rows: number,
  inner: number,
  cols: number,
  aStride: number,
  bStride: number,
  cStride: number,
  transA: number,
  transB: number,
  scratch: number,
) => void;

const bound = new WeakMap<WebAssembly.Memory, SimdGemm | null>();
// One compiled module per variant, null where this engine rejects it (no SIMD, or no threads).
const modules = new Map<string, WebAssembly.Module | null>();

function moduleFor(base64: string): WebAssembly.Module | null {
  let mod = modules.get(base64);
  if (mod === undefined) {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    // Synchronous compile is fine: the binary is a couple of kilobytes, and workers and Node allow it.
    mod = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    modules.set(base64, mod);
  }
  return mod;
}

/** True where the memory is shared (the threaded tfjs-wasm build), which needs the shared variant. */
function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/**
 * The SIMD product on `memory`, or null where WebAssembly SIMD (or, for a shared memory, threads) is
 * unsupported or the module will not bind to this memory. Cached per memory.
 */
export function simdGemmFor(memory: WebAssembly.Memory): SimdGemm | null {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached;
  let fn: SimdGemm | null = null;
  const mod = moduleFor(isShared(memory) ? GEMM_WASM_SHARED : GEMM_WASM_PLAIN);
  if (mod) {
    try {
      const gemm = new WebAssembly.Instance(mod, { env: { memory } }).exports.gemm as GemmExport;
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
    } catch {
      // A memory the import cannot accept: the exact JavaScript product still works.
      fn = null;
    }
  }
  bound.set(memory, fn);
  return fn;
}
