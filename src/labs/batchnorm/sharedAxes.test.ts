import { describe, expect, it } from 'vitest';
import type { ProbeFrame } from '../../core/inspection';
import { bandAxes, histogramAxes, histogramBins, niceTicks } from './sharedAxes';

/** A one-layer frame whose three quantities all have these percentiles and this histogram range. */
function frame(step: number, p: [number, number, number], range: [number, number]): ProbeFrame {
  const bins = 4;
  return {
    step,
    hidden: [8],
    batchNorm: [false],
    bins,
    percentiles: Float32Array.from([...p, ...p, ...p]),
    range: Float32Array.from([...range, ...range, ...range]),
    histogram: Float32Array.from({ length: 3 * bins }, () => 1 / bins),
  } as ProbeFrame;
}

describe('shared axes for the distributions with and without batch norm', () => {
  it('should span both runs’ steps and percentile bands', () => {
    const without = [frame(0, [-1, 0, 1], [-2, 2]), frame(100, [-8, -3, 4], [-9, 5])];
    const withBn = [frame(0, [-0.5, 0, 0.5], [-1, 1]), frame(90, [-0.4, 0, 0.6], [-1, 1])];
    const axes = bandAxes([without, withBn], 0, 1);
    expect(axes.steps).toEqual([0, 100]);
    expect(axes.values).toEqual([-8, 4]);
  });

  it('should put both histograms on one value range and one density scale', () => {
    const wide = frame(10, [0, 0, 0], [-4, 4]);
    const narrow = frame(10, [0, 0, 0], [-1, 1]);
    // Same fractions per bin, four times narrower bins: four times the density.
    expect(histogramBins(narrow, 0, 0)[0].density).toBeCloseTo(4 * histogramBins(wide, 0, 0)[0].density, 6);
    const axes = histogramAxes([wide, narrow], 0, 0);
    expect(axes.values).toEqual([-4, 4]);
    expect(axes.maxDensity).toBeCloseTo(0.5, 6);
  });

  it('should fall back to a unit range before any frame', () => {
    expect(bandAxes([[], []], 0, 0).values).toEqual([0, 1]);
    expect(histogramAxes([undefined, undefined], 0, 0).values).toEqual([0, 1]);
  });
});

describe('niceTicks', () => {
  it('should pick round values inside the range', () => {
    expect(niceTicks(-3.7, 3.7)).toEqual([-2, 0, 2]);
    expect(niceTicks(-13, 15)).toEqual([-10, 0, 10]);
    expect(niceTicks(0, 0.27)).toEqual([0, 0.1, 0.2]);
    expect(niceTicks(-0.19, 1.5)).toEqual([0, 0.5, 1, 1.5]);
  });

  it('should give at least two ticks on a narrow range', () => {
    expect(niceTicks(0.41, 0.59).length).toBeGreaterThanOrEqual(2);
  });
});
