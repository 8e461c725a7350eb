// How 'auto' times a backend: on a small, bounded slice of the run, never on the run itself. Timing
// 64 wide models on a full-batch step took minutes and 14 GB of GPU memory; the slice (at most two
// copies of the run's largest model, mini-batch capped) takes a fraction of a second per backend,
// and a backend whose first step alone is too slow is skipped rather than waited for.
import type { ModelSpec } from '../core/config';
import { parameterCount } from '../core/runEstimate';
import type { PreparedData } from './preparedData';
import { yieldToEvents } from './runLoop';
import { Trainer } from './trainer';

export interface TimingLimits {
  /** Models in the timed slice (stacked, as the run's own population is). */
  maxModels: number;
  /** Rows of the slice's mini-batch. */
  maxRows: number;
  /** Wall time of the timed steps, after the warm-up. */
  budgetMs: number;
  /** A backend whose first step (kernels compile there) takes longer is skipped. */
  warmUpCapMs: number;
}

export const AUTO_TIMING: TimingLimits = { maxModels: 2, maxRows: 64, budgetMs: 250, warmUpCapMs: 3000 };

/**
 * The models 'auto' times: up to `maxModels` copies of the run's largest model, its mini-batch
 * capped, and learning rate 0 so that no sampled α can make the slice diverge (a diverged model stops
 * stepping, which would time nothing); a zero α costs the same kernels as any other.
 */
export function timingSlice(data: PreparedData, models: ModelSpec[], limits = AUTO_TIMING): ModelSpec[] {
  const size = (m: ModelSpec) => parameterCount(m, data) * Math.min(m.hyper.miniBatchSize, data.trainSize);
  const largest = models.reduce((a, b) => (size(b) > size(a) ? b : a));
  const count = Math.max(1, Math.min(models.length, limits.maxModels));
  return Array.from({ length: count }, (_, i) => ({
    ...largest,
    seed: largest.seed + i,
    hyper: {
      ...largest.hyper,
      learningRate: 0,
      learningRateDecay: 'none' as const,
      miniBatchSize: Math.min(largest.hyper.miniBatchSize, limits.maxRows),
    },
  }));
}

/** Runs with the same slice get the same verdict: what a timing depends on. */
export function sliceKey(dataset: string, slice: ModelSpec[]): string {
  const m = slice[0];
  return JSON.stringify([
    dataset,
    slice.length,
    m.hidden,
    m.batchNorm,
    m.activation,
    m.optimizer,
    m.hyper.miniBatchSize,
    m.keepBias ?? false,
  ]);
}

export interface TimingOptions {
  /** Runs between rounds (after letting the worker's messages in); throws to cancel. */
  checkpoint: () => void;
  /** The best ms per step of the backends timed before this one, if any. */
  bestSoFarMs?: number;
  limits?: TimingLimits;
}

/** A warm-up step this many times slower than the best backend's step has lost: no need to go on. */
const LOST_FACTOR = 5;

/**
 * Milliseconds per step of `slice` on the active backend: one warm-up step (kernels compile), then
 * rounds of a few steps each, read back, until `budgetMs` is spent; the best round counts, so that a
 * busy moment on the machine doesn't decide the verdict. A backend whose warm-up step alone is over
 * the cap is skipped (throws); one whose warm-up is already far slower than the best so far gets its
 * warm-up time, an upper bound, without more steps. The slice's tensors are freed either way.
 */
export async function timeSlice(
  data: PreparedData,
  slice: ModelSpec[],
  options: TimingOptions,
): Promise<number> {
  const { checkpoint, bestSoFarMs } = options;
  const limits = options.limits ?? AUTO_TIMING;
  const trainer = new Trainer(data, slice, {
    maxSteps: Number.MAX_SAFE_INTEGER,
    evalEvery: Number.MAX_SAFE_INTEGER,
  });
  try {
    const warmStart = performance.now();
    trainer.step();
    await trainer.collect();
    const warmUp = performance.now() - warmStart;
    if (warmUp > limits.warmUpCapMs)
      throw new Error(`too slow here: its first step took ${Math.round(warmUp)} ms`);
    await yieldToEvents();
    checkpoint();
    if (bestSoFarMs !== undefined && warmUp > LOST_FACTOR * bestSoFarMs && warmUp > limits.budgetMs)
      return warmUp;
    let best = Number.POSITIVE_INFINITY;
    const timingStart = performance.now();
    do {
      const start = performance.now();
      let steps = 0;
      // A few steps per round: enough to amortise the read-back, few enough that one round stays short.
      while (steps < 10 && (steps < 1 || performance.now() - start < 40)) {
        trainer.step();
        steps++;
      }
      await trainer.collect();
      best = Math.min(best, (performance.now() - start) / steps);
      await yieldToEvents();
      checkpoint();
    } while (performance.now() - timingStart < limits.budgetMs);
    return best;
  } finally {
    trainer.dispose();
  }
}
