// The columns the CSV export of a chart takes from what a screen knows: a run's series as curves, and
// an experiment's settings as hyperparameter columns (the rest is each chart's own: α per model, a
// trial's values, a branch).
import type { CsvCurve, CsvValue } from '../core/export/curvesCsv';
import type { Experiment } from '../core/experiment';
import type { RunSeries } from '../state/runSeries';

/** Every model of a series as a curve; `about(i)` names model i and gives its hyperparameters. */
export function seriesCurves(
  series: RunSeries | null,
  about: (model: number) => { model: string | number; hyper: Record<string, CsvValue> },
): CsvCurve[] {
  if (!series) return [];
  return series.models.map((m, i) => ({
    ...about(i),
    trainStep: m.trainStep.view(),
    trainCost: m.trainCost.view(),
    devStep: m.devStep.view(),
    devCost: m.devCost.view(),
    devAccuracy: m.devAccuracy.view(),
  }));
}

/**
 * The experiment's settings that shape a run's curves, as CSV columns; the optimizer's own terms only
 * for the optimizer that uses them (momentum's β, RMSprop's β2 and ε, Adam's β1, β2 and ε).
 */
export function experimentColumns(e: Experiment): Record<string, CsvValue> {
  const optimizer: Record<string, CsvValue> =
    e.optimizer === 'momentum'
      ? { momentum: e.momentum }
      : e.optimizer === 'rmsprop'
        ? { beta2: e.adamBeta2, epsilon: e.epsilon }
        : e.optimizer === 'adam'
          ? { beta1: e.adamBeta1, beta2: e.adamBeta2, epsilon: e.epsilon }
          : {};
  return {
    dataset: e.dataset,
    hidden: e.hidden.join(','),
    activation: e.activation,
    batch_norm: e.batchNorm.map((on) => (on ? 1 : 0)).join(','),
    normalize_inputs: e.normalizeInputs ? 1 : 0,
    optimizer: e.optimizer,
    ...optimizer,
    mini_batch: e.miniBatchSize,
    decay: e.learningRateDecay,
    decay_rate: e.learningRateDecay === 'none' ? undefined : e.decayRate,
    seed: e.seed,
  };
}
