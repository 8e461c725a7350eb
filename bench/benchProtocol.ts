// The bench worker's messages (bench/bench.worker.ts): one request that times training, its reply,
// and an error reply. Only the benchmark page sends them; the app's worker knows nothing of them.
import type { BackendName, DataConfig, ModelSpec } from '../src/core/config';

/**
 * Times training inside the bench worker: `population` models either stacked in one population
 * ('stacked') or as that many populations of one, trained one after the other ('separate').
 */
export interface BenchmarkRequest {
  type: 'benchmark';
  id: number;
  data: DataConfig;
  model: ModelSpec;
  backend: BackendName;
  population: number;
  mode: 'stacked' | 'separate';
  /** Timed steps per population (after warm-up steps that compile kernels). */
  steps: number;
  /** Absolute URL of public/data/digits.bin. */
  digitsUrl?: string;
}

export interface BenchmarkResult {
  type: 'benchmarkResult';
  id: number;
  backend: BackendName;
  /** Threads the backend computes on (wasm: XNNPACK's pool; 1 for the others). */
  threads: number;
  modelStepsPerSec: number;
  /** Wall time of the timed part. */
  elapsedMs: number;
}

export interface BenchErrorReply {
  type: 'error';
  id: number;
  message: string;
}

/** Times the backend's own 2-D matMul [1920,100]×[100,100] (the ceiling the workloads are measured against). */
export interface CeilingRequest {
  type: 'ceiling';
  id: number;
  backend: BackendName;
}

export interface CeilingResult {
  type: 'ceilingResult';
  id: number;
  backend: BackendName;
  threads: number;
  /** Best of the timed products. */
  ms: number;
  gflops: number;
}

export type BenchRequest = BenchmarkRequest | CeilingRequest;

/** Which reply each request gets. */
export interface BenchReplyTo {
  benchmark: BenchmarkResult;
  ceiling: CeilingResult;
}

export type BenchReply = BenchReplyTo[keyof BenchReplyTo] | BenchErrorReply;
