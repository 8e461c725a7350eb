// One table of hyperparameters, as TensorFlow Playground's state.ts keeps one table of properties:
// each row says what a hyperparameter is called (property, URL key, symbol, label), which values it
// takes (range, default, control step, scale) and how much the course says it matters (tier). Every
// link codec, control rule, search-space row and change marker reads its limits here, so a value that
// one screen accepts is accepted by all of them. A second, smaller table holds the settings that are
// not hyperparameters but need the same things (a seed, a number of steps, a budget).
//
// Only types come from config.ts: config.ts derives its constants (MAX_HIDDEN_LAYERS,
// DEFAULT_HYPERPARAMETERS, …) from this table, so a value import back would be a cycle.
import type { DatasetName } from './config';

/** The values a number may take. */
export interface Range {
  min: number;
  max: number;
  /** min itself is not allowed (ε > 0). */
  minExclusive?: boolean;
  /** max itself is not allowed (β < 1). */
  maxExclusive?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
}

/** The course's importance tiers: 1 = tune first … 4 = almost never tuned; 0 = not in the course's list. */
export type Tier = 0 | 1 | 2 | 3 | 4;

/** How values of a row are best spread (sampled, or laid out on a slider). */
export type ScaleHint = 'linear' | 'log' | 'oneMinusLog';

export type HyperparameterKey =
  | 'learningRate'
  | 'momentum'
  | 'hiddenUnits'
  | 'miniBatchSize'
  | 'hiddenLayers'
  | 'decayRate'
  | 'batchNorm'
  | 'adamBeta1'
  | 'adamBeta2'
  | 'epsilon';

export type SettingKey =
  | 'seed'
  | 'steps'
  | 'speed'
  | 'samples'
  | 'noise'
  | 'initStd'
  | 'studySteps'
  | 'budget'
  | 'dayLength';

interface RowBase<K extends string> {
  key: K;
  /**
   * Its key in the links that carry it. The playground's, batch-norm and panda links write hidden
   * units and layers together as one list, `hidden=16,16`; `units` and `layers` are the search lab's.
   */
  urlKey: string;
  /** Its name mid-sentence ("is not a valid learning rate α"). */
  label: string;
  /** The control's name, where it is not the label with a capital first letter. */
  controlLabel?: string;
  range: Range;
  default: number;
  /** A control's step (its arrow keys); absent: any value. */
  step?: number;
}

export interface HyperparameterRow extends RowBase<HyperparameterKey> {
  /** A short symbol for markers, axes and table headers. */
  symbol: string;
  tier: Tier;
  scale?: ScaleHint;
  /**
   * The search lab's link key, where it differs: its `decay` is the inverse-decay rate, 0 for none
   * (the playground's `decay` names the kind of decay, `decayRate` its rate).
   */
  searchUrlKey?: string;
  /** The range's max is the training-set size of the data (set by rangeOf). */
  maxIsTrainingSet?: boolean;
  /** A value outside the range that means "off" where a screen has no separate switch (decay rate 0). */
  off?: number;
}

export type SettingRow = RowBase<SettingKey>;

