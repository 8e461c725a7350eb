import { describe, expect, it } from 'vitest';
import { progressEvent } from './fakeWorker';
import { chartPoints, featuredModel, GrowableColumn, RunSeries, readoutsOf } from './runSeries';

describe('GrowableColumn', () => {
  it('should keep every pushed value in order as it grows', () => {
    const c = new GrowableColumn(2);
    for (let i = 0; i < 1000; i++) c.push(i);
    expect(c.length).toBe(1000);
    expect(c.view()[999]).toBe(999);
    expect(c.last()).toBe(999);
  });
});

describe('chartPoints', () => {
  it('should thin a long curve to about the requested points and drop non-finite values', () => {
    const steps = Float32Array.from({ length: 10_000 }, (_, i) => i);
    const values = Float32Array.from({ length: 10_000 }, (_, i) => (i === 5000 ? Number.NaN : 1 / (i + 1)));
    const points = chartPoints(steps, values, 300);
    expect(points.length).toBeLessThanOrEqual(302);
    expect(points.every((p) => Number.isFinite(p.value))).toBe(true);
    expect(points[0]).toEqual({ step: 0, value: 1 });
  });
});

describe('featuredModel', () => {
  it('should pick the healthy model with the lowest latest cost', () => {
    const s = new RunSeries(3);
    [0.5, 0.1, 0.3].forEach((c, i) => {
      s.models[i].trainStep.push(1);
      s.models[i].trainCost.push(c);
    });
    expect(featuredModel(s, [false, false, false])).toBe(1);
    expect(featuredModel(s, [false, true, false])).toBe(2);
  });
});

describe('readoutsOf', () => {
  it('should say a cost not measured yet is null (shown as —), never NaN', () => {
    const series = new RunSeries(1);
    series.append(progressEvent(1, [{ model: 0, step: 1, cost: 0.7 }]));
    const r = readoutsOf(series, [false]);
    expect(r.trainCost).toBeCloseTo(0.7);
    expect(r.devCost).toBeNull();
    expect(r.devAccuracy).toBeNull();
  });

  it('should keep a measured NaN (a diverged cost) as NaN', () => {
    const series = new RunSeries(1);
    series.append(progressEvent(1, [{ model: 0, step: 5, cost: Number.NaN, devCost: Number.NaN }]));
    expect(readoutsOf(series, [true]).devCost).toBeNaN();
  });
});
