// A search space: for each hyperparameter of the course, either a fixed value or a range to search
// on a scale (linear, log, log on 1−β, whole numbers, or a list of choices). Every searched scale
// has an "axis": the coordinate on which samples are spread evenly (log10 α for a log scale,
// −log10(1−β) for the 1−β scale, the index for choices). Charts, zoom and importance all use it.
// The limits, labels, symbols, defaults and tiers of each row come from the table of hyperparameters
// (core/hyperparameters.ts); what is the search lab's own is which scales a row may use and the range
// it gets when searched.
import type { DatasetName } from '../config';
import {
  describeRange,
  type HyperparameterKey,
  hyperparameter,
  rangeOf,
  setting,
  type Tier,
} from '../hyperparameters';

export type { Tier } from '../hyperparameters';

export type HyperKey =
  | 'learningRate'
  | 'momentum'
  | 'hiddenUnits'
  | 'miniBatchSize'
  | 'layers'
  | 'decayRate'
  | 'batchNorm'
  | 'adamBeta1'
  | 'adamBeta2'
  | 'epsilon';

export type RangeScale = 'linear' | 'log' | 'oneMinusLog' | 'int';
export type Scale = RangeScale | 'choice';
/** What a row of the editor can be: fixed, or one of the searched scales. */
export type RowMode = 'fixed' | Scale;

export type Dimension =
  | { scale: 'fixed'; value: number }
  | { scale: RangeScale; low: number; high: number }
  | { scale: 'choice'; choices: number[] };

export type SearchSpace = Record<HyperKey, Dimension>;
/** One trial: a value for every hyperparameter (layers, units, batch-norm flag as numbers). */
export type TrialValues = Record<HyperKey, number>;

export interface HyperDef {
  key: HyperKey;
  /** Its row in the table of hyperparameters (the search lab calls hiddenLayers 'layers'). */
  row: HyperparameterKey;
  /** Its key in the URL hash. */
  urlKey: string;
  label: string;
  /** A short symbol for axes and table headers. */
  symbol: string;
  tier: Tier;
  /** Scales this row may use (besides fixed). */
  scales: readonly Scale[];
  /** Whole numbers only. */
  integer: boolean;
  /** Allowed values: min ≤ v ≤ max (or strict where the flags say). */
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** The fixed value when not searched. */
  fixed: number;
  /** The range a row gets when the learner switches it to searched. */
  searched: Dimension;
}

/** Every trial of a study trains on this data set, so its training set bounds the mini-batch size. */
export const STUDY_DATASET: DatasetName = 'spiral';

/** What only the search lab says about a row: its table row, the scales it may use, its searched range. */
interface SearchColumns {
  key: HyperKey;
  row: HyperparameterKey;
  scales: readonly Scale[];
  searched: Dimension;
}

const SEARCH_COLUMNS: readonly SearchColumns[] = [
  {
    key: 'learningRate',
    row: 'learningRate',
    scales: ['log', 'linear'],
    searched: { scale: 'log', low: 1e-4, high: 1 },
  },
  {
    key: 'momentum',
    row: 'momentum',
    scales: ['oneMinusLog', 'linear'],
    searched: { scale: 'oneMinusLog', low: 0.9, high: 0.999 },
  },
  {
    key: 'hiddenUnits',
    row: 'hiddenUnits',
    scales: ['int', 'choice'],
    searched: { scale: 'int', low: 50, high: 100 },
  },
  {
    key: 'miniBatchSize',
    row: 'miniBatchSize',
    scales: ['choice', 'int'],
    searched: { scale: 'choice', choices: [16, 32, 64, 128] },
  },
  {
    key: 'layers',
    row: 'hiddenLayers',
    scales: ['int', 'choice'],
    searched: { scale: 'int', low: 2, high: 4 },
  },
  {
    key: 'decayRate',
    row: 'decayRate',
    scales: ['linear', 'log'],
    searched: { scale: 'linear', low: 0, high: 1 },
  },
  { key: 'batchNorm', row: 'batchNorm', scales: ['choice'], searched: { scale: 'choice', choices: [0, 1] } },
  {
    key: 'adamBeta1',
    row: 'adamBeta1',
    scales: ['oneMinusLog', 'linear'],
    searched: { scale: 'oneMinusLog', low: 0.8, high: 0.99 },
  },
  {
    key: 'adamBeta2',
    row: 'adamBeta2',
    scales: ['oneMinusLog', 'linear'],
    searched: { scale: 'oneMinusLog', low: 0.99, high: 0.9999 },
  },
  {
    key: 'epsilon',
    row: 'epsilon',
    scales: ['log', 'linear'],
    searched: { scale: 'log', low: 1e-10, high: 1e-6 },
  },
];

