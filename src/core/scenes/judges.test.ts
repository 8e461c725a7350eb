import { describe, expect, it } from 'vitest';
import { judgeCostRun, judgeLower, judgeOneExample, judgeRange, judgeRatio, judgeSeeds } from './judges';

describe('judgeCostRun', () => {
  it('should call a run that ends within 10 % of its start "barely"', () => {
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: 0.65, diverged: false })).toBe('barely');
  });
  it('should call a run that ends below half its start "learns"', () => {
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: 0.1, diverged: false })).toBe('learns');
  });
  it('should call a diverged run or one that ends above its start "unstable"', () => {
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: 0.2, diverged: true })).toBe('unstable');
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: 0.8, diverged: false })).toBe('unstable');
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: Number.NaN, diverged: false })).toBe('unstable');
  });
  it('should support no choice for a run that learned only a little', () => {
    expect(judgeCostRun({ startDevCost: 0.69, finalDevCost: 0.5, diverged: false })).toBeNull();
  });
});

describe('judgeLower', () => {
  it('should pick the lower cost, and a tie within 2 % of the larger', () => {
    expect(judgeLower({ id: 'a', cost: 0.1 }, { id: 'b', cost: 0.2 })).toBe('a');
    expect(judgeLower({ id: 'a', cost: 0.3 }, { id: 'b', cost: 0.2 })).toBe('b');
    expect(judgeLower({ id: 'a', cost: 0.2 }, { id: 'b', cost: 0.203 })).toBe('tie');
  });
  it('should prefer a measured cost over a missing one', () => {
    expect(judgeLower({ id: 'a', cost: Number.NaN }, { id: 'b', cost: 0.2 })).toBe('b');
    expect(judgeLower({ id: 'a', cost: Number.NaN }, { id: 'b', cost: Number.NaN })).toBeNull();
  });
});

describe('judgeSeeds', () => {
  it('should follow the majority of seeds', () => {
    expect(judgeSeeds(4, 5)).toBe('random');
    expect(judgeSeeds(1, 5)).toBe('grid');
    expect(judgeSeeds(2, 4)).toBe('tie');
    expect(judgeSeeds(0, 0)).toBeNull();
  });
});

describe('judgeRatio', () => {
  it('should bucket how much larger the normalized α is', () => {
    expect(judgeRatio(0.01, 0.012)).toBe('same');
    expect(judgeRatio(0.01, 0.05)).toBe('few');
    expect(judgeRatio(0.01, 0.5)).toBe('many');
    expect(judgeRatio(0, 0.5)).toBeNull();
  });
});

describe('judgeRange', () => {
  it('should compare the counts of good α', () => {
    expect(judgeRange(7, 3)).toBe('wider');
    expect(judgeRange(3, 3)).toBe('same');
    expect(judgeRange(2, 3)).toBe('narrower');
  });
});

describe('judgeOneExample', () => {
  it('should say "chance" when batch statistics sit at chance and the running averages work', () => {
    expect(judgeOneExample(0.1, 0.9, 10)).toBe('chance');
  });
  it('should say "same" when the two agree within 5 points', () => {
    expect(judgeOneExample(0.88, 0.9, 10)).toBe('same');
  });
  it('should support no choice in between', () => {
    expect(judgeOneExample(0.5, 0.9, 10)).toBeNull();
  });
});
