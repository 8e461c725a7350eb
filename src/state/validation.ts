// What a learner may type into each control, and the message shown right at the control when not.
// Every limit comes from the table of hyperparameters (core/hyperparameters.ts), so a control accepts
// exactly what a link does.
import type { DatasetName } from '../core/config';
import {
  controlLabelOf,
  describeRange,
  type HyperparameterKey,
  hyperparameter,
  type Range,
  rangeOf,
  rowOf,
  type SettingKey,
  trainingSetSize,
} from '../core/hyperparameters';

export interface NumberRule extends Partial<Range> {
  /** The control's name as the learner sees it. */
  label: string;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Training examples after the dev split (the mini-batch size's upper end). */
export function expectedTrainSize(dataset: DatasetName): number {
  return trainingSetSize(dataset);
}

function describeRule(rule: NumberRule): string {
  return describeRange({
    ...rule,
    min: rule.min ?? Number.NEGATIVE_INFINITY,
    max: rule.max ?? Number.POSITIVE_INFINITY,
  });
}

/** Parses what was typed; on failure the message names the control and what it accepts. */
export function parseNumber(text: string, rule: NumberRule): Parsed {
  const trimmed = text.trim();
  const fail = (): Parsed => ({ ok: false, message: `${rule.label} must be ${describeRule(rule)}.` });
  if (trimmed === '') return { ok: false, message: `${rule.label} is empty: enter ${describeRule(rule)}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return fail();
  if (rule.integer && !Number.isInteger(value)) return fail();
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return fail();
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return fail();
  return { ok: true, value };
}

/** The control rule of a table row (the mini-batch size's depends on the data set). */
export function ruleOf(key: HyperparameterKey | SettingKey, dataset?: DatasetName): NumberRule {
  return { label: controlLabelOf(rowOf(key)), ...rangeOf(key, dataset) };
}

// The sampling panel's exponents of α: down to 1e-8, up to the learning rate's own maximum.
const LR_EXPONENT_MAX = Math.log10(hyperparameter('learningRate').range.max);

export const RULES = {
  hiddenLayers: ruleOf('hiddenLayers'),
  units: (layer: number): NumberRule => ({ ...ruleOf('hiddenUnits'), label: `Units in layer ${layer}` }),
  initStd: ruleOf('initStd'),
  momentum: ruleOf('momentum'),
  adamBeta1: ruleOf('adamBeta1'),
  adamBeta2: ruleOf('adamBeta2'),
  epsilon: ruleOf('epsilon'),
  miniBatchSize: (dataset: DatasetName): NumberRule => ruleOf('miniBatchSize', dataset),
  decayRate: ruleOf('decayRate'),
  seed: ruleOf('seed'),
  steps: ruleOf('steps'),
  lrExponentLow: { label: 'Lowest α exponent', min: -8, max: LR_EXPONENT_MAX },
  lrExponentHigh: { label: 'Highest α exponent', min: -8, max: LR_EXPONENT_MAX },
  samples: ruleOf('samples'),
} as const;
