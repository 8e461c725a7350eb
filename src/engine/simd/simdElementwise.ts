// The network pass's elementwise loops in SIMD (kernels/elementwise.ts) bound to a WebAssembly.Memory,
// normally tfjs-wasm's heap. Their results equal ../networkPass.ts's elementwiseJs bit for bit (any
// NaN for a NaN); callers fall back to those on null.
import type { Activation } from '../../core/config';
import type { Elementwise } from '../networkPass';
import { simdExportsFor } from './simdModule';

/** The kernel's activation codes (kernels/elementwise.ts). */
const KIND: Record<Activation, number> = { linear: 0, relu: 1, sigmoid: 2, tanh: 3 };

const bound = new WeakMap<WebAssembly.Memory, Elementwise | null>();

/**
 * The SIMD loops on `memory` with FLOAT offsets, as elementwiseJs takes them, or null where
 * WebAssembly SIMD (or, for a shared memory, threads) is unsupported or the module will not bind to
 * this memory. Cached per memory.
 */
export function simdElementwiseFor(memory: WebAssembly.Memory): Elementwise | null {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached;
  const kernels = simdExportsFor(memory);
  let fns: Elementwise | null = null;
  if (kernels) {
    const { biasAdd, columnSums, slopeSums, batchNormForward, batchNormBackward } = kernels;
    // Offsets become byte pointers; sizes stay in floats. No bias is pointer 0 (never a tensor's).
    fns = {
      biasAdd: (z, bias, rows, units) => biasAdd(z * 4, bias * 4, rows, units),
      columnSums: (from, to, rows, units) => columnSums(from * 4, to * 4, rows, units),
      slopeSums: (activation, d, a, zt, rows, units, sums) =>
        slopeSums(KIND[activation], d * 4, a * 4, zt * 4, rows, units, sums * 4),
      batchNormForward: (z, zNorm, gamma, beta, mean, variance, invStd, rows, units, epsilon) =>
        batchNormForward(
          z * 4,
          zNorm * 4,
          gamma * 4,
          beta * 4,
          mean * 4,
          variance * 4,
          invStd * 4,
          rows,
          units,
          epsilon,
        ),
      batchNormBackward: (activation, g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units) =>
        batchNormBackward(
          KIND[activation],
          g * 4,
          a * 4,
          zt * 4,
          zNorm * 4,
          gamma * 4,
          invStd * 4,
          dBeta * 4,
          dGamma * 4,
          bias < 0 ? 0 : bias * 4,
          rows,
          units,
        ),
    };
  }
  bound.set(memory, fns);
  return fns;
}
