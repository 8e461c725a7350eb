// The numbers the linear-vs-log panel prints: shares that sum to 100 %, and the chance spread of a count.
import { describe, expect, it } from 'vitest';
import { verdict } from './LinearLogComparison';
import { noiseSentence } from './SamplingExplanation';
import { countGood, goodThreshold, summarizePopulation } from '../core/linearLogLesson';
import { createRng } from '../core/rng';
import { binomialSpread, expectedShare, percentagesSummingTo100 } from '../core/sampling';

describe('percentagesSummingTo100', () => {
  it('sums to exactly 100 on many random count vectors', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 2000; trial++) {
      const length = 1 + Math.floor(rng.next() * 8);
      const counts: number[] = Array.from({ length }, () =>
        Math.floor(rng.next() * (rng.next() < 0.3 ? 5 : 1000)),
      );
      if (!counts.some((c) => c > 0)) counts[0] = 1;
      const pct = percentagesSummingTo100(counts);
      expect(pct.reduce((a, b) => a + b, 0)).toBe(100);
      const total = counts.reduce((a, b) => a + b, 0);
      // Each share is its exact value rounded down or up, never further off.
      pct.forEach((p, i) => {
        const exact = (counts[i] / total) * 100;
        expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(p).toBeLessThanOrEqual(Math.ceil(exact));
      });
    }
  });

  it('fixes the cases plain rounding gets wrong', () => {
    // 1/3 each: plain rounding prints 33 + 33 + 33 = 99.
    expect(percentagesSummingTo100([1, 1, 1])).toEqual([34, 33, 33]);
    // 2/3/4/7 of 16: 12.5 + 18.75 + 25 + 43.75; plain rounding gives 13 + 19 + 25 + 44 = 101.
    const plain = [2, 3, 4, 7].map((c) => Math.round((c / 16) * 100));
    expect(plain.reduce((a, b) => a + b, 0)).toBe(101);
    const fixed = percentagesSummingTo100([2, 3, 4, 7]);
    expect(fixed.reduce((a, b) => a + b, 0)).toBe(100);
    expect(percentagesSummingTo100([0, 0])).toEqual([0, 0]);
  });

  it('gives the linear scale over [1e-4, 1] about 0 / 1 / 9 / 90 % and the log scale 25 % each', () => {
    const decades = [-4, -3, -2, -1].map((k) => [10 ** k, 10 ** (k + 1)] as const);
    const lin = decades.map(([l, h]) => expectedShare('linear', 1e-4, 1, l, h));
    const log = decades.map(([l, h]) => expectedShare('log', 1e-4, 1, l, h));
    expect(percentagesSummingTo100(lin.map((p) => Math.round(p * 1e4)))).toEqual([0, 1, 9, 90]);
    expect(percentagesSummingTo100(log.map((p) => Math.round(p * 1e4)))).toEqual([25, 25, 25, 25]);
  });
});

describe('the noise of a decade count', () => {
  it('with 16 samples over 4 decades expects 4 ± 1.7 per decade', () => {
    const { mean, sd } = binomialSpread(16, 0.25);
    expect(mean).toBe(4);
    expect(sd).toBeCloseTo(Math.sqrt(3), 10);
    const text = noiseSentence(16, 0.25);
    expect(text).toContain('expects 4 ± 1.7');
    // mean ± 2 sd: 0.54 … 7.46, rounded.
    expect(text).toContain('from 1 to 7');
  });

  it('a sure or impossible bin has no spread', () => {
    expect(binomialSpread(10, 1)).toEqual({ mean: 10, sd: 0 });
    expect(binomialSpread(10, 0)).toEqual({ mean: 0, sd: 0 });
  });
});

describe('the good region of two populations', () => {
  it('counts models within 10 % of the best of both', () => {
    const lin = summarizePopulation('linear', [0.5, 0.9], [1.2, Number.NaN]);
    const log = summarizePopulation('log', [0.01, 0.02, 0.3], [0.2, 0.21, 0.5]);
    expect(lin.bestLearningRate).toBe(0.5);
    expect(log.bestDevCost).toBe(0.2);
    const t = goodThreshold([lin, log]);
    expect(t).toBeCloseTo(0.22, 10);
    expect(countGood(log, t ?? 0)).toBe(2);
    expect(countGood(lin, t ?? 0)).toBe(0);
  });

  it('has no threshold when every model diverged', () => {
    const dead = summarizePopulation('linear', [1], [Number.POSITIVE_INFINITY]);
    expect(dead.bestLearningRate).toBeNaN();
    expect(goodThreshold([dead])).toBeNull();
  });
});

describe('the verdict of one linear and one log run', () => {
  it('says which scale found the lower dev cost and counts good models and draws below 0.1', () => {
    const lin = summarizePopulation('linear', [0.05, 0.5, 0.9], [0.19, 2, Number.POSITIVE_INFINITY]);
    const log = summarizePopulation('log', [0.0003, 0.02, 0.03], [1.5, 0.14, 0.15]);
    const t = goodThreshold([lin, log]) ?? 0;
    const text = verdict(lin, log, t);
    expect(text).toContain('Log found the lower dev cost');
    expect(text).toContain('Good models: 2 of 3 on the log scale, 0 of 3 on the linear one.');
    expect(text).toContain('Linear drew 1 of its 3 α below 0.1, log drew 3.');
    expect(verdict(log, lin, t)).toContain('Linear found the lower dev cost this time');
  });
});
