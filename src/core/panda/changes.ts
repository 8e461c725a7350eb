// What a nudge changed, in the words the cost chart's marker shows ("α 0.003 → 0.03").
import type { Hyperparameters, OptimizerName } from '../config';
import { type HyperparameterKey, hyperparameter } from '../hyperparameters';

/** The hyperparameter a lab calls "momentum" for an optimizer: β for momentum, β1 for Adam, none otherwise. */
export function momentumKey(optimizer: OptimizerName): 'momentum' | 'adamBeta1' | null {
  if (optimizer === 'momentum') return 'momentum';
  if (optimizer === 'adam') return 'adamBeta1';
  return null;
}

/** A number as the marker writes it: three significant digits, scientific when tiny. */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) {
    const [m, e] = v.toExponential(1).split('e');
    return `${Number(m)}e${Number(e)}`;
  }
  return String(Number(v.toPrecision(3)));
}

// The nudgeable fields in the marker's order: table rows by their symbol, then the decay's kind and
// step length, which are settings of the schedule rather than rows of the table.
const TABLE_FIELDS: readonly (keyof Hyperparameters & HyperparameterKey)[] = [
  'learningRate',
  'momentum',
  'adamBeta1',
  'adamBeta2',
  'epsilon',
  'miniBatchSize',
];
const NAMES: { key: keyof Hyperparameters; name: string }[] = [
  ...TABLE_FIELDS.map((key) => ({ key, name: hyperparameter(key).symbol })),
  { key: 'learningRateDecay', name: 'decay' },
  { key: 'decayRate', name: hyperparameter('decayRate').symbol },
  { key: 'decayStepEpochs', name: 'decay every' },
];

/** Each field that differs, as "name before → after", joined by commas; '' when nothing changed. */
export function describeChange(before: Hyperparameters, after: Partial<Hyperparameters>): string {
  const parts: string[] = [];
  for (const { key, name } of NAMES) {
    if (!(key in after)) continue;
    const a = before[key];
    const b = after[key] as Hyperparameters[typeof key];
    if (a === b) continue;
    const show = (v: unknown) => (typeof v === 'number' ? shortNumber(v) : String(v));
    parts.push(`${name} ${show(a)} → ${show(b)}`);
  }
  return parts.join(', ');
}

/** Only the fields of `after` that differ from `before`. */
export function changedFields(
  before: Hyperparameters,
  after: Partial<Hyperparameters>,
): Partial<Hyperparameters> {
  const out: Partial<Hyperparameters> = {};
  for (const key of Object.keys(after) as (keyof Hyperparameters)[]) {
    if (after[key] !== undefined && after[key] !== before[key]) Object.assign(out, { [key]: after[key] });
  }
  return out;
}