function defOf(c: SearchColumns): HyperDef {
  const row = hyperparameter(c.row);
  const range = rangeOf(c.row, STUDY_DATASET);
  // A trial has no decay switch: a row with an "off" value (decay rate 0 = no decay) takes it as well,
  // and starts there, as the playground's decay starts as 'none'.
  const offBelow = row.off !== undefined && row.off <= range.min;
  return {
    key: c.key,
    row: c.row,
    urlKey: row.searchUrlKey ?? row.urlKey,
    label: row.label,
    symbol: row.symbol,
    tier: row.tier,
    scales: c.scales,
    integer: range.integer === true,
    min: offBelow ? (row.off as number) : range.min,
    max: range.max,
    minExclusive: offBelow ? false : range.minExclusive,
    maxExclusive: range.maxExclusive,
    fixed: row.off ?? row.default,
    searched: c.searched,
  };
}

export const HYPERPARAMETERS: readonly HyperDef[] = SEARCH_COLUMNS.map(defOf);

export const HYPER_KEYS: readonly HyperKey[] = HYPERPARAMETERS.map((h) => h.key);

export function hyperDef(key: HyperKey): HyperDef {
  const def = HYPERPARAMETERS.find((h) => h.key === key);
  if (!def) throw new Error(`unknown hyperparameter ${key}`);
  return def;
}

export const TIER_TEXT: Record<Tier, string> = {
  0: 'not ranked in the course',
  1: 'tune first',
  2: 'second',
  3: 'third',
  4: 'almost never tuned',
};

export const SCALE_TEXT: Record<RowMode, string> = {
  fixed: 'fixed',
  linear: 'linear',
  log: 'log',
  oneMinusLog: 'log on 1−β',
  int: 'whole numbers',
  choice: 'choices',
};

/** The default study's fixed mini-batch size. */
export const STUDY_MINI_BATCH = 128;
/** The default study's fixed hidden units per layer. */
export const STUDY_HIDDEN_UNITS = 32;

/** The default study: α on a log scale and Adam's ε (which hardly matters), everything else fixed. */
export function defaultSpace(): SearchSpace {
  const space = {} as SearchSpace;
  for (const h of HYPERPARAMETERS) space[h.key] = { scale: 'fixed', value: h.fixed };
  // Searched on the ranges their rows get when switched to searched.
  for (const key of ['learningRate', 'epsilon'] as const) space[key] = { ...hyperDef(key).searched };
  // A mini-batch of 128 and 2 × 32 units (not the playground's 32 and 2 × 16): the gradient is less
  // noisy and the wider net leaves the spiral's early plateau sooner, so a good α trains to a low dev
  // cost in a few hundred steps on every seed, and a trial's score reflects α, not how long it sat on
  // the plateau (with 2 × 16 units, 800 steps left every trial of seed 5 near 80 % dev accuracy).
  space.miniBatchSize = { scale: 'fixed', value: STUDY_MINI_BATCH };
  space.hiddenUnits = { scale: 'fixed', value: STUDY_HIDDEN_UNITS };
  return space;
}

/** Searched hyperparameters, in the table's order (α first). */
export function searchedKeys(space: SearchSpace): HyperKey[] {
  return HYPER_KEYS.filter((k) => space[k].scale !== 'fixed');
}

