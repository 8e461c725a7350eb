import { describe, expect, it } from 'vitest';
import {
  judgeCostRun,
  judgeLower,
  judgeOneExample,
  judgeRange,
  judgeRatio,
  judgeSeeds,
  judgeShareBelow,
  judgeZoom,
} from './judges';

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
    // Ten classes: chance is 10 %, "at chance" up to 15 %.
    expect(judgeOneExample(0.084, 0.939, 10)).toBe('chance');
    expect(judgeOneExample(0.15, 0.36, 10)).toBe('chance');
  });
  it('should say "same" when the two agree within 5 points, either way', () => {
    expect(judgeOneExample(0.88, 0.9, 10)).toBe('same');
    expect(judgeOneExample(0.95, 0.9, 10)).toBe('same');
    // At chance both ways is still "the same".
    expect(judgeOneExample(0.1, 0.12, 10)).toBe('same');
  });
  it('should say "lower" above chance and more than 5 points below the running averages', () => {
    expect(judgeOneExample(0.5, 0.9, 10)).toBe('lower');
    expect(judgeOneExample(0.151, 0.9, 10)).toBe('lower');
  });
  it('should support no choice when the numbers fit none', () => {
    // At chance, but the running averages barely better: not the lesson's gap.
    expect(judgeOneExample(0.1, 0.25, 10)).toBeNull();
    // Batch statistics better than the running averages.
    expect(judgeOneExample(0.9, 0.5, 10)).toBeNull();
    expect(judgeOneExample(Number.NaN, 0.9, 10)).toBeNull();
    expect(judgeOneExample(0.1, 0.9, 1)).toBeNull();
  });
});

describe('judgeShareBelow', () => {
  it('should bucket the share of draws: under 20 %, 35–65 %, over 70 %', () => {
    expect(judgeShareBelow(4, 40)).toBe('few');
    expect(judgeShareBelow(7, 40)).toBe('few');
    expect(judgeShareBelow(20, 40)).toBe('half');
    expect(judgeShareBelow(30, 40)).toBe('most');
  });
  it('should include 35 % and 65 % in "half" and leave 20 % and 70 % to no choice', () => {
    expect(judgeShareBelow(7, 20)).toBe('half');
    expect(judgeShareBelow(13, 20)).toBe('half');
    expect(judgeShareBelow(8, 40)).toBeNull();
    expect(judgeShareBelow(28, 40)).toBeNull();
    expect(judgeShareBelow(10, 40)).toBeNull();
    expect(judgeShareBelow(27, 40)).toBeNull();
  });
  it('should support no choice without draws or with impossible counts', () => {
    expect(judgeShareBelow(0, 0)).toBeNull();
    expect(judgeShareBelow(5, 4)).toBeNull();
    expect(judgeShareBelow(-1, 4)).toBeNull();
  });
});

describe('judgeZoom', () => {
  it('should call round 2 better or worse only beyond 5 % of the larger cost', () => {
    expect(judgeZoom(0.1, 0.05)).toBe('better');
    expect(judgeZoom(0.1, 0.094)).toBe('better');
    expect(judgeZoom(0.1, 0.096)).toBe('same');
    expect(judgeZoom(0.1, 0.104)).toBe('same');
    expect(judgeZoom(0.1, 0.106)).toBe('worse');
  });
  it('should support no choice when a round has no measured trial', () => {
    expect(judgeZoom(Number.NaN, 0.1)).toBeNull();
    expect(judgeZoom(0.1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
