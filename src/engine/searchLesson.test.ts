// Lesson 3.1, grid vs random, measured on the engine in Node (wasm backend) with the search lab's own
// code paths (the same sampling, score and one-population training) on the comparison's own setup:
// the default study's space (α and Adam's ε) trained COMPARE_STEPS steps per trial
// (core/gridRandomLesson.ts says why so few). The step count was chosen on seeds 1–5; this test runs
// the next ten seeds, 6–15, which the choice never saw, as "Repeat over seeds" trains them: all
// 10 × 3 × 9 trials as one population, on the data of the first seed.
//
// Measured (wasm, this setup): seeds 6–15: random beat the grid on 6 of 10, quasi-random on 8 of 10;
// seeds 16–25 (SL_SEEDS=16,…,25): random 5 of 10, quasi-random 5 of 10. Over the 20 untuned seeds:
// random 11, quasi-random 13. For comparison, in an ideal one-dimensional picture (a score that only
// falls towards one best α) the best of 9 random draws is closer to it than the best of a 3-value
// shifted grid with probability ≈ 0.70; run-to-run wandering inside the good band pulls that down.
// The claim is asserted as the lesson states it: more than half of the seeds.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_STEPS } from '../core/gridRandomLesson';
import {
  COMPARE_BUDGET,
  comparisonPopulation,
  gridTwinSpread,
  repeatSummary,
  type ScoredTrial,
  seedRows,
} from '../core/search/repeat';
import { defaultSpace } from '../core/search/space';
import { trainTrials } from './searchLessonTrain';
import { useWasmBackend } from './testBackend';

beforeAll(useWasmBackend);

const STEPS = Number(process.env.SL_STEPS ?? COMPARE_STEPS);
const SEEDS = (process.env.SL_SEEDS ?? '6,7,8,9,10,11,12,13,14,15').split(',').map(Number);

describe('lesson 3.1: grid vs random on the comparison’s setup', () => {
  it(`random and quasi-random beat the grid on most of seeds ${SEEDS.join(', ')} (${STEPS} steps)`, async () => {
    const started = Date.now();
    const space = defaultSpace();
    const population = comparisonPopulation(space, COMPARE_BUDGET, SEEDS);
    const { score } = await trainTrials(population, SEEDS[0], STEPS);
    const scored: ScoredTrial[] = population.map((t, i) => ({ ...t, score: score[i] }));
    const rows = seedRows(space, scored, SEEDS);
    for (const r of rows) {
      const b = (s: 'grid' | 'random' | 'quasi') =>
        `${r.best[s]?.score.toFixed(4)} at α=${r.best[s]?.values.learningRate.toPrecision(2)}`;
      console.log(`seed ${r.seed}: grid ${b('grid')}; random ${b('random')}; quasi ${b('quasi')}`);
    }
    const summary = repeatSummary(space, rows, scored);
    const spread = gridTwinSpread(space, scored);
    console.log(`${summary.randomLine}; ${summary.quasiLine}. ${summary.verdict}`);
    console.log(
      `grid ε-twin spread: median ${spread?.median.toFixed(4)}, max ${spread?.max.toFixed(4)}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // The precondition: ε really is unimportant. The grid's trials that share a seed and an α differ
    // only in ε, and most score exactly alike (median spread measured 0; the largest, 0.1–0.3, at the
    // unstable top of the band, where a change of ε in the 10th digit is enough to part two runs).
    expect(spread?.median).toBeLessThanOrEqual(0.01);
    // The lesson's reason: 3 distinct α for the grid, 9 for random and quasi-random.
    for (const r of rows) {
      expect(r.best.grid?.distinct).toBe(3);
      expect(r.best.random?.distinct).toBe(COMPARE_BUDGET);
      expect(r.best.quasi?.distinct).toBe(COMPARE_BUDGET);
    }
    // The claim itself, as the page counts it (strictly lower best score than the grid's). Measured on
    // these untuned seeds 6–15: random 6 of 10, quasi-random 8 of 10 (over seeds 6–25: 11 and 13 of 20).
    // The effect is real but modest, so the test asserts it over both strategies' 20 comparisons with
    // the grid (more than half, 14 measured), and that neither loses to the grid on most seeds; one seed
    // flipping by a change of rounding in the engine does not turn the lesson's claim around.
    expect(summary.measured).toBe(SEEDS.length);
    expect(summary.randomWins + summary.quasiWins).toBeGreaterThanOrEqual(SEEDS.length + 2);
    expect(summary.randomWins).toBeGreaterThanOrEqual(SEEDS.length / 2);
    expect(summary.quasiWins).toBeGreaterThanOrEqual(SEEDS.length / 2);
  }, 180_000);
});
