import { describe, expect, it } from 'vitest';
import { progressEvent } from './fakeWorker';
import { RunSeries } from './runSeries';
import { curvesOfSeries, seriesOfCurves } from './savedCurves';

describe('saved curves', () => {
  it('should give back the same curves and steps after saving a series', () => {
    const series = new RunSeries(2);
    for (let step = 1; step <= 50; step++)
      series.append(
        progressEvent(1, [
          { model: 0, step, cost: 1 / step, devCost: step % 10 === 0 ? 2 / step : undefined },
          { model: 1, step, cost: step === 50 ? Number.NaN : 0.5 },
        ]),
      );
    const curves = curvesOfSeries(series, (m) => `model ${m + 1}`);
    expect(curves.map((c) => c.label)).toEqual(['model 1', 'model 2']);
    const back = seriesOfCurves(structuredClone(curves));
    expect(Array.from(back.models[0].trainCost.view())).toEqual(
      Array.from(series.models[0].trainCost.view()),
    );
    expect(back.models[0].devStep.length).toBe(5);
    expect(back.models[1].trainCost.last()).toBeNaN();
    expect(Array.from(back.steps)).toEqual([50, 50]);
  });
});
