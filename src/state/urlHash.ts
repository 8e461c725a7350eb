// The experiment lives in the URL hash so a setup can be shared as a link. Decoding is forgiving:
// each key is checked on its own, so one bad value costs only that field (with a notice saying so).
import {
  ACTIVATIONS,
  BACKENDS,
  type BackendChoice,
  DATASETS,
  DECAY_KINDS,
  INIT_SCHEMES,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  OPTIMIZERS,
  type SamplingScale,
} from '../core/config';
import { DEFAULT_EXPERIMENT, type Experiment } from '../core/experiment';

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];
const SCALES: readonly SamplingScale[] = ['linear', 'log'];
const MAX_SEED = 2 ** 31 - 1;

type Parser<T> = (raw: string) => T | undefined;

function num(test: (n: number) => boolean): Parser<number> {
  return (raw) => {
    // Number('') is 0, so an empty value must be refused explicitly.
    if (raw.trim() === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) && test(n) ? n : undefined;
  };
}

function int(lo: number, hi: number): Parser<number> {
  return num((n) => Number.isInteger(n) && n >= lo && n <= hi);
}

function oneOf<T extends string>(choices: readonly T[]): Parser<T> {
  return (raw) => (choices as readonly string[]).find((c) => c === raw) as T | undefined;
}

const flag: Parser<boolean> = (raw) => (raw === '1' ? true : raw === '0' ? false : undefined);

function parseHidden(raw: string): number[] | undefined {
  const parts = raw.split(',');
  if (parts.length < 1 || parts.length > MAX_HIDDEN_LAYERS) return undefined;
  const sizes = parts.map(int(1, MAX_HIDDEN_UNITS));
  return sizes.every((s) => s !== undefined) ? (sizes as number[]) : undefined;
}

interface Field<K extends keyof Experiment> {
  key: string;
  prop: K;
  /** Completes "is not a valid ..." in a notice. */
  what: string;
  parse: Parser<Experiment[K]>;
  format?: (v: Experiment[K]) => string;
}

// Helper so each entry's parser is checked against its own property's type.
function field<K extends keyof Experiment>(f: Field<K>): Field<K> {
  return f;
}

// Encoding order follows this table; bn, lrMin and lrMax are handled separately (they depend on other keys).
const FIELDS = [
  field({ key: 'dataset', prop: 'dataset', what: 'dataset', parse: oneOf(DATASETS) }),
  field({ key: 'noise', prop: 'noise', what: 'noise level (0 to 1)', parse: num((n) => n >= 0 && n <= 1) }),
  field({
    key: 'hidden',
    prop: 'hidden',
    what: `list of hidden layer sizes (1 to ${MAX_HIDDEN_LAYERS} layers of 1 to ${MAX_HIDDEN_UNITS} units)`,
    parse: parseHidden,
    format: (v) => v.join(','),
  }),
  field({ key: 'activation', prop: 'activation', what: 'activation', parse: oneOf(ACTIVATIONS) }),
  field({ key: 'init', prop: 'init', what: 'initialisation', parse: oneOf(INIT_SCHEMES) }),
  field({
    key: 'std',
    prop: 'initStd',
    what: 'initial standard deviation',
    parse: num((n) => n > 0 && n <= 10),
  }),
  field({ key: 'norm', prop: 'normalizeInputs', what: 'input normalisation flag (0 or 1)', parse: flag }),
  field({ key: 'optimizer', prop: 'optimizer', what: 'optimizer', parse: oneOf(OPTIMIZERS) }),
  field({ key: 'lr', prop: 'learningRate', what: 'learning rate', parse: num((n) => n > 0 && n <= 10) }),
  field({
    key: 'beta',
    prop: 'momentum',
    what: 'momentum β (0 ≤ β < 1)',
    parse: num((n) => n >= 0 && n < 1),
  }),
  field({
    key: 'beta1',
    prop: 'adamBeta1',
    what: 'Adam β1 (0 ≤ β1 < 1)',
    parse: num((n) => n >= 0 && n < 1),
  }),
  field({ key: 'beta2', prop: 'adamBeta2', what: 'β2 (0 ≤ β2 < 1)', parse: num((n) => n >= 0 && n < 1) }),
  field({ key: 'eps', prop: 'epsilon', what: 'ε (0 < ε ≤ 1)', parse: num((n) => n > 0 && n <= 1) }),
  field({ key: 'batch', prop: 'miniBatchSize', what: 'mini-batch size (1 to 4096)', parse: int(1, 4096) }),
  field({ key: 'decay', prop: 'learningRateDecay', what: 'learning-rate decay', parse: oneOf(DECAY_KINDS) }),
  field({ key: 'decayRate', prop: 'decayRate', what: 'decay rate', parse: num((n) => n > 0 && n <= 10) }),
  field({ key: 'seed', prop: 'seed', what: `seed (integer 0 to ${MAX_SEED})`, parse: int(0, MAX_SEED) }),
  field({ key: 'steps', prop: 'steps', what: 'number of steps (1 to 100000)', parse: int(1, 100_000) }),
  field({ key: 'backend', prop: 'backend', what: 'backend', parse: oneOf(BACKEND_CHOICES) }),
  field({ key: 'scale', prop: 'scale', what: 'sampling scale', parse: oneOf(SCALES) }),
  field({ key: 'samples', prop: 'samples', what: 'number of samples (1 to 64)', parse: int(1, 64) }),
];

