// The benchmark page (bench/index.html): what bench/run.mjs drives through Playwright. It exposes
// window.runBenchmark, which times training inside the bench worker (bench/bench.worker.ts: the app's
// engine, backends and data in a worker of their own, so the app's worker carries no bench code), and
// window.runReference, which times the plain-TypeScript reference MLP. The reference runs on this
// page's main thread: nothing else happens on it while it runs, and the worker is idle.
import type { BackendName } from '../src/core/config';
import { digitsBinUrl } from '../src/core/datasets';
import { dataConfigOf, modelSpecOf } from '../src/core/experiment';
import { prepareData } from '../src/engine/preparedData';
import type { BenchReply, BenchReplyTo, BenchRequest } from './benchProtocol';
import { ReferenceMlp } from './referenceMlp';
import { type WorkloadName, WORKLOADS } from './workloads';

export interface BenchmarkParams {
  workload: WorkloadName;
  backend: BackendName;
  population: number;
  mode: 'stacked' | 'separate';
  steps: number;
}

export interface BenchmarkOutcome {
  modelStepsPerSec: number;
  threads: number;
  /** Matrix-product FLOP of one model's training step (forward, weight gradients, input gradients). */
  flopPerModelStep: number;
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
const pending = new Map<number, { resolve(reply: unknown): void; reject(error: Error): void }>();

type RequestBody<T extends BenchRequest> = T extends unknown ? Omit<T, 'id'> : never;

/** Sends one request to the bench worker (started on first use) and waits for its reply. */
function request<K extends keyof BenchReplyTo>(
  body: RequestBody<Extract<BenchRequest, { type: K }>>,
): Promise<BenchReplyTo[K]> {
  if (!worker) {
    // ?threads=N on this page times wasm on N threads (bench/threadsFromName.ts);
    // ?products=batched: tfjs's batched products on wasm, as before issue 12 (bench.worker.ts);
    // ?kernels=unfused: tfjs's separate kernels instead of the engine's fused ones;
    // ?kernels=layers: the per-layer fused kernels without the whole-network kernel (round 4).
    const query = new URLSearchParams(location.search);
    const threads = query.get('threads');
    const batched = query.get('products') === 'batched' ? ' batched' : '';
    const kernels = query.get('kernels');
    const unfused = kernels === 'unfused' || kernels === 'layers' ? ` ${kernels}` : '';
    worker = new Worker(new URL('./bench.worker.ts', import.meta.url), {
      type: 'module',
      name: `bench${threads ? ` threads=${threads}` : ''}${batched}${unfused}`,
    });
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
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (reply: unknown) => void, reject });
    worker?.postMessage({ ...body, id });
  });
}

/** FLOP of the matrix products of one training step of one model of this workload. */
export function flopPerModelStep(workload: WorkloadName): number {
  const e = WORKLOADS[workload];
  const widths = [workload === 'digits-bn-mlp' ? 64 : 2, ...e.hidden, workload === 'digits-bn-mlp' ? 10 : 1];
  let flop = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const product = 2 * e.miniBatchSize * widths[l] * widths[l + 1];
    // Forward a·W, weight gradient aᵀ·dz, and dz·Wᵀ for every layer but the first (x needs none).
    flop += product * (l === 0 ? 2 : 3);
  }
  return flop;
}

/** The backend's own 2-D matMul [1920,100]×[100,100], timed in the bench worker. */
async function runCeiling(params: { backend: BackendName }) {
  const reply = await request<'ceiling'>({ type: 'ceiling', backend: params.backend });
  return { threads: reply.threads, ms: reply.ms, gflops: reply.gflops };
}

async function runBenchmark(params: BenchmarkParams): Promise<BenchmarkOutcome> {
  const experiment = WORKLOADS[params.workload];
  const started = performance.now();
  const reply = await request<'benchmark'>({
    type: 'benchmark',
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
    threads: reply.threads,
    flopPerModelStep: flopPerModelStep(params.workload),
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
    runCeiling: typeof runCeiling;
    runReference: typeof runReference;
    benchReady: boolean;
  }
}

window.runBenchmark = runBenchmark;
window.runCeiling = runCeiling;
window.runReference = runReference;
window.benchReady = true;
