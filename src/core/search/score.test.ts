import { describe, expect, it } from 'vitest';
import { SCORE_EVALUATIONS, trialScore } from './score';

describe('a trial’s score', () => {
  it('should average the last evaluations only', () => {
    const costs = [0.7, 0.6, ...Array.from({ length: SCORE_EVALUATIONS }, (_, i) => (i % 2 ? 0.1 : 0.3))];
    expect(trialScore(costs)).toBeCloseTo(0.2, 10);
    expect(trialScore([0.5, 0.3])).toBeCloseTo(0.4, 10);
  });

  it('should be NaN before any evaluation and +∞ when the window holds a non-number', () => {
    expect(trialScore([])).toBeNaN();
    expect(trialScore([0.2, Number.NaN])).toBe(Number.POSITIVE_INFINITY);
    expect(trialScore([0.2, Number.POSITIVE_INFINITY, 0.1])).toBe(Number.POSITIVE_INFINITY);
  });

  it('should forget a blow-up that has left the window', () => {
    const costs = [Number.NaN, ...Array.from({ length: SCORE_EVALUATIONS }, () => 0.05)];
    expect(trialScore(costs)).toBeCloseTo(0.05, 10);
  });
});
