// Starting tfjs backends inside the worker, and choosing one. 'auto' times a few steps of a bounded
// slice of the workload (engine/workloadTiming.ts) on the backends that start and keeps the fastest,
// because which one wins depends on the machine and the model size. Two are not timed once wasm has
// started, since they cannot win on the same cores: the cpu backend (the same JavaScript loops as
// wasm's fused kernels, without SIMD or XNNPACK), and WebGL drawn by a software renderer (SwiftShader,
// llvmpipe: a GPU emulated on the CPU; timing it cost ~2.8 s of shader compiling before the first run,
// for a step 75× slower than wasm's). wasm left alone that way is not timed at all. A backend that failed fatally (wasm aborted, WebGL lost its
// context) is not offered again in this worker.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendChoice, BackendName } from '../core/config';
import { BACKENDS } from '../core/config';
import { classifyFatal } from './fatalError';
import { tf } from './tf';
import { threadPlan } from './wasmThreads';

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
  /** wasm only: the threads XNNPACK runs on, and why only one where that is so (wasmThreads.ts). */
  threads?: number;
  threadsWhy?: string;
}

/** wasm's threads for the backend readout: what the module really started, and why only one. */
export function threadInfo(name: BackendName): Pick<ChosenBackend, 'threads' | 'threadsWhy'> {
  if (name !== 'wasm') return {};
  let threads = 1;
  try {
    threads = getThreadsCount();
  } catch {
    // Not started yet: one thread is what it would say.
  }
  const why = threads > 1 ? null : (threadPlan.why ?? 'tfjs-wasm started one');
  return why ? { threads, threadsWhy: why } : { threads };
}

/** Backends that failed fatally in this worker, with what happened: their state can't be trusted. */
const broken = new Map<BackendName, string>();

/**
 * Never offers `name` again in this worker (an aborted wasm module stays dead; a lost context stays
 * lost). The CPU backend is plain JavaScript: a failed allocation there leaves nothing broken.
 */
export function markBroken(name: BackendName, reason: string): void {
  if (name !== 'cpu') broken.set(name, reason);
}

/** Whether the active backend is WebGL and its context is lost (its errors then say little). */
export function webglContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  try {
    const gl = (tf.backend() as MathBackendWebGL).gpgpu?.gl;
    return gl ? gl.isContextLost() : false;
  } catch {
    return false;
  }
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * The name of the software renderer this browser's WebGL draws with (SwiftShader, llvmpipe, …), read
 * from a throwaway context without starting tfjs's WebGL; null where it is hardware or unknown.
 */
export function softwareRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const match = renderer.match(SOFTWARE_RENDERERS);
    if (!match) return null;
    return /swiftshader/i.test(renderer) ? 'SwiftShader' : /llvmpipe/i.test(renderer) ? 'llvmpipe' : match[0];
  } catch {
    return null;
  }
}

/** The order 'auto' tries them: wasm first, so that the rules for webgl and cpu know whether it started. */
const AUTO_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];

/** Tries to make `name` the active backend; returns why it failed, or null. */
export async function activateBackend(name: BackendName): Promise<string | null> {
  const brokenReason = broken.get(name);
  if (brokenReason) return `${name} stopped working in this worker (${brokenReason})`;
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
 * Activates the chosen backend. With 'auto', `timeStep(name, bestSoFarMs)` measures milliseconds per
 * step of (a slice of) the workload on each backend that starts (knowing the best time of the ones
 * before, so a clear loser can stop early), and the fastest wins; a timing that throws
 * counts that backend out. An explicit choice that fails falls back to the next backend that starts,
 * and says so. `checkpoint` is called between backends and throws when the start was cancelled.
 */
export async function chooseBackend(
  choice: BackendChoice,
  timeStep: (name: BackendName, bestSoFarMs: number | undefined) => Promise<number>,
  checkpoint: () => void = () => undefined,
): Promise<ChosenBackend> {
  const failed: ChosenBackend['failed'] = {};
  const timings: ChosenBackend['timings'] = {};
  if (choice !== 'auto') {
    const error = await activateBackend(choice);
    if (!error) return { name: choice, reason: 'chosen', timings, failed, ...threadInfo(choice) };
    failed[choice] = error;
    for (const other of BACKENDS) {
      if (other === choice || (await activateBackend(other))) continue;
      return {
        name: other,
        reason: `${choice} failed to start; fell back to ${other}`,
        timings,
        failed,
        ...threadInfo(other),
      };
    }
    throw new Error(`No tfjs backend could start (${choice}: ${error}).`);
  }
  // Read first, from a throwaway context: a software WebGL then costs neither tfjs's WebGL start-up
  // nor a timing, and wasm left alone needs no timing either.
  const software = BACKENDS.includes('webgl') ? softwareRenderer() : null;
  const skipped: string[] = [];
  let alone: BackendName | null = null;
  for (const name of AUTO_ORDER.filter((b) => BACKENDS.includes(b))) {
    const wasmStarted = timings.wasm !== undefined || alone === 'wasm';
    if (name === 'cpu' && wasmStarted) {
      skipped.push('cpu (slower than wasm by construction)');
      continue;
    }
    if (name === 'webgl' && software && wasmStarted) {
      skipped.push(`webgl (drawn in software by ${software})`);
      continue;
    }
    const error = await activateBackend(name);
    checkpoint();
    if (error) {
      failed[name] = error;
      continue;
    }
    if (name === 'wasm' && software) {
      // Neither of the others will be timed once wasm runs: nothing to compare it with.
      alone = 'wasm';
      continue;
    }
    try {
      const times = Object.values(timings);
      // WebGL's first step compiles its shaders: judged at steady state, never by that step against
      // wasm's best (a GPU that is slow to compile but fast to run would lose unmeasured).
      const best = name === 'webgl' || times.length === 0 ? undefined : Math.min(...times);
      timings[name] = await timeStep(name, best);
    } catch (e) {
      checkpoint(); // a cancelled start is no verdict on this backend
      const message = e instanceof Error ? e.message : String(e);
      const fatal = classifyFatal(message, { contextLost: name === 'webgl' && webglContextLost() });
      if (fatal) markBroken(name, message);
      failed[name] = message;
    }
  }
  const notTimed = skipped.length ? `; not timed: ${skipped.join(', ')}` : '';
  if (alone) {
    await activateBackend(alone);
    return { name: alone, reason: `the only one to try${notTimed}`, timings, failed, ...threadInfo(alone) };
  }
  const started = Object.keys(timings) as BackendName[];
  if (started.length === 0) throw new Error('No tfjs backend could start.');
  const best = started.reduce((a, b) => (timings[a]! <= timings[b]! ? a : b));
  await activateBackend(best);
  const unavailable = Object.keys(failed);
  const reason =
    `fastest of ${started.join(', ')}` +
    (unavailable.length ? ` (${unavailable.join(', ')} unavailable)` : '') +
    notTimed;
  return { name: best, reason, timings, failed, ...threadInfo(best) };
}
