// Problems of the experiment as a whole (values that are each valid but do not fit together, or a
// decoded link that slipped through), keyed like the controls that show them.
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from '../core/config';
import { dataConfigOf, type Experiment, modelSpecOf } from '../core/experiment';
import { dataShapeOf, overBudgetMessage } from '../core/runEstimate';
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

/** Every reason Train (or, for 'population', Train all) is disabled, text-level field errors first. */
export function blockingProblems(
  fieldErrors: Record<string, string>,
  e: Experiment,
  kind: 'single' | 'population' = 'single',
): string[] {
  const problems = Object.values({ ...experimentProblems(e), ...fieldErrors });
  // Only a run whose fields are right is worth sizing.
  if (problems.length > 0) return problems;
  const size = runSizeProblems(e);
  const tooBig = kind === 'single' ? size.train : size.trainAll;
  return tooBig ? [tooBig] : [];
}

const TWO_D = new Set(['spiral', 'circles', 'xor', 'gaussian', 'moons']);
/** Cells per side of the decision-boundary heatmap of a single run on a 2-D set. */
export const BOUNDARY_RESOLUTION = 40;

export function isTwoDimensional(e: Experiment): boolean {
  return TWO_D.has(e.dataset);
}

/**
 * Tests force a run past the memory estimate, to see what happens when memory really runs out:
 * `?limits=off` in the page's address (not its hash: no shared link carries it).
 */
export function skipRunEstimate(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('limits') === 'off';
}

/**
 * Runs too big for the page, refused before they start, in words that name what to lower: `train`
 * for one model (Train, Step), `trainAll` for the population of samples (Train all).
 */
export function runSizeProblems(e: Experiment): { train: string | null; trainAll: string | null } {
  if (skipRunEstimate()) return { train: null, trainAll: null };
  const data = dataShapeOf(dataConfigOf(e));
  const spec = modelSpecOf(e);
  const boundary = isTwoDimensional(e) ? { boundaryResolution: BOUNDARY_RESOLUTION } : {};
  return {
    train: overBudgetMessage(data, [spec], boundary),
    trainAll: overBudgetMessage(
      data,
      Array.from({ length: e.samples }, () => spec),
    ),
  };
}
