import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { starDiscrepancy2D } from './discrepancy';
import { defaultSpace, type SearchSpace, toAxis } from './space';
import {
  distinctCount,
  gridLevels,
  gridUnit,
  haltonUnitPoints,
  randomUnitPoints,
  sampleStudy,
  STRATEGIES,
} from './strategies';

function alphaEpsSpace(): SearchSpace {
  return defaultSpace(); // α log 1e-4..1, ε log 1e-10..1e-6
}

describe('grid', () => {
  it('should give k distinct values per axis for a grid of k² points', () => {
    for (const k of [2, 3, 5, 8]) {
      const { trials, levels } = sampleStudy(alphaEpsSpace(), 'grid', k * k, 1);
      expect(levels).toEqual([k, k]);
      expect(trials).toHaveLength(k * k);
      expect(distinctCount(trials.map((t) => t.learningRate))).toBe(k);
      expect(distinctCount(trials.map((t) => t.epsilon))).toBe(k);
    }
  });

  it('should stay within the budget and never exceed a whole-number range', () => {
    expect(gridLevels([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], 24)).toEqual([6, 4]);
    expect(gridLevels([3, Number.POSITIVE_INFINITY], 25)).toEqual([3, 8]);
    expect(gridLevels([Number.POSITIVE_INFINITY], 7)).toEqual([7]);
  });

  it('should stay a grid when shifted: every pair of per-axis values, each axis one cell apart', () => {
    for (const seed of [1, 2, 3, 17]) {
      const { trials } = sampleStudy(alphaEpsSpace(), 'grid', 9, seed);
      const alphas = [...new Set(trials.map((t) => t.learningRate))].sort((a, b) => a - b);
      const epsilons = [...new Set(trials.map((t) => t.epsilon))].sort((a, b) => a - b);
      expect(alphas).toHaveLength(3);
      expect(epsilons).toHaveLength(3);
      // Every combination once: the points are the product of the two axes' values.
      for (const a of alphas)
        for (const e of epsilons)
          expect(trials.filter((t) => t.learningRate === a && t.epsilon === e)).toHaveLength(1);
      // Evenly spaced on the log axis, one cell (4/3 of a decade for α) apart.
      const logs = alphas.map(Math.log10);
      expect(logs[1] - logs[0]).toBeCloseTo(4 / 3, 9);
      expect(logs[2] - logs[1]).toBeCloseTo(4 / 3, 9);
    }
  });

  it('should be shifted by the seed, inside the range, and not onto the range ends', () => {
    const lowest = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const { trials } = sampleStudy(alphaEpsSpace(), 'grid', 9, seed);
      const rates = trials.map((t) => t.learningRate);
      const eps = trials.map((t) => t.epsilon);
      for (const r of rates) expect(r >= 1e-4 && r < 1).toBe(true);
      for (const e of eps) expect(e >= 1e-10 && e < 1e-6).toBe(true);
      lowest.add(Math.min(...rates));
    }
    // 20 seeds, 20 different layouts (a fixed grid would give one).
    expect(lowest.size).toBe(20);
    expect(sampleStudy(alphaEpsSpace(), 'grid', 9, 4)).toEqual(sampleStudy(alphaEpsSpace(), 'grid', 9, 4));
  });

  it('should shift the levels of whole numbers and choices too, keeping them distinct', () => {
    for (const offset of [0, 0.3, 0.99]) {
      for (const [k, card] of [
        [3, 3],
        [2, 4],
        [3, 51],
      ]) {
        const us = Array.from({ length: k }, (_, i) => gridUnit(i, k, card, offset));
        expect(new Set(us).size).toBe(k);
        for (const u of us) expect(u > 0 && u < 1).toBe(true);
      }
    }
  });
});

describe('random and quasi-random', () => {
  it('should give budget distinct values on every axis', () => {
    for (const strategy of ['random', 'quasi'] as const) {
      for (const budget of [5, 25, 64]) {
        const { trials } = sampleStudy(alphaEpsSpace(), strategy, budget, 7);
        expect(trials).toHaveLength(budget);
        expect(distinctCount(trials.map((t) => t.learningRate))).toBe(budget);
        expect(distinctCount(trials.map((t) => t.epsilon))).toBe(budget);
      }
    }
  });

  it('should re-create the same samples from the same seed, and others from another', () => {
    for (const s of STRATEGIES) {
      expect(sampleStudy(alphaEpsSpace(), s, 25, 3)).toEqual(sampleStudy(alphaEpsSpace(), s, 25, 3));
    }
    const a = sampleStudy(alphaEpsSpace(), 'quasi', 25, 3).trials;
    const b = sampleStudy(alphaEpsSpace(), 'quasi', 25, 4).trials;
    expect(a).not.toEqual(b);
  });

  it('should keep quasi-random points in the unit cube', () => {
    const pts = haltonUnitPoints(200, 5, createRng(1));
    for (const p of pts) for (const u of p) expect(u >= 0 && u < 1).toBe(true);
  });

  it('should give quasi-random a lower discrepancy than random on average', () => {
    for (const n of [16, 25, 64]) {
      let quasi = 0;
      let random = 0;
      const seeds = 20;
      for (let s = 0; s < seeds; s++) {
        quasi += starDiscrepancy2D(haltonUnitPoints(n, 2, createRng(1000 + s)));
        random += starDiscrepancy2D(randomUnitPoints(n, 2, createRng(2000 + s)));
      }
      expect(quasi / seeds).toBeLessThan(0.75 * (random / seeds));
    }
  });

  it('should spread log samples about evenly over the decades', () => {
    const { trials } = sampleStudy(alphaEpsSpace(), 'quasi', 64, 5);
    const counts = [0, 0, 0, 0];
    for (const t of trials)
      counts[Math.min(3, Math.floor(toAxis({ scale: 'log', low: 1e-4, high: 1 }, t.learningRate) + 4))]++;
    for (const c of counts) expect(c).toBe(16);
  });
});

describe('whole numbers and choices', () => {
  it('should draw only allowed values', () => {
    const space = defaultSpace();
    space.layers = { scale: 'int', low: 2, high: 4 };
    space.miniBatchSize = { scale: 'choice', choices: [16, 32, 64, 128] };
    for (const s of STRATEGIES) {
      const { trials } = sampleStudy(space, s, 64, 2);
      for (const t of trials) {
        expect([2, 3, 4]).toContain(t.layers);
        expect([16, 32, 64, 128]).toContain(t.miniBatchSize);
      }
      if (s !== 'grid') {
        expect(distinctCount(trials.map((t) => t.layers))).toBe(3);
        expect(distinctCount(trials.map((t) => t.miniBatchSize))).toBe(4);
      }
    }
  });
});