// Order: the search lab's rows, from the course's most important down (batch norm, not ranked, sits
// with the network's shape).
export const HYPERPARAMETER_TABLE: readonly HyperparameterRow[] = [
  {
    key: 'learningRate',
    urlKey: 'lr',
    symbol: 'α',
    label: 'learning rate α',
    range: { min: 0, minExclusive: true, max: 10 },
    default: 0.01,
    scale: 'log',
    tier: 1,
  },
  {
    key: 'momentum',
    urlKey: 'beta',
    symbol: 'β',
    label: 'momentum β',
    range: { min: 0, max: 1, maxExclusive: true },
    default: 0.9,
    step: 0.01,
    scale: 'oneMinusLog',
    tier: 2,
  },
  {
    key: 'hiddenUnits',
    urlKey: 'units',
    symbol: 'units',
    label: 'hidden units',
    range: { min: 1, max: 256, integer: true },
    default: 16,
    step: 1,
    tier: 2,
  },
  {
    key: 'miniBatchSize',
    urlKey: 'batch',
    symbol: 'batch',
    label: 'mini-batch size',
    // max: the training set (batch gradient descent); rangeOf fills it in for a data set.
    range: { min: 1, max: Number.POSITIVE_INFINITY, integer: true },
    maxIsTrainingSet: true,
    default: 32,
    step: 1,
    tier: 2,
  },
  {
    key: 'hiddenLayers',
    urlKey: 'layers',
    symbol: 'layers',
    label: 'hidden layers',
    range: { min: 1, max: 8, integer: true },
    default: 2,
    step: 1,
    tier: 3,
  },
  {
    key: 'decayRate',
    urlKey: 'decayRate',
    searchUrlKey: 'decay',
    symbol: 'decay rate',
    label: 'learning-rate decay rate',
    controlLabel: 'Decay rate',
    range: { min: 0, minExclusive: true, max: 10 },
    off: 0,
    default: 0.1,
    step: 0.01,
    scale: 'linear',
    tier: 3,
  },
  {
    key: 'batchNorm',
    urlKey: 'bn',
    symbol: 'BN',
    label: 'batch norm (0 off, 1 on)',
    controlLabel: 'Batch norm',
    range: { min: 0, max: 1, integer: true },
    default: 0,
    step: 1,
    tier: 0,
  },
  {
    key: 'adamBeta1',
    urlKey: 'beta1',
    symbol: 'β1',
    label: 'Adam β1',
    controlLabel: 'β1',
    range: { min: 0, max: 1, maxExclusive: true },
    default: 0.9,
    step: 0.01,
    scale: 'oneMinusLog',
    tier: 4,
  },
  {
    key: 'adamBeta2',
    urlKey: 'beta2',
    symbol: 'β2',
    // RMSprop uses β2 and ε too; the control is named by its symbol alone for that reason.
    label: 'Adam β2',
    controlLabel: 'β2',
    range: { min: 0, max: 1, maxExclusive: true },
    default: 0.999,
    step: 0.001,
    scale: 'oneMinusLog',
    tier: 4,
  },
  {
    key: 'epsilon',
    urlKey: 'eps',
    symbol: 'ε',
    label: 'Adam ε',
    controlLabel: 'ε',
    range: { min: 0, minExclusive: true, max: 1 },
    default: 1e-8,
    scale: 'log',
    tier: 4,
  },
];

export const SETTING_TABLE: readonly SettingRow[] = [
  {
    key: 'seed',
    urlKey: 'seed',
    label: 'seed',
    // The largest non-negative 32-bit signed integer: every screen's seed control and link stop here.
    range: { min: 0, max: 2 ** 31 - 1, integer: true },
    default: 1,
    step: 1,
  },
  {
    key: 'steps',
    urlKey: 'steps',
    label: 'number of steps',
    controlLabel: 'Stop after steps',
    range: { min: 1, max: 100_000, integer: true },
    // The default spiral net (16-16 tanh, Adam α = 0.01) is at 0.70–0.96 dev accuracy after 2000
    // steps and 0.98–1.00 after 3000 (seeds 1–5, engine/defaultExperiment.test.ts): 3000 lets it converge.
    default: 3000,
    step: 1,
  },
  {
    // The playground's cap while running, in steps per second (the link writes `speed=max` for none).
    key: 'speed',
    urlKey: 'speed',
    label: 'speed (steps per second)',
    controlLabel: 'Speed',
    range: { min: 1, max: 10_000, integer: true },
    // 300 steps/s: the default 3000 steps take ~10 s, long enough to watch the boundary form and the
    // cost fall, short enough to wait for; slower choices show single steps.
    default: 300,
    step: 1,
  },
  {
    key: 'samples',
    urlKey: 'samples',
    label: 'number of samples',
    controlLabel: 'Samples',
    // 64 models: about what a browser trains at once (the search lab's budget has the same cap).
    range: { min: 1, max: 64, integer: true },
    default: 16,
    step: 1,
  },
  {
    key: 'noise',
    urlKey: 'noise',
    label: 'noise level',
    range: { min: 0, max: 1 },
    default: 0.1,
    step: 0.05,
  },
  {
    key: 'initStd',
    urlKey: 'std',
    label: 'initial standard deviation',
    controlLabel: 'Initial std',
    range: { min: 0, minExclusive: true, max: 10 },
    default: 0.1,
    step: 0.01,
  },
  {
    key: 'studySteps',
    urlKey: 'steps',
    label: 'number of steps per trial',
    controlLabel: 'Steps per trial',
    range: { min: 20, max: 5000, integer: true },
    // 600 steps of the default study (2 × 32 tanh units, mini-batch 128, Adam) train the good α
    // (≈ 0.03–0.2) to dev accuracy ≥ 0.99 on the spiral on seeds 1–5, so trials rank by their
    // hyperparameters; at 300 steps (2 × 16 units, mini-batch 32) every trial still sat near cost 0.65
    // and the ranking was noise (measured in src/engine/searchLesson.test.ts).
    default: 600,
    step: 1,
  },
  {
    key: 'budget',
    urlKey: 'budget',
    label: 'budget of trials',
    controlLabel: 'Budget',
    range: { min: 1, max: 64, integer: true },
    default: 25,
    step: 1,
  },
  {
    key: 'dayLength',
    urlKey: 'day',
    label: 'day length (steps per day)',
    controlLabel: 'Day length',
    range: { min: 20, max: 1000, integer: true },
    default: 150,
    step: 1,
  },
];

