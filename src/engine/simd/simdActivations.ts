// The SIMD activations (kernels/activations.ts) bound to a WebAssembly.Memory, normally tfjs-wasm's
// heap. Their results equal ../activationMath.ts's sigmoidInto / tanhInto / expInto bit for bit (any NaN for a
// NaN); callers fall back to those on null.
import { simdExportsFor } from './simdModule';

/** In-place-safe activations on the bound memory; FLOAT offsets, as sigmoidInto / tanhInto take. */
export interface SimdActivations {
  sigmoid(from: number, to: number, count: number): void;
  tanh(from: number, to: number, count: number): void;
  exp(from: number, to: number, count: number): void;
}

const bound = new WeakMap<WebAssembly.Memory, SimdActivations | null>();

/**
 * The SIMD activations on `memory`, or null where WebAssembly SIMD (or, for a shared memory,
 * threads) is unsupported or the module will not bind to this memory. Cached per memory.
 */
export function simdActivationsFor(memory: WebAssembly.Memory): SimdActivations | null {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached;
  const kernels = simdExportsFor(memory);
  let fns: SimdActivations | null = null;
  if (kernels) {
    const { sigmoid, tanh, exp } = kernels;
    fns = {
      sigmoid: (from, to, count) => sigmoid(from * 4, to * 4, count),
      tanh: (from, to, count) => tanh(from * 4, to * 4, count),
      exp: (from, to, count) => exp(from * 4, to * 4, count),
    };
  }
  bound.set(memory, fns);
  return fns;
}
