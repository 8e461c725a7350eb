// Starting tfjs backends inside the worker, and choosing one. 'auto' times a few steps of the
// actual workload on every backend that starts and keeps the fastest, because which one wins
// depends on the machine and the model size (software WebGL loses to wasm on tiny nets).
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from '../core/config';
import { BACKENDS } from '../core/config';
import { tf } from './tf';

// Point tfjs at the .wasm files Vite really serves (hashed names in the production build).
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface ChosenBackend {
  name: BackendName;
  reason: string;
  timings: Partial<Record<BackendName, number>>;
  failed: Partial<Record<BackendName, string>>;
}

/** Tries to make `name` the active backend; returns why it failed, or null. */
export async function activateBackend(name: BackendName): Promise<string | null> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `${name} is not available in this browser`;
    await tf.ready();
    if (name === 'webgl') {
      // A context that exists but cannot run kernels fails here rather than mid-training.
      const probe = tf.tidy(() => tf.add(tf.ones([2]), 1));
      await probe.data();
      probe.dispose();
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Activates the chosen backend. With 'auto', `timeStep(name)` measures milliseconds per step of
 * the real workload on each backend that starts, and the fastest wins. An explicit choice that
 * fails falls back to the next backend that starts, and says so.
 */
export async function chooseBackend(
  choice: BackendChoice,
  timeStep: (name: BackendName) => Promise<number>,
): Promise<ChosenBackend> {
  const failed: ChosenBackend['failed'] = {};
  const timings: ChosenBackend['timings'] = {};
  if (choice !== 'auto') {
    const error = await activateBackend(choice);
    if (!error) return { name: choice, reason: 'chosen', timings, failed };
    failed[choice] = error;
    for (const other of BACKENDS) {
      if (other === choice || (await activateBackend(other))) continue;
      return { name: other, reason: `${choice} failed to start; fell back to ${other}`, timings, failed };
    }
    throw new Error(`No tfjs backend could start (${choice}: ${error}).`);
  }
  for (const name of BACKENDS) {
    const error = await activateBackend(name);
    if (error) {
      failed[name] = error;
      continue;
    }
    try {
      timings[name] = await timeStep(name);
    } catch (e) {
      failed[name] = e instanceof Error ? e.message : String(e);
    }
  }
  const started = Object.keys(timings) as BackendName[];
  if (started.length === 0) throw new Error('No tfjs backend could start.');
  const best = started.reduce((a, b) => (timings[a]! <= timings[b]! ? a : b));
  await activateBackend(best);
  const unavailable = Object.keys(failed);
  const reason =
    `fastest of ${started.join(', ')}` +
    (unavailable.length ? ` (${unavailable.join(', ')} unavailable)` : '');
  return { name: best, reason, timings, failed };
}