export function fixedValues(space: SearchSpace): TrialValues {
  const values = {} as TrialValues;
  for (const k of HYPER_KEYS) {
    const d = space[k];
    values[k] = d.scale === 'fixed' ? d.value : hyperDef(k).fixed;
  }
  return values;
}

// ---------- the axis of a scale ----------

/** The coordinate on which a scale spreads samples evenly. */
export function toAxis(d: Dimension, value: number): number {
  switch (d.scale) {
    case 'log':
      return Math.log10(value);
    case 'oneMinusLog':
      return -Math.log10(1 - value);
    case 'choice': {
      const i = d.choices.indexOf(value);
      return i >= 0 ? i : Number.NaN;
    }
    default:
      return value;
  }
}

/** The value at an axis coordinate (inverse of toAxis; choices round to the nearest index). */
export function fromAxis(d: Dimension, t: number): number {
  switch (d.scale) {
    case 'log':
      return 10 ** t;
    case 'oneMinusLog':
      return 1 - 10 ** -t;
    case 'choice':
      return d.choices[Math.min(d.choices.length - 1, Math.max(0, Math.round(t)))];
    case 'int':
      return Math.round(t);
    case 'linear':
      return t;
    case 'fixed':
      return d.value;
  }
}

/** The axis interval a dimension covers, lowest first. */
export function axisDomain(d: Dimension): [number, number] {
  switch (d.scale) {
    case 'fixed':
      return [d.value, d.value];
    case 'choice':
      return [0, d.choices.length - 1];
    default:
      return [toAxis(d, d.low), toAxis(d, d.high)];
  }
}