/** The Speed control's choices, steps per second; null: as fast as it goes. */
export const SPEED_CHOICES: readonly (number | null)[] = [10, 30, 100, 300, null];
/** How a link writes "as fast as it goes". */
export const UNCAPPED_SPEED = 'max';

/** The row of a hyperparameter. */
export function hyperparameter(key: HyperparameterKey): HyperparameterRow {
  const row = HYPERPARAMETER_TABLE.find((r) => r.key === key);
  if (!row) throw new Error(`unknown hyperparameter ${key}`);
  return row;
}

/** The row of a setting. */
export function setting(key: SettingKey): SettingRow {
  const row = SETTING_TABLE.find((r) => r.key === key);
  if (!row) throw new Error(`unknown setting ${key}`);
  return row;
}

/** The row of either table. */
export function rowOf(key: HyperparameterKey | SettingKey): HyperparameterRow | SettingRow {
  return isHyperparameterKey(key) ? hyperparameter(key) : setting(key);
}

/** The largest seed any screen accepts. */
export const MAX_SEED = setting('seed').range.max;

// ---------- the mini-batch's upper end: the training set ----------

/** Points generated for each 2-D toy set. */
export const TOY_SET_SIZE = 1000;
/** Examples in the UCI digits set the app ships. */
export const DIGITS_SIZE = 1797;
export const DEV_FRACTION = 0.2;

/** Training examples after the dev split (the same rounding as splitTrainDev). */
export function trainingSetSize(dataset: DatasetName): number {
  const count = dataset === 'digits' ? DIGITS_SIZE : TOY_SET_SIZE;
  return count - Math.round(count * DEV_FRACTION);
}

/**
 * The range of a row; for the mini-batch size its max is the training set of `dataset` (a batch can
 * hold at most every training example). Without a data set that row's max stays unbounded.
 */
export function rangeOf(key: HyperparameterKey | SettingKey, dataset?: DatasetName): Range {
  const row = rowOf(key);
  if ('maxIsTrainingSet' in row && row.maxIsTrainingSet && dataset) {
    return { ...row.range, max: trainingSetSize(dataset) };
  }
  return { ...row.range };
}

export function isHyperparameterKey(key: string): key is HyperparameterKey {
  return HYPERPARAMETER_TABLE.some((r) => r.key === key);
}

/** Whether a value lies in a range (ends and whole numbers as the range says). */
export function inRange(range: Range, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  if (range.maxExclusive ? value >= range.max : value > range.max) return false;
  return true;
}

/** A number typed or linked, when it lies in the range; undefined otherwise ('' is not 0). */
export function parseInRange(text: string, range: Range): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const v = Number(t);
  return inRange(range, v) ? v : undefined;
}

/** The range in words: "a whole number from 1 to 800", "a number from 0 up to (not including) 1". */
export function describeRange(range: Range): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  const min = Number.isFinite(range.min) ? range.min : undefined;
  const max = Number.isFinite(range.max) ? range.max : undefined;
  if (min !== undefined && max !== undefined) {
    if (range.minExclusive && range.maxExclusive) return `${kind} between ${min} and ${max} (both excluded)`;
    if (range.minExclusive) return `${kind} above ${min}, at most ${max}`;
    if (range.maxExclusive) return `${kind} from ${min} up to (not including) ${max}`;
    return `${kind} from ${min} to ${max}`;
  }
  if (min !== undefined) return range.minExclusive ? `${kind} above ${min}` : `${kind} of at least ${min}`;
  if (max !== undefined) return range.maxExclusive ? `${kind} below ${max}` : `${kind} of at most ${max}`;
  return kind;
}

/** The control's name of a row. */
export function controlLabelOf(row: HyperparameterRow | SettingRow): string {
  return row.controlLabel ?? row.label.charAt(0).toUpperCase() + row.label.slice(1);
}
