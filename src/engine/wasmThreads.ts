// How many threads tfjs-wasm computes on, decided once per worker before its module starts.
// Threads need a cross-origin-isolated page (SharedArrayBuffer; COOP/COEP in vite.config.ts). Where
// the page is isolated, XNNPACK gets half the logical cores, as tfjs-wasm itself would give, and no
// threads below 4 cores: measured on the 2-core bench machine, 2 threads ran the digits net at 0.18×
// one thread (its pool spin-waits for a thread that shares its core with the page and the
// compositor), and the threaded build keeps 8 extra workers alive. One thread then runs tfjs-wasm's
// plain SIMD build.
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf';

export interface ThreadPlan {
  threads: number;
  /** Why only one thread, in words for the backend readout (null with more than one). */
  why: string | null;
}

export const MIN_CORES_FOR_THREADS = 4;

/** `forced` (the bench's comparison) overrides the core rule, never the isolation rule. */
export function planThreads(isolated: boolean, cores: number, forced?: number): ThreadPlan {
  if (!isolated) return { threads: 1, why: 'the page is not cross-origin isolated' };
  if (forced !== undefined && forced >= 1) return { threads: Math.min(8, Math.floor(forced)), why: null };
  if (cores < MIN_CORES_FOR_THREADS)
    return {
      threads: 1,
      why: `${cores} ${cores === 1 ? 'core' : 'cores'} here, threads start at ${MIN_CORES_FOR_THREADS}`,
    };
  return { threads: Math.min(8, Math.floor(cores / 2)), why: null };
}

declare global {
  /** Set by the bench worker before the engine loads, to time wasm on a given number of threads. */
  var __wasmThreads: number | undefined;
}

const cores = globalThis.navigator?.hardwareConcurrency ?? 1;

/** This worker's plan (Node tests: not isolated, one thread). */
export const threadPlan = planThreads(
  globalThis.crossOriginIsolated === true,
  cores,
  globalThis.__wasmThreads,
);

if (threadPlan.threads <= 1) {
  // Keeps tfjs-wasm on its single-threaded SIMD build even on an isolated page.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
} else {
  setThreadsCount(threadPlan.threads);
  // tfjs-wasm 4.22 also caps the pool at half of navigator.hardwareConcurrency, read when its module
  // starts: a forced count above that needs the module to see more cores.
  if (threadPlan.threads > Math.floor(cores / 2)) {
    try {
      Object.defineProperty(globalThis.navigator, 'hardwareConcurrency', { value: 2 * threadPlan.threads });
    } catch {
      // A navigator that won't take it: tfjs-wasm's own cap holds.
    }
  }
}