/** How many different values a dimension can take (Infinity for continuous scales). */
export function cardinality(d: Dimension): number {
  switch (d.scale) {
    case 'fixed':
      return 1;
    case 'choice':
      return d.choices.length;
    case 'int':
      return d.high - d.low + 1;
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** The value a uniform u in [0, 1) maps to on the dimension's scale. */
export function valueAtUnit(d: Dimension, u: number): number {
  switch (d.scale) {
    case 'fixed':
      return d.value;
    case 'choice':
      return d.choices[Math.min(d.choices.length - 1, Math.floor(u * d.choices.length))];
    case 'int': {
      const n = d.high - d.low + 1;
      return d.low + Math.min(n - 1, Math.floor(u * n));
    }
    case 'linear':
      return d.low + u * (d.high - d.low);
    case 'log':
    case 'oneMinusLog': {
      const [a, b] = axisDomain(d);
      const v = fromAxis(d, a + u * (b - a));
      // 10^log10(x) may land a rounding error outside the range.
      return Math.min(d.high, Math.max(d.low, v));
    }
  }
}

// ---------- the editor's rows: text in, a dimension or a reason out ----------

/** What a row of the editor holds, as typed. */
export interface RowDraft {
  mode: RowMode;
  value: string;
  low: string;
  high: string;
  /** Comma-separated. */
  choices: string;
}

export type RowResult = { ok: true; dim: Dimension } | { ok: false; reason: string };

/** A number as a row shows it: 1e-6 rather than 0.000001. */
export function numberText(v: number): string {
  return v !== 0 && Math.abs(v) < 1e-4 ? v.toExponential() : String(v);
}

export function draftOf(d: Dimension, def: HyperDef): RowDraft {
  const searched = def.searched;
  const base: RowDraft = {
    mode: d.scale,
    value: numberText(def.fixed),
    low: searched.scale !== 'fixed' && searched.scale !== 'choice' ? numberText(searched.low) : '',
    high: searched.scale !== 'fixed' && searched.scale !== 'choice' ? numberText(searched.high) : '',
    choices: searched.scale === 'choice' ? searched.choices.join(',') : '',
  };
  if (d.scale === 'fixed') return { ...base, value: numberText(d.value) };
  if (d.scale === 'choice') return { ...base, choices: d.choices.join(',') };
  return { ...base, low: numberText(d.low), high: numberText(d.high) };
}

function allowed(def: HyperDef): string {
  return describeRange(def);
}

/** Checks one value of a row against what the hyperparameter accepts; a reason, or null when fine. */
function valueProblem(def: HyperDef, text: string, what: string): { value: number } | { reason: string } {
  const t = text.trim();
  if (t === '') return { reason: `${what} is empty.` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { reason: `${what} "${t}" is not a number.` };
  if (def.integer && !Number.isInteger(v))
    return { reason: `${what} ${t} is not a whole number (${def.label} takes whole numbers).` };
  const belowMin = def.minExclusive ? v <= def.min : v < def.min;
  const aboveMax = def.maxExclusive ? v >= def.max : v > def.max;
  if (belowMin || aboveMax)
    return { reason: `${what} ${t} is out of bounds: ${def.label} must be ${allowed(def)}.` };
  return { value: v };
}

/** Parses a row; a bad row gets a reason a learner can act on. */
export function parseRow(def: HyperDef, draft: RowDraft): RowResult {
  if (draft.mode === 'fixed') {
    const p = valueProblem(def, draft.value, 'The value');
    return 'reason' in p
      ? { ok: false, reason: p.reason }
      : { ok: true, dim: { scale: 'fixed', value: p.value } };
  }
  if (!def.scales.includes(draft.mode)) {
    return { ok: false, reason: `${def.label} cannot be searched on a ${SCALE_TEXT[draft.mode]} scale.` };
  }
  if (draft.mode === 'choice') {
    const parts = draft.choices
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (parts.length === 0)
      return { ok: false, reason: 'The choice list is empty: enter values separated by commas.' };
    const values: number[] = [];
    for (const part of parts) {
      const p = valueProblem(def, part, 'Choice');
      if ('reason' in p) return { ok: false, reason: p.reason };
      if (!values.includes(p.value)) values.push(p.value);
    }
    return { ok: true, dim: { scale: 'choice', choices: values } };
  }
  // Scale problems first (they say what the scale needs), then the order of the ends, then bounds.
  const lowNum = Number(draft.low.trim());
  const highNum = Number(draft.high.trim());
  const numbers =
    draft.low.trim() !== '' &&
    draft.high.trim() !== '' &&
    Number.isFinite(lowNum) &&
    Number.isFinite(highNum);
  if (numbers) {
    if (draft.mode === 'int' && !(Number.isInteger(lowNum) && Number.isInteger(highNum))) {
      return {
        ok: false,
        reason: `A whole-number row needs whole-number ends (${def.label} takes whole numbers).`,
      };
    }
    if (draft.mode === 'log' && (lowNum <= 0 || highNum <= 0)) {
      return {
        ok: false,
        reason: `A log scale needs values above 0 (got ${lowNum <= 0 ? draft.low.trim() : draft.high.trim()}).`,
      };
    }
    if (draft.mode === 'oneMinusLog' && (lowNum >= 1 || highNum >= 1)) {
      return { ok: false, reason: 'Log on 1−β needs values below 1 (1−β must stay above 0).' };
    }
    if (lowNum >= highNum) {
      return { ok: false, reason: `Low (${draft.low.trim()}) must be below high (${draft.high.trim()}).` };
    }
  }
  const low = valueProblem(def, draft.low, 'Low');
  if ('reason' in low) return { ok: false, reason: low.reason };
  const high = valueProblem(def, draft.high, 'High');
  if ('reason' in high) return { ok: false, reason: high.reason };
  return { ok: true, dim: { scale: draft.mode, low: low.value, high: high.value } };
}

const BUDGET = setting('budget').range;
export const MAX_BUDGET = BUDGET.max;

/** The number of trials of a study: a whole number from 1 to the browser's cap. */
export function parseBudget(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v) || !Number.isInteger(v) || v < BUDGET.min) {
    return {
      ok: false,
      reason: `Budget must be a whole number of trials from ${BUDGET.min} to ${MAX_BUDGET}.`,
    };
  }
  if (v > MAX_BUDGET) {
    return {
      ok: false,
      reason: `Budget ${v} is over the cap of ${MAX_BUDGET} trials for a browser (every trial is a real model).`,
    };
  }
  return { ok: true, value: v };
}