const positiveRate = num((n) => n > 0 && n <= 10);

function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(show).join(',');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

function notice(key: string, raw: string, what: string, fallback: unknown): string {
  return `"${key}": "${raw}" is not a valid ${what}; using ${show(fallback)}.`;
}

function encodeBatchNorm(e: Experiment): string {
  const flags = e.hidden.map((_, i) => e.batchNorm[i] ?? false);
  // One digit when every layer agrees keeps the common links short.
  return flags.every((f) => f === flags[0]) ? show(flags[0]) : flags.map(show).join(',');
}

/** The hash (without '#') for an experiment; `lab` names the page it belongs to. */
export function encodeExperiment(e: Experiment, lab = 'playground'): string {
  const pairs: [string, string][] = [['lab', lab]];
  for (const f of FIELDS) {
    const v = e[f.prop];
    pairs.push([f.key, f.format ? (f.format as (x: typeof v) => string)(v) : show(v)]);
    // bn sits right after init/std in the link, next to the other model-shape keys.
    if (f.key === 'std') pairs.push(['bn', encodeBatchNorm(e)]);
    if (f.key === 'scale') pairs.push(['lrMin', show(e.lrMin)], ['lrMax', show(e.lrMax)]);
  }
  // Commas are left readable; every other special character is percent-encoded.
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');
}

function paramsOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
}

/** Which lab page the link opens ('playground' when absent). */
export function decodeLab(hash: string): string {
  return paramsOf(hash).get('lab') || 'playground';
}

export function decodeExperiment(hash: string): { experiment: Experiment; notices: string[] } {
  const params = paramsOf(hash);
  const d = DEFAULT_EXPERIMENT;
  const e: Experiment = { ...d, hidden: [...d.hidden], batchNorm: [...d.batchNorm] };
  const notices: string[] = [];
  const assign = <K extends keyof Experiment>(f: Field<K>): void => {
    const raw = params.get(f.key);
    if (raw === null) return;
    const v = f.parse(raw);
    if (v === undefined) notices.push(notice(f.key, raw, f.what, d[f.prop]));
    else e[f.prop] = v;
  };
  for (const f of FIELDS) assign(f as Field<keyof Experiment>);

  // bn depends on the decoded hidden sizes: a single digit covers every layer, a list must match.
  const allOff = e.hidden.map(() => false);
  const rawBn = params.get('bn');
  e.batchNorm = allOff;
  if (rawBn !== null) {
    const flags = rawBn.split(',').map(flag);
    const ok = flags.every((f) => f !== undefined);
    if (ok && flags.length === 1) e.batchNorm = e.hidden.map(() => flags[0] as boolean);
    else if (ok && flags.length === e.hidden.length) e.batchNorm = flags as boolean[];
    else {
      const what = `batch-norm setting (0, 1 or one 0/1 per hidden layer, ${e.hidden.length} here)`;
      notices.push(notice('bn', rawBn, what, allOff));
    }
  }

  // lrMin and lrMax are checked alone, then as a pair: a reversed range resets both.
  const lrBound = (key: 'lrMin' | 'lrMax', what: string): void => {
    const raw = params.get(key);
    if (raw === null) return;
    const v = positiveRate(raw);
    if (v === undefined) notices.push(notice(key, raw, what, d[key]));
    else e[key] = v;
  };
  lrBound('lrMin', 'lowest sampled learning rate (0 < lrMin ≤ 10)');
  lrBound('lrMax', 'highest sampled learning rate (0 < lrMax ≤ 10)');
  if (e.lrMin >= e.lrMax) {
    notices.push(
      `"lrMin"/"lrMax": ${show(e.lrMin)} to ${show(e.lrMax)} is not a valid learning-rate range (lrMin must be below lrMax); using ${show(d.lrMin)} to ${show(d.lrMax)}.`,
    );
    e.lrMin = d.lrMin;
    e.lrMax = d.lrMax;
  }
  return { experiment: e, notices };
}
