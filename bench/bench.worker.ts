/// <reference lib="webworker" />
// The bench-only worker: times training with the app's own engine (the same Trainer, backends and
// data as the app's training worker), so that the app's worker ships no benchmark code.
import { activateBackend } from '../src/engine/backends';
import type { PreparedData } from '../src/engine/preparedData';
import { Trainer } from '../src/engine/trainer';
import { createDispatcher } from '../src/worker/dispatch';
import { loadData } from '../src/worker/loadData';
import type { BenchErrorReply, BenchmarkRequest, BenchReplyTo, BenchRequest } from './benchProtocol';

declare const self: DedicatedWorkerGlobalScope;

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
      return { type: 'benchmarkResult', id: request.id, backend: request.backend, ...result };
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
