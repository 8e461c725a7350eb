// Which slice of a run 'auto' times, and the key its verdict is known by. Pure, so that the worker
// (which times the slice, engine/workloadTiming.ts) and the page (which remembers the verdict across
// reloads, state/backendMemory.ts) compute the same key from the same run.
import type { ModelSpec } from './config';
import { type DataShape, parameterCount } from './runEstimate';

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
export function timingSlice(data: DataShape, models: ModelSpec[], limits = AUTO_TIMING): ModelSpec[] {
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
