import { describe, expect, it } from 'vitest';
import { halvingCost, halvingSchedule, survivors } from './halving';

describe('successive halving', () => {
  it('should keep a third each round and give the survivors three times the steps', () => {
    expect(halvingSchedule(27, 20)).toEqual([
      { index: 0, alive: 27, steps: 20, untilStep: 20 },
      { index: 1, alive: 9, steps: 60, untilStep: 80 },
      { index: 2, alive: 3, steps: 180, untilStep: 260 },
    ]);
    expect(halvingCost(halvingSchedule(27, 20))).toBe(27 * 20 * 3);
  });

  it('should round survivors up when the count is not a power of three', () => {
    expect(halvingSchedule(10, 10).map((r) => r.alive)).toEqual([10, 4, 2]);
    expect(halvingSchedule(2, 10).map((r) => r.alive)).toEqual([2]);
    expect(halvingSchedule(0, 10)).toEqual([]);
  });

  it('should keep exactly the best models of a deterministic objective, round after round', () => {
    // Model i's score is |i − 13| (13 is the best); survivors must close in on it.
    const n = 27;
    const score = (i: number) => Math.abs(i - 13);
    const scores = Array.from({ length: n }, (_, i) => score(i));
    let alive = Array.from({ length: n }, (_, i) => i);
    const kept: number[][] = [];
    for (const round of halvingSchedule(n, 10).slice(1)) {
      alive = survivors(alive, scores, round.alive);
      kept.push([...alive].sort((a, b) => a - b));
    }
    expect(kept[0]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(kept[1]).toEqual([12, 13, 14]);
    expect(survivors(alive, scores, 1)).toEqual([13]);
  });

  it('should put diverged models (NaN) last', () => {
    expect(survivors([0, 1, 2], [Number.NaN, 0.5, 0.2], 2)).toEqual([2, 1]);
  });
});
