// Problems of the experiment as a whole (values that are each valid but do not fit together, or a
// decoded link that slipped through), keyed like the controls that show them.
import { dataConfigOf, type Experiment, modelSpecOf } from '../core/experiment';
import { dataShapeOf, overBudgetMessage } from '../core/runEstimate';
import { type NumberRule, parseNumber, RULES } from './validation';

export function experimentProblems(e: Experiment): Record<string, string> {
  const problems: Record<string, string> = {};
  // The same rule and message as the control's own (from the one table of hyperparameters).
  const problem = (rule: NumberRule, value: number): string | null => {
    const parsed = parseNumber(String(value), rule);
    return parsed.ok ? null : parsed.message;
  };
  const batch = RULES.miniBatchSize(e.dataset);
  const batchProblem = problem(batch, e.miniBatchSize);
  if (batchProblem)
    problems.miniBatchSize = `${batchProblem.slice(0, -1)} (the ${e.dataset} training set has ${batch.max} examples).`;
  const layersProblem = problem(RULES.hiddenLayers, e.hidden.length);
  if (layersProblem) problems.hiddenLayers = layersProblem;
  e.hidden.forEach((units, i) => {
    const unitsProblem = problem(RULES.units(i + 1), units);
    if (unitsProblem) problems[`units.${i}`] = unitsProblem;
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
