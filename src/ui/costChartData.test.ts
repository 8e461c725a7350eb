import { describe, expect, it } from 'vitest';
import { RunSeries } from '../state/runSeries';
import type { ModelInfo } from '../state/store';
import {
  chartLines,
  costDomain,
  DIVERGED_COLOR,
  niceCeil,
  smoothCurve,
  stepDomain,
  stepTicks,
} from './costChartData';

function population(costs: number[][]): RunSeries {
  const s = new RunSeries(costs.length);
  costs.forEach((curve, i) => {
    curve.forEach((c, step) => {
      s.models[i].trainStep.push(step);
      s.models[i].trainCost.push(c);
    });
  });
  return s;
}

describe('chartLines', () => {
  it('should draw a solid train and a dashed dev curve for a single model', () => {
    const s = population([[1, 0.5]]);
    const lines = chartLines(s, [{ learningRate: 0.01, status: 'training' }], 'single', [0.01, 0.01]);
    expect(lines.map((l) => [l.key, l.dashed])).toEqual([
      ['train', false],
      ['dev', true],
    ]);
  });

  it('should colour a population by α and grey out and dash diverged models', () => {
    const s = population([
      [1, 0.5],
      [1, 0.4],
      [1, Number.NaN],
    ]);
    const models: ModelInfo[] = [
      { learningRate: 1e-4, status: 'training' },
      { learningRate: 1e-2, status: 'training' },
      { learningRate: 1, status: 'diverged', divergedAtStep: 1 },
    ];
    const lines = chartLines(s, models, 'population', [1e-4, 1]);
    expect(lines).toHaveLength(3);
    expect(lines[0].color).not.toBe(lines[1].color);
    expect(lines[2]).toMatchObject({ color: DIVERGED_COLOR, dashed: true, diverged: true });
    expect(lines[2].points).toHaveLength(1); // the NaN point is dropped
  });
});

describe('costDomain', () => {
  it('should fit the healthy curves and ignore a diverged one', () => {
    const s = population([
      [2, 1],
      [1e6, 1e9],
    ]);
    const models: ModelInfo[] = [
      { learningRate: 1e-3, status: 'training' },
      { learningRate: 1, status: 'diverged' },
    ];
    const lines = chartLines(s, models, 'population', [1e-4, 1]);
    expect(costDomain(lines, false)).toEqual([0, 2.5]);
    const [lo, hi] = costDomain(lines, true)!;
    // A margin below 1 and above 2, rounded to tenths of a decade.
    expect(lo).toBeCloseTo(10 ** -0.1);
    expect(hi).toBeCloseTo(10 ** 0.4);
  });
});

describe('stepDomain', () => {
  it('should end at a round number at or above the last step, and change only at round numbers', () => {
    expect(stepDomain(0)).toEqual([0, 1]);
    expect(stepDomain(1000)).toEqual([0, 1000]);
    expect(stepDomain(1001)).toEqual([0, 1200]);
    const tops = new Set(Array.from({ length: 3000 }, (_, i) => stepDomain(i + 1)[1]));
    expect(tops.size).toBeLessThan(40);
    for (let step = 1; step <= 3000; step += 37) expect(stepDomain(step)[1]).toBeGreaterThanOrEqual(step);
  });
});

describe('smoothCurve', () => {
  it('should start at the first value and follow a constant exactly', () => {
    expect(Array.from(smoothCurve([3, 3, 3]))).toEqual([3, 3, 3]);
  });

  it('should damp mini-batch noise and keep NaN where the run broke', () => {
    const noisy = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0 : 1));
    const smooth = smoothCurve(noisy);
    expect(Math.abs(smooth[199] - 0.5)).toBeLessThan(0.1);
    expect(Number.isNaN(smoothCurve([1, Number.NaN, 1])[1])).toBe(true);
  });
});

describe('niceCeil', () => {
  it('should round an axis top up to a round number', () => {
    expect(niceCeil(0.8543)).toBeCloseTo(1);
    expect(niceCeil(0.73)).toBeCloseTo(0.8);
    expect(niceCeil(4.404)).toBeCloseTo(5);
    expect(niceCeil(2)).toBeCloseTo(2);
  });
});

describe('stepTicks', () => {
  it('should place round ticks from 0 to the last step', () => {
    expect(stepTicks(322)).toEqual([0, 100, 200, 300]);
    expect(stepTicks(3000)).toEqual([0, 1000, 2000, 3000]);
    expect(stepTicks(1)).toEqual([0, 1]);
  });
});
