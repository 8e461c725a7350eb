// Problems of the experiment as a whole (values that are each valid but do not fit together, or a
// decoded link that slipped through), keyed like the controls that show them.
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from '../core/config';
import type { Experiment } from '../core/experiment';
import { expectedTrainSize, RULES } from './validation';

export function experimentProblems(e: Experiment): Record<string, string> {
  const problems: Record<string, string> = {};
  const trainSize = expectedTrainSize(e.dataset);
  const batch = RULES.miniBatchSize(e.dataset);
  if (!Number.isInteger(e.miniBatchSize) || e.miniBatchSize < 1 || e.miniBatchSize > trainSize) {
    problems.miniBatchSize = `${batch.label} must be a whole number from 1 to ${trainSize} (the ${e.dataset} training set has ${trainSize} examples).`;
  }
  if (e.hidden.length < 1 || e.hidden.length > MAX_HIDDEN_LAYERS) {
    problems.hiddenLayers = `Hidden layers must be a whole number from 1 to ${MAX_HIDDEN_LAYERS}.`;
  }
  e.hidden.forEach((units, i) => {
    if (!Number.isInteger(units) || units < 1 || units > MAX_HIDDEN_UNITS) {
      problems[`units.${i}`] =
        `Units in layer ${i + 1} must be a whole number from 1 to ${MAX_HIDDEN_UNITS}.`;
    }
  });
  if (!(e.lrMin > 0 && e.lrMax > 0) || Math.log10(e.lrMin) >= Math.log10(e.lrMax)) {
    problems.lrExponentHigh = 'Highest α exponent must be above the lowest α exponent.';
  }
  return problems;
}

/** Every reason Train is disabled, text-level field errors first. */
export function blockingProblems(fieldErrors: Record<string, string>, e: Experiment): string[] {
  const problems = { ...experimentProblems(e), ...fieldErrors };
  return Object.values(problems);
}
