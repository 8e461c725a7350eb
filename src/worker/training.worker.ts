/// <reference lib="webworker" />
// The training worker: a thin switch from protocol messages to the engine. It owns every tensor;
// the page only ever sees plain numbers.
import type { BackendName, DataConfig, ModelSpec } from '../core/config';
import { activateBackend, type ChosenBackend, chooseBackend } from '../engine/backends';
import { type PreparedData, prepareData } from '../engine/preparedData';
import { RunLoop } from '../engine/runLoop';
import { tf } from '../engine/tf';
import { Trainer } from '../engine/trainer';
import {
  type BenchmarkRequest,
  type DataInfo,
  type ProgressEvent,
  progressTransferables,
  type ReplyTo,
  type Request,
  type StartRequest,
  type WorkerMessage,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const runs = new Map<number, RunLoop>();
let digitsBytes: Promise<Uint8Array> | null = null;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function loadData(config: DataConfig, digitsUrl: string | undefined): Promise<PreparedData> {
  if (config.dataset !== 'digits') return prepareData(config);
  if (!digitsBytes) {
    const url = digitsUrl ?? new URL('data/digits.bin', `${self.location.origin}/`).href;
    digitsBytes = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load the digits data (${response.status} from ${url}).`);
      return new Uint8Array(await response.arrayBuffer());
    });
    digitsBytes.catch(() => {
      digitsBytes = null;
    });
  }
  return prepareData(config, await digitsBytes);
}

/**
 * Milliseconds per step of this very workload on the active backend (for 'auto'): the best of three
 * short rounds after a warm-up, so that a busy moment on the machine doesn't decide the verdict.
 */
async function timeWorkload(data: PreparedData, models: ModelSpec[]): Promise<number> {
  const trainer = new Trainer(data, models, { maxSteps: 1e9, evalEvery: 1e9 });
  try {
    // The first steps compile kernels (shaders on webgl, JIT on wasm): not part of the timing.
    for (let i = 0; i < 3; i++) trainer.step();
    await trainer.collect();
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      let steps = 0;
      while (steps < 10 && (steps < 2 || performance.now() - start < 40)) {
        trainer.step();
        steps++;
      }
      await trainer.collect();
      best = Math.min(best, (performance.now() - start) / steps);
    }
    return best;
  } finally {
    trainer.dispose();
  }
}

// 'auto' times every backend on the workload; the verdict holds for the same workload shape.
const autoVerdicts = new Map<string, ChosenBackend>();

async function pickBackend(request: StartRequest, data: PreparedData): Promise<ChosenBackend> {
  if (request.backend !== 'auto')
    return chooseBackend(request.backend, () => timeWorkload(data, request.models));
  const key = JSON.stringify([
    request.data.dataset,
    request.models.length,
    request.models.map((m) => [m.hidden, m.batchNorm, m.optimizer, m.hyper.miniBatchSize]),
  ]);
  const known = autoVerdicts.get(key);
  if (known && !(await activateBackend(known.name))) return known;
  const chosen = await chooseBackend('auto', () => timeWorkload(data, request.models));
  autoVerdicts.set(key, chosen);
  return chosen;
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

function dataInfo(data: PreparedData): DataInfo {
  return {
    trainSize: data.trainSize,
    devSize: data.devSize,
    inputs: data.inputs,
    classes: data.classes,
    points: data.raw && { xy: data.raw.xy.slice(), label: data.raw.label.slice(), dev: data.raw.dev.slice() },
    bounds: data.raw?.bounds,
  };
}

async function start(request: StartRequest): Promise<ReplyTo['start']> {
  const data = await loadData(request.data, request.digitsUrl);
  const current = tf.getBackend() as BackendName | undefined;
  let chosen: ChosenBackend;
  if (request.alongside && runs.size > 0 && current) {
    // Runs share one tfjs engine: a run beside others stays on their backend.
    chosen = { name: current, reason: 'shared with the runs beside it', timings: {}, failed: {} };
  } else {
    // Otherwise one run at a time: a new run may switch the backend, which another run's tensors can't survive.
    for (const [id, run] of runs) {
      runs.delete(id);
      await run.stop();
    }
    chosen = await pickBackend(request, data);
  }
  const trainer = new Trainer(data, request.models, {
    maxSteps: request.maxSteps,
    evalEvery: request.evalEvery,
  });
  const runId = request.runId;
  const boundary = request.boundary && data.inputs === 2 ? request.boundary : undefined;
  const probe = request.probe && {
    model: request.probe.model,
    size: request.probe.size ?? 256,
    everyMs: request.probe.everyMs ?? 200,
  };
  const loop = new RunLoop(
    trainer,
    {
      progress(batch) {
        const event: ProgressEvent = {
          type: 'progress',
          runId,
          train: {
            model: Int32Array.from(batch.train.model),
            step: Int32Array.from(batch.train.step),
            cost: Float32Array.from(batch.train.cost),
          },
          dev: {
            model: Int32Array.from(batch.dev.model),
            step: Int32Array.from(batch.dev.step),
            cost: Float32Array.from(batch.dev.cost),
            accuracy: Float32Array.from(batch.dev.accuracy),
          },
          steps: Int32Array.from(batch.steps),
          learningRate: Float32Array.from(batch.learningRate),
          boundary: batch.boundary && { ...batch.boundary, probs: Float32Array.from(batch.boundary.probs) },
          probe: batch.probe,
        };
        post(event, progressTransferables(event));
      },
      status(status) {
        post({ type: 'status', runId, status });
      },
      modelStatus(change) {
        post({ type: 'modelStatus', runId, ...change });
      },
      error(message) {
        post({ type: 'runError', runId, message });
      },
    },
    boundary,
    probe,
  );
  runs.set(runId, loop);
  const info = dataInfo(data);
  const reply: ReplyTo['start'] = { type: 'started', id: request.id, runId, backend: chosen, data: info };
  post(reply, info.points ? [info.points.xy.buffer, info.points.label.buffer, info.points.dev.buffer] : []);
  if (request.paused) post({ type: 'status', runId, status: 'paused' });
  else loop.resume();
  return reply;
}

function runOf(runId: number): RunLoop {
  const run = runs.get(runId);
  if (!run) throw new Error(`Run ${runId} is not active.`);
  return run;
}

async function handle(request: Request): Promise<void> {
  const ack = () => post({ type: 'ack', id: request.id });
  switch (request.type) {
    case 'start':
      await start(request); // posts its own reply, with transferables
      return;
    case 'pause':
      runOf(request.runId).pause();
      return ack();
    case 'resume':
      runOf(request.runId).resume();
      return ack();
    case 'step':
      runOf(request.runId).step(request.steps);
      return ack();
    case 'stop': {
      const run = runs.get(request.runId);
      runs.delete(request.runId);
      if (run) await run.stop();
      return ack();
    }
    case 'setHyperparameters':
      runOf(request.runId).setHyperparameters(request.model, request.hyper);
      return ack();
    case 'snapshot': {
      const taken = runOf(request.runId).snapshot(request.model);
      post({ type: 'snapshotTaken', id: request.id, runId: request.runId, model: request.model, ...taken });
      return;
    }
    case 'restore':
      runOf(request.runId).restore(request.model, request.snapshotId);
      return ack();
    case 'setModelActive':
      runOf(request.runId).setModelActive(request.model, request.active);
      return ack();
    case 'extend':
      runOf(request.runId).extend(request.maxSteps);
      return ack();
    case 'inspect': {
      const { runId, model, layer, unit, batchSeed, biasShift } = request;
      const result = await runOf(runId).inspected.inspect(model, { layer, unit, batchSeed, biasShift });
      post({ ...result, type: 'inspection', id: request.id, runId, model });
      return;
    }
    case 'evaluateModes': {
      const { runId, model } = request;
      const result = await runOf(runId).inspected.evaluateModes(model);
      post({ ...result, type: 'modesEvaluated', id: request.id, runId, model });
      return;
    }
    case 'batchStatistics': {
      const { runId, model, layer, unit, sizes, batches, seed } = request;
      const result = await runOf(runId).inspected.batchStatistics(model, {
        layer,
        unit,
        sizes,
        batches,
        seed,
      });
      post({ ...result, type: 'batchStatistics', id: request.id, runId, model, layer, unit });
      return;
    }
    case 'benchmark': {
      const data = await loadData(request.data, request.digitsUrl);
      const error = await activateBackend(request.backend);
      if (error) throw new Error(`${request.backend} did not start: ${error}`);
      const result = await benchmark(data, request);
      post({ type: 'benchmarkResult', id: request.id, backend: request.backend, ...result });
      return;
    }
    case 'memory': {
      const memory = tf.memory();
      post({
        type: 'memoryReport',
        id: request.id,
        numTensors: memory.numTensors,
        numBytes: memory.numBytes,
        backend: tf.getBackend() ?? 'none',
      });
      return;
    }
  }
}

// Requests are handled one after another, in the order sent, so that a 'stop' never overtakes the
// 'start' it follows. The training loop itself runs beside this queue (resume only kicks it off).
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<Request>) => {
  const request = event.data;
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      post({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    });
});
