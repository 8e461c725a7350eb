import { describe, expect, it } from 'vitest';
import {
  COMPARE_BUDGET,
  comparisonPopulation,
  gridTwinSpread,
  parseRepeatSeeds,
  repeatSeeds,
  repeatSummary,
  type ScoredTrial,
  seedRows,
} from './repeat';
import { defaultSpace } from './space';

/** A made-up landscape: the score depends on α only (best at α = 0.05), as if ε did not matter. */
const landscape = (alpha: number): number => 0.01 + (Math.log10(alpha) - Math.log10(0.05)) ** 2 / 10;

function scored(seeds: number[]): ScoredTrial[] {
  return comparisonPopulation(defaultSpace(), COMPARE_BUDGET, seeds).map((t) => ({
    ...t,
    score: landscape(t.values.learningRate),
  }));
}

describe('repeat over seeds', () => {
  it('should validate the number of seeds at the control', () => {
    expect(parseRepeatSeeds('5')).toEqual({ ok: true, value: 5 });
    for (const bad of ['', '0', '2.5', '11', 'five'])
      expect(parseRepeatSeeds(bad)).toEqual({
        ok: false,
        reason: 'Seeds must be a whole number from 1 to 10.',
      });
  });

  it('should take consecutive seeds, the study’s first', () => {
    expect(repeatSeeds(1, 5, 100)).toEqual([1, 2, 3, 4, 5]);
    expect(repeatSeeds(99, 3, 100)).toEqual([99, 100, 0]);
  });

  it('should hold the three strategies’ samples for every seed', () => {
    const pop = comparisonPopulation(defaultSpace(), 9, [3, 4]);
    expect(pop).toHaveLength(2 * 3 * 9);
    expect(pop.filter((t) => t.seed === 4 && t.strategy === 'grid')).toHaveLength(9);
  });

  it('should count wins from its rows, so the sentence matches the table', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const trials = scored(seeds);
    const rows = seedRows(defaultSpace(), trials, seeds);
    const summary = repeatSummary(defaultSpace(), rows, trials);
    const n = rows.filter((r) => (r.best.random?.score ?? 1) < (r.best.grid?.score ?? 0)).length;
    expect(summary.randomWins).toBe(n);
    expect(summary.randomLine).toBe(`Random beat the grid on ${n} of 8 seeds`);
    for (const r of rows) {
      expect(r.best.grid?.distinct).toBe(3);
      expect(r.best.random?.distinct).toBe(9);
      // Where the grid won, the page says why, with its α.
      if (r.randomWins === false) expect(r.gridWhy).toMatch(/grid's 3 α rows happened to fall at α = /);
      else expect(r.gridWhy).toBeNull();
    }
    expect(summary.verdict).toMatch(
      /the grid tried 3 distinct values of α per seed, random 9 and quasi-random 9/,
    );
  });

  it('should measure the ε twins of the grid as repeats when ε does not matter', () => {
    const spread = gridTwinSpread(defaultSpace(), scored([1, 2]));
    expect(spread).toEqual({ median: 0, max: 0 });
  });

  it('should say so honestly when random does not win most seeds', () => {
    // A landscape that rewards the grid: whatever it tried scores best.
    const seeds = [1, 2, 3];
    const trials = scored(seeds).map((t) => ({ ...t, score: t.strategy === 'grid' ? 0.01 : 0.02 }));
    const rows = seedRows(defaultSpace(), trials, seeds);
    const summary = repeatSummary(defaultSpace(), rows, trials);
    expect(summary.randomLine).toBe('Random beat the grid on 0 of 3 seeds');
    expect(summary.verdict).toMatch(/^Here random search did not win on most seeds/);
  });
});
