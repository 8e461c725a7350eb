// Curves between a run's live buffers and saved work: a RunSeries written as thinned curves (to save),
// and saved curves read back into a RunSeries (to show a reopened run as it was, without training).
import { type SavedCurve, thinCurve } from '../core/saved/record';
import { RunSeries } from './runSeries';

/** Every model's curves, labelled `label(model)`, thinned for saving. */
export function curvesOfSeries(series: RunSeries, label: (model: number) => string): SavedCurve[] {
  return series.models.map((m, i) =>
    thinCurve(label(i), {
      trainStep: m.trainStep.view(),
      trainCost: m.trainCost.view(),
      devStep: m.devStep.view(),
      devCost: m.devCost.view(),
      devAccuracy: m.devAccuracy.view(),
    }),
  );
}

/** The lowest finite dev cost any model of the series measured (null when none was). */
export function lowestDevCost(series: RunSeries): number | null {
  let best = Number.POSITIVE_INFINITY;
  for (const m of series.models)
    for (const v of m.devCost.view()) if (Number.isFinite(v) && v < best) best = v;
  return Number.isFinite(best) ? best : null;
}

/** A series holding the saved curves, one model per curve, each model's steps its last point. */
export function seriesOfCurves(curves: readonly SavedCurve[]): RunSeries {
  const series = new RunSeries(curves.length);
  curves.forEach((c, model) => {
    const m = series.models[model];
    c.trainStep.forEach((step, i) => {
      m.trainStep.push(step);
      m.trainCost.push(c.trainCost[i]);
    });
    c.devStep.forEach((step, i) => {
      m.devStep.push(step);
      m.devCost.push(c.devCost[i]);
      m.devAccuracy.push(c.devAccuracy[i]);
    });
    series.steps[model] = Math.max(c.trainStep.at(-1) ?? 0, c.devStep.at(-1) ?? 0);
  });
  return series;
}
