// The benchmark page (bench/index.html): what bench/run.mjs drives through Playwright. It exposes
// window.runBenchmark, which times training inside the app's real training worker (the 'benchmark'
// request), and window.runReference, which times the plain-TypeScript reference MLP. The reference
// runs on this page's main thread: nothing else happens on it while it runs, and the worker is idle.
import type { BackendName } from '../src/core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf, type Experiment, modelSpecOf } from '../src/core/experiment';
import { prepareData } from '../src/engine/preparedData';
import { createTrainingClient, type TrainingClient } from '../src/worker/client';
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

let client: TrainingClient | null = null;

async function runBenchmark(params: BenchmarkParams): Promise<BenchmarkOutcome> {
  client ??= createTrainingClient();
  const experiment = WORKLOADS[params.workload];
  const started = performance.now();
  const reply = await client.request({
    type: 'benchmark',
    data: dataConfigOf(experiment),
    model: modelSpecOf(experiment),
    backend: params.backend,
    population: params.population,
    mode: params.mode,
    steps: params.steps,
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
