// How 'auto' times a backend: on a small, bounded slice of the run, never on the run itself. Timing
// 64 wide models on a full-batch step took minutes and 14 GB of GPU memory; the slice (at most two
// copies of the run's largest model, mini-batch capped) takes a fraction of a second per backend,
// and a backend whose first step alone is too slow is skipped rather than waited for.
import type { ModelSpec } from '../core/config';
import { AUTO_TIMING, type TimingLimits } from '../core/timingSlice';
import type { PreparedData } from './preparedData';
import { yieldToEvents } from './runLoop';
import { Trainer } from './trainer';

// The slice and its key are pure (core/timingSlice.ts), so that the page computes the same key when
// it remembers a verdict; re-exported here for the worker and the tests that time a slice.
export { AUTO_TIMING, sliceKey, type TimingLimits, timingSlice } from '../core/timingSlice';

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
