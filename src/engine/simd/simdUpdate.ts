// The optimizer update rules in SIMD (kernels/update.ts) bound to a WebAssembly.Memory, normally
// tfjs-wasm's heap. Their results equal ../fusedUpdate.ts's updateLoopsJs bit for bit (any NaN for a
// NaN); callers fall back to those on null.
import type { UpdateLoops } from '../fusedUpdate';
import { tf } from '../tf';
import { type HeapOwner, heapMemory, simdExportsFor } from './simdModule';

const bound = new WeakMap<WebAssembly.Memory, UpdateLoops | null>();

/**
 * The SIMD loops on `memory`, taking the same arguments as updateLoopsJs (Float32Array views of
 * `memory` and float offsets into them), or null where WebAssembly SIMD (or, for a shared memory,
 * threads) is unsupported or the module will not bind to this memory. Cached per memory.
 */
export function simdUpdateFor(memory: WebAssembly.Memory): UpdateLoops | null {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached;
  const kernels = simdExportsFor(memory);
  let fns: UpdateLoops | null = null;
  if (kernels) {
    const { sgd, momentum, rmsprop, adam, runningAverage } = kernels;
    // A view and a float offset into it become a byte pointer.
    const at = (view: Float32Array, offset: number) => view.byteOffset + offset * 4;
    fns = {
      sgd: (param, grad, out, i, count, lr) => sgd(at(param, i), at(grad, i), at(out, i), count, lr),
      momentum: (param, grad, v, out, vOut, i, o, count, lr, beta, oneMinusBeta) =>
        momentum(at(param, i), at(grad, i), at(v, o), at(out, i), at(vOut, o), count, lr, beta, oneMinusBeta),
      rmsprop: (param, grad, s, out, sOut, i, o, count, lr, beta2, oneMinusBeta2, epsilon) =>
        rmsprop(
          at(param, i),
          at(grad, i),
          at(s, o),
          at(out, i),
          at(sOut, o),
          count,
          lr,
          beta2,
          oneMinusBeta2,
          epsilon,
        ),
      adam: (param, grad, v, s, out, vOut, sOut, i, o, count, a, b1, c1, b2, c2, e) =>
        adam(
          at(param, i),
          at(grad, i),
          at(v, o),
          at(s, o),
          at(out, i),
          at(vOut, o),
          at(sOut, o),
          count,
          a,
          b1,
          c1,
          b2,
          c2,
          e,
        ),
      running: (running, stat, out, i, count, keep, take) =>
        runningAverage(at(running, i), at(stat, i), at(out, i), count, keep, take),
    };
  }
  bound.set(memory, fns);
  return fns;
}

let enabled = true;

/** For the bench and tests: run the update's JavaScript loops on wasm too. */
export function setSimdUpdate(value: boolean): void {
  enabled = value;
}

/**
 * For a fused kernel's compute on the wasm backend: the SIMD loops on the active backend's heap, or
 * null (use updateLoopsJs) where there is none, SIMD is off or unsupported, or any of `views` is not
 * a view of that heap.
 */
export function heapUpdateLoops(views: Float32Array[]): UpdateLoops | null {
  if (!enabled) return null;
  const memory = heapMemory((tf.backend() as unknown as { wasm?: HeapOwner }).wasm);
  if (!memory) return null;
  const buffer: ArrayBufferLike = memory.buffer;
  const size = buffer.byteLength;
  // The threaded build's heap is shared: its views may hold an older SharedArrayBuffer object of the
  // same memory (taken before a grow), which is the same memory as long as it lies within it.
  const shared = typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
  for (const v of views) {
    if (v.buffer === buffer) continue;
    const sameMemory = shared && v.buffer instanceof SharedArrayBuffer && v.byteOffset + v.byteLength <= size;
    if (!sameMemory) return null;
  }
  return simdUpdateFor(memory);
}
