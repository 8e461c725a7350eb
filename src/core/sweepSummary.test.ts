import { describe, expect, it } from 'vitest';
import { goodCount, summarizeSweep, sweepVerdict } from './sweepSummary';

describe('summarizeSweep', () => {
  it('should report the range of α that stays within 90% of the best accuracy, per arm', () => {
    const s = summarizeSweep([
      { learningRate: 0.01, batchNorm: false, accuracy: 0.1, diverged: false },
      { learningRate: 0.1, batchNorm: false, accuracy: 0.9, diverged: false },
      { learningRate: 1, batchNorm: false, accuracy: null, diverged: true },
      { learningRate: 0.01, batchNorm: true, accuracy: 0.85, diverged: false },
      { learningRate: 0.1, batchNorm: true, accuracy: 0.95, diverged: false },
      { learningRate: 1, batchNorm: true, accuracy: 0.97, diverged: false },
    ]);
    expect(s.threshold).toBeCloseTo(0.873, 6);
    expect(s.withBn.good).toEqual([0.1, 1]);
    expect(s.withBn.lowest).toBe(0.1);
    expect(s.withoutBn.good).toEqual([0.1]);
    expect(s.withoutBn.diverged).toBe(1);
    expect(s.withoutBn.best).toBe(0.9);
    expect(goodCount(s.withBn)).toBe('2 of 3 values');
    expect(goodCount(s.withoutBn)).toBe('1 of 3 values');
    expect(sweepVerdict(s)).toBe('Batch norm widened the range of good α: 2 values with it, 1 without.');
  });

  it('should say so when batch norm does not widen the range, or when only it trains at all', () => {
    const point = (learningRate: number, batchNorm: boolean, accuracy: number) => ({
      learningRate,
      batchNorm,
      accuracy,
      diverged: false,
    });
    const same = summarizeSweep([
      point(0.1, false, 0.9),
      point(1, false, 0.2),
      point(0.1, true, 0.2),
      point(1, true, 0.9),
    ]);
    expect(sweepVerdict(same)).toMatch(/did not widen/);
    const narrower = summarizeSweep([
      point(0.1, false, 0.9),
      point(1, false, 0.9),
      point(0.1, true, 0.9),
      point(1, true, 0.1),
    ]);
    expect(sweepVerdict(narrower)).toMatch(/narrowed/);
    const fromNothing = summarizeSweep([point(0.1, false, 0.1), point(1, false, 0.1), point(0.1, true, 0.9)]);
    expect(sweepVerdict(fromNothing)).toMatch(/trainable at all/);
  });
});
