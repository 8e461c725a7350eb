// A search space: for each hyperparameter of the course, either a fixed value or a range to search
// on a scale (linear, log, log on 1−β, whole numbers, or a list of choices). Every searched scale
// has an "axis": the coordinate on which samples are spread evenly (log10 α for a log scale,
// −log10(1−β) for the 1−β scale, the index for choices). Charts, zoom and importance all use it.
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from '../config';

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

/** The course's importance tiers: 1 = tune first … 4 = almost never tuned; 0 = not in the course's list. */
export type Tier = 0 | 1 | 2 | 3 | 4;

export interface HyperDef {
  key: HyperKey;
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

export const HYPERPARAMETERS: readonly HyperDef[] = [
  {
    key: 'learningRate',
    urlKey: 'lr',
    label: 'learning rate α',
    symbol: 'α',
    tier: 1,
    scales: ['log', 'linear'],
    integer: false,
    min: 0,
    max: 10,
    minExclusive: true,
    fixed: 0.01,
    searched: { scale: 'log', low: 1e-4, high: 1 },
  },
  {
    key: 'momentum',
    urlKey: 'beta',
    label: 'momentum β',
    symbol: 'β',
    tier: 2,
    scales: ['oneMinusLog', 'linear'],
    integer: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    fixed: 0.9,
    searched: { scale: 'oneMinusLog', low: 0.9, high: 0.999 },
  },
  {
    key: 'hiddenUnits',
    urlKey: 'units',
    label: 'hidden units',
    symbol: 'units',
    tier: 2,
    scales: ['int', 'choice'],
    integer: true,
    min: 1,
    max: MAX_HIDDEN_UNITS,
    fixed: 16,
    searched: { scale: 'int', low: 50, high: 100 },
  },
  {
    key: 'miniBatchSize',
    urlKey: 'batch',
    label: 'mini-batch size',
    symbol: 'batch',
    tier: 2,
    scales: ['choice', 'int'],
    integer: true,
    min: 1,
    max: 800,
    fixed: 32,
    searched: { scale: 'choice', choices: [16, 32, 64, 128] },
  },
  {
    key: 'layers',
    urlKey: 'layers',
    label: 'hidden layers',
    symbol: 'layers',
    tier: 3,
    scales: ['int', 'choice'],
    integer: true,
    min: 1,
    max: MAX_HIDDEN_LAYERS,
    fixed: 2,
    searched: { scale: 'int', low: 2, high: 4 },
  },
  {
    key: 'decayRate',
    urlKey: 'decay',
    label: 'learning-rate decay rate',
    symbol: 'decay',
    tier: 3,
    scales: ['linear', 'log'],
    integer: false,
    min: 0,
    max: 10,
    fixed: 0,
    searched: { scale: 'linear', low: 0, high: 1 },
  },
  {
    key: 'batchNorm',
    urlKey: 'bn',
    label: 'batch norm (0 off, 1 on)',
    symbol: 'BN',
    tier: 0,
    scales: ['choice'],
    integer: true,
    min: 0,
    max: 1,
    fixed: 0,
    searched: { scale: 'choice', choices: [0, 1] },
  },
  {
    key: 'adamBeta1',
    urlKey: 'beta1',
    label: 'Adam β1',
    symbol: 'β1',
    tier: 4,
    scales: ['oneMinusLog', 'linear'],
    integer: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    fixed: 0.9,
    searched: { scale: 'oneMinusLog', low: 0.8, high: 0.99 },
  },
  {
    key: 'adamBeta2',
    urlKey: 'beta2',
    label: 'Adam β2',
    symbol: 'β2',
    tier: 4,
    scales: ['oneMinusLog', 'linear'],
    integer: false,
    min: 0,
    max: 1,
    maxExclusive: true,
    fixed: 0.999,
    searched: { scale: 'oneMinusLog', low: 0.99, high: 0.9999 },
  },
  {
    key: 'epsilon',
    urlKey: 'eps',
    label: 'Adam ε',
    symbol: 'ε',
    tier: 4,
    scales: ['log', 'linear'],
    integer: false,
    min: 0,
    max: 1,
    minExclusive: true,
    fixed: 1e-8,
    searched: { scale: 'log', low: 1e-10, high: 1e-6 },
  },
];

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

/** The default study: α on a log scale and Adam's ε (which hardly matters), everything else fixed. */
export function defaultSpace(): SearchSpace {
  const space = {} as SearchSpace;
  for (const h of HYPERPARAMETERS) space[h.key] = { scale: 'fixed', value: h.fixed };
  space.learningRate = { scale: 'log', low: 1e-4, high: 1 };
  space.epsilon = { scale: 'log', low: 1e-10, high: 1e-6 };
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
  const lo = def.minExclusive ? `above ${def.min}` : `at least ${def.min}`;
  const hi = def.maxExclusive ? `below ${def.max}` : `at most ${def.max}`;
  return `${def.integer ? 'a whole number' : 'a number'} ${lo} and ${hi}`;
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

export const MAX_BUDGET = 64;

/** The number of trials of a study: a whole number from 1 to the browser's cap. */
export function parseBudget(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v) || !Number.isInteger(v) || v < 1) {
    return { ok: false, reason: `Budget must be a whole number of trials from 1 to ${MAX_BUDGET}.` };
  }
  if (v > MAX_BUDGET) {
    return {
      ok: false,
      reason: `Budget ${v} is over the cap of ${MAX_BUDGET} trials for a browser (every trial is a real model).`,
    };
  }
  return { ok: true, value: v };
}
