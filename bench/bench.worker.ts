/// <reference lib="webworker" />
// The bench-only worker: times training with the app's own engine (the same Trainer, backends and
// data as the app's training worker), so that the app's worker ships no benchmark code.
import './threadsFromName';
import { activateBackend, threadInfo } from '../src/engine/backends';
import { setFusedAdam } from '../src/engine/fusedAdam';
import { setFusion } from '../src/engine/fusedKernel';
import { setNetworkFusion } from '../src/engine/fusedNetwork';
import { setProductsPerModel } from '../src/engine/perModelMatMul';
import { tf } from '../src/engine/tf';
import type { BackendName } from '../src/core/config';
import type { PreparedData } from '../src/engine/preparedData';
import { Trainer } from '../src/engine/trainer';
import { createDispatcher } from '../src/worker/dispatch';
import { loadData } from '../src/worker/loadData';
import type { BenchErrorReply, BenchmarkRequest, BenchReplyTo, BenchRequest } from './benchProtocol';

const CEILING_SHAPE = { m: 1920, k: 100, n: 100 };

/** Best time of a 2-D product [1920,100]×[100,100] on the active backend, after warm-up. */
async function ceilingMs(): Promise<number> {
  const { m, k, n } = CEILING_SHAPE;
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  try {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 25; r++) {
      const start = performance.now();
      const c = tf.matMul(a, b);
      await c.data();
      const ms = performance.now() - start;
      c.dispose();
      if (r >= 3) best = Math.min(best, ms);
    }
    return best;
  } finally {
    tf.dispose([a, b]);
  }
}

const threadsOf = (backend: BackendName) => threadInfo(backend).threads ?? 1;

declare const self: DedicatedWorkerGlobalScope;

// A worker named "...batched" times the engine as it was before issue 12: tfjs's batched products on
// wasm (the page's ?products=batched), for before/after figures from one run.
// No fused kernel of any kind existed then either.
if (self.name.includes('batched')) {
  setProductsPerModel(false);
  setFusion(false);
  setFusedAdam(false);
}
// "...layers": the fused kernels per layer without the whole-network kernel (fusedNetwork.ts), round 4's engine.
if (self.name.includes('layers')) setNetworkFusion(false);
// "...unfused": tfjs's separate kernels for the whole step (fusedKernel.ts, fusedAdam.ts), round 3's before.
if (self.name.includes('unfused')) {
  setFusion(false);
  setFusedAdam(false);
}

/** Model-steps per second of `population` models, stacked or one population after another. */
async function benchmark(
  data: PreparedData,
  request: BenchmarkRequest,
): Promise<{ modelStepsPerSec: number; elapsedMs: number }> {
  const models = Array.from({ length: request.population }, (_, i) => ({
    ...request.model,
    seed: request.model.seed + i,
  }));
  const populations = request.mode === 'stacked' ? [models] : models.map((m) => [m]);
  const trainers = populations.map((p) => new Trainer(data, p, { maxSteps: 1e9, evalEvery: 1e9 }));
  try {
    for (const t of trainers) {
      t.step(); // warm-up: kernels compile on the first steps
      t.step();
      await t.collect();
    }
    const start = performance.now();
    for (const t of trainers) {
      // Read costs back every 10 steps, as the run loop's chunks do.
      for (let s = 0; s < request.steps; s++) {
        t.step();
        if (s % 10 === 9) await t.collect();
      }
      await t.collect();
    }
    const elapsedMs = performance.now() - start;
    return { modelStepsPerSec: (request.population * request.steps * 1000) / elapsedMs, elapsedMs };
  } finally {
    for (const t of trainers) t.dispose();
  }
}

const dispatcher = createDispatcher<BenchRequest, BenchReplyTo, BenchErrorReply>({
  handlers: {
    async benchmark(request) {
      const data = await loadData(request.data, request.digitsUrl);
      const error = await activateBackend(request.backend);
      if (error) throw new Error(`${request.backend} did not start: ${error}`);
      const result = await benchmark(data, request);
      return {
        type: 'benchmarkResult',
        id: request.id,
        backend: request.backend,
        threads: threadsOf(request.backend),
        ...result,
      };
    },
    async ceiling(request) {
      const error = await activateBackend(request.backend);
      if (error) throw new Error(`${request.backend} did not start: ${error}`);
      const ms = await ceilingMs();
      const { m, k, n } = CEILING_SHAPE;
      return {
        type: 'ceilingResult',
        id: request.id,
        backend: request.backend,
        threads: threadsOf(request.backend),
        ms,
        gflops: (2 * m * k * n) / ms / 1e6,
      };
    },
  },
  post: (message, transfer) => self.postMessage(message, transfer),
  errorReply: (error, request) => ({
    type: 'error',
    id: request.id,
    message: error instanceof Error ? error.message : String(error),
  }),
});

self.addEventListener('message', (event: MessageEvent<BenchRequest>) => {
  void dispatcher.receive(event.data);
});
