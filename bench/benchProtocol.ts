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
  modelStepsPerSec: number;
  /** Wall time of the timed part. */
  elapsedMs: number;
}

export interface BenchErrorReply {
  type: 'error';
  id: number;
  message: string;
}

export type BenchRequest = BenchmarkRequest;

/** Which reply each request gets. */
export interface BenchReplyTo {
  benchmark: BenchmarkResult;
}

export type BenchReply = BenchReplyTo[keyof BenchReplyTo] | BenchErrorReply;
