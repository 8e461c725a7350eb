// What a learner may type into each control, and the message shown right at the control when not.
import { type DatasetName, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from '../core/config';
import { DEV_FRACTION, TOY_SET_SIZE } from '../core/experiment';

export interface NumberRule {
  /** The control's name as the learner sees it. */
  label: string;
  integer?: boolean;
  min?: number;
  max?: number;
  /** min itself is not allowed (e.g. ε > 0). */
  minExclusive?: boolean;
  /** max itself is not allowed (e.g. β < 1). */
  maxExclusive?: boolean;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const DIGITS_COUNT = 1797;

/** Training examples after the dev split (the same rounding as the split itself). */
export function expectedTrainSize(dataset: DatasetName): number {
  const count = dataset === 'digits' ? DIGITS_COUNT : TOY_SET_SIZE;
  return count - Math.round(count * DEV_FRACTION);
}

function describeRange(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    if (rule.minExclusive && rule.maxExclusive) return `${kind} between ${min} and ${max} (both excluded)`;
    if (rule.minExclusive) return `${kind} above ${min}, at most ${max}`;
    if (rule.maxExclusive) return `${kind} from ${min} up to (not including) ${max}`;
    return `${kind} from ${min} to ${max}`;
  }
  if (min !== undefined) return rule.minExclusive ? `${kind} above ${min}` : `${kind} of at least ${min}`;
  if (max !== undefined) return rule.maxExclusive ? `${kind} below ${max}` : `${kind} of at most ${max}`;
  return kind;
}

/** Parses what was typed; on failure the message names the control and what it accepts. */
export function parseNumber(text: string, rule: NumberRule): Parsed {
  const trimmed = text.trim();
  const fail = (): Parsed => ({ ok: false, message: `${rule.label} must be ${describeRange(rule)}.` });
  if (trimmed === '') return { ok: false, message: `${rule.label} is empty: enter ${describeRange(rule)}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return fail();
  if (rule.integer && !Number.isInteger(value)) return fail();
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return fail();
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return fail();
  return { ok: true, value };
}

export const RULES = {
  hiddenLayers: { label: 'Hidden layers', integer: true, min: 1, max: MAX_HIDDEN_LAYERS },
  units: (layer: number): NumberRule => ({
    label: `Units in layer ${layer}`,
    integer: true,
    min: 1,
    max: MAX_HIDDEN_UNITS,
  }),
  initStd: { label: 'Initial std', min: 0, minExclusive: true, max: 10 },
  momentum: { label: 'Momentum β', min: 0, max: 1, maxExclusive: true },
  adamBeta1: { label: 'β1', min: 0, max: 1, maxExclusive: true },
  adamBeta2: { label: 'β2', min: 0, max: 1, maxExclusive: true },
  epsilon: { label: 'ε', min: 0, minExclusive: true, max: 1 },
  miniBatchSize: (dataset: DatasetName): NumberRule => ({
    label: 'Mini-batch size',
    integer: true,
    min: 1,
    max: expectedTrainSize(dataset),
  }),
  decayRate: { label: 'Decay rate', min: 0, minExclusive: true, max: 10 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
  steps: { label: 'Stop after steps', integer: true, min: 1, max: 100_000 },
  lrExponentLow: { label: 'Lowest α exponent', min: -8, max: 1 },
  lrExponentHigh: { label: 'Highest α exponent', min: -8, max: 1 },
  samples: { label: 'Samples', integer: true, min: 1, max: 64 },
} as const;
