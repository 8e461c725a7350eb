// The benchmark page (bench/index.html): what bench/run.mjs drives through Playwright. It exposes
// window.runBenchmark, which times training inside the bench worker (bench/bench.worker.ts: the app's
// engine, backends and data in a worker of their own, so the app's worker carries no bench code), and
// window.runReference, which times the plain-TypeScript reference MLP. The reference runs on this
// page's main thread: nothing else happens on it while it runs, and the worker is idle.
import type { BackendName } from '../src/core/config';
import { digitsBinUrl } from '../src/core/datasets';
import { DEFAULT_EXPERIMENT, dataConfigOf, type Experiment, modelSpecOf } from '../src/core/experiment';
import { prepareData } from '../src/engine/preparedData';
import type { BenchmarkRequest, BenchmarkResult, BenchReply } from './benchProtocol';
import { ReferenceMlp } from './referenceMlp';

export type WorkloadName = 'spiral-mlp' | 'digits-bn-mlp';

/** The two workloads of the benchmark, as experiments a learner could set up. */
export const WORKLOADS: Record<WorkloadName, Experiment> = {
  // 2-16-16-1 tanh, Adam, mini-batch 32, 1000 spiral points.
  'spiral-mlp': {
    ...DEFAULT_EXPERIMENT,
    dataset: 'spiral',
    hidden: [16, 16],
    activation: 'tanh',
    batchNorm: [false, false],
    optimizer: 'adam',
    learningRate: 0.01,
    miniBatchSize: 32,
  },
  // 64-100-100-100-10 sigmoid, batch norm on every hidden layer, SGD, mini-batch 60.
  'digits-bn-mlp': {
    ...DEFAULT_EXPERIMENT,
    dataset: 'digits',
    hidden: [100, 100, 100],
    activation: 'sigmoid',
    batchNorm: [true, true, true],
    optimizer: 'sgd',
    learningRate: 0.1,
    miniBatchSize: 60,
  },
};

export interface BenchmarkParams {
  workload: WorkloadName;
  backend: BackendName;
  population: number;
  mode: 'stacked' | 'separate';
  steps: number;
}

export interface BenchmarkOutcome {
  modelStepsPerSec: number;
  elapsedMs: number;
  /** Wall time of the whole request as seen from the page (data, warm-up, timed part). */
  requestMs: number;
}

export interface ReferenceParams {
  population: number;
  steps: number;
}

export interface ReferenceOutcome {
  modelStepsPerSec: number;
  elapsedMs: number;
  /** Training-set cost of the first model before and after its steps (shows that it learns). */
  costBefore: number;
  costAfter: number;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(reply: BenchmarkResult): void; reject(error: Error): void }>();

/** Sends one benchmark request to the bench worker (started on first use) and waits for its reply. */
function requestBenchmark(body: Omit<BenchmarkRequest, 'type' | 'id'>): Promise<BenchmarkResult> {
  if (!worker) {
    worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<BenchReply>) => {
      const reply = e.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.type === 'error') waiting.reject(new Error(reply.message));
      else waiting.resolve(reply);
    });
    worker.addEventListener('error', (e) => {
      for (const waiting of pending.values())
        waiting.reject(new Error(`The bench worker failed: ${e.message}`));
      pending.clear();
    });
  }
  const id = nextId++;
  const request: BenchmarkRequest = { type: 'benchmark', id, ...body };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage(request);
  });
}

async function runBenchmark(params: BenchmarkParams): Promise<BenchmarkOutcome> {
  const experiment = WORKLOADS[params.workload];
  const started = performance.now();
  const reply = await requestBenchmark({
    data: dataConfigOf(experiment),
    model: modelSpecOf(experiment),
    backend: params.backend,
    population: params.population,
    mode: params.mode,
    steps: params.steps,
    // The worker's own URL says nothing about where the page's public/ files live: tell it.
    digitsUrl: new URL(digitsBinUrl, document.baseURI).href,
  });
  return {
    modelStepsPerSec: reply.modelStepsPerSec,
    elapsedMs: reply.elapsedMs,
    requestMs: performance.now() - started,
  };
}

const spiral = WORKLOADS['spiral-mlp'];
const spiralData = prepareData(dataConfigOf(spiral));

function referenceModel(seed: number): ReferenceMlp {
  const spec = modelSpecOf(spiral);
  return new ReferenceMlp({
    inputs: spiralData.inputs,
    hidden: spec.hidden,
    activation: 'tanh',
    learningRate: spec.hyper.learningRate,
    beta1: spec.hyper.adamBeta1,
    beta2: spec.hyper.adamBeta2,
    epsilon: spec.hyper.epsilon,
    miniBatchSize: spec.hyper.miniBatchSize,
    seed,
  });
}

let referenceWarm = false;

/** `population` reference models of the spiral-mlp workload, trained one after the other. */
function runReference(params: ReferenceParams): ReferenceOutcome {
  const { xTrain, yTrain } = spiralData;
  if (!referenceWarm) {
    // Warm-up: let the JIT compile the hot loops before anything is timed.
    const warm = referenceModel(999);
    for (let s = 0; s < 300; s++) warm.step(xTrain, yTrain);
    referenceWarm = true;
  }
  const models = Array.from({ length: params.population }, (_, i) => referenceModel(spiral.seed + i));
  const costBefore = models[0].cost(xTrain, yTrain);
  const start = performance.now();
  for (const model of models) {
    for (let s = 0; s < params.steps; s++) model.step(xTrain, yTrain);
  }
  const elapsedMs = performance.now() - start;
  return {
    modelStepsPerSec: (params.population * params.steps * 1000) / elapsedMs,
    elapsedMs,
    costBefore,
    costAfter: models[0].cost(xTrain, yTrain),
  };
}

declare global {
  interface Window {
    runBenchmark: typeof runBenchmark;
    runReference: typeof runReference;
    benchReady: boolean;
  }
}

window.runBenchmark = runBenchmark;
window.runReference = runReference;
window.benchReady = true;
