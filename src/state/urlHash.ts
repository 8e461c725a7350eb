// The experiment lives in the URL hash so a setup can be shared as a link. The playground, the
// batch-norm lab and the panda lab all write their experiment with these keys; each decodes it with one
// call, decodeLink(hash, itsDefaults), so a key a link leaves out, or gets wrong, takes that lab's own
// default. Decoding is forgiving: each key is checked on its own against the table of hyperparameters
// (core/hyperparameters.ts), so one bad value costs only that field, with a notice that names it.
import {
  ACTIVATIONS,
  BACKENDS,
  type BackendChoice,
  DATASETS,
  DECAY_KINDS,
  INIT_SCHEMES,
  OPTIMIZERS,
  type SamplingScale,
} from '../core/config';
import { DEFAULT_EXPERIMENT, type Experiment } from '../core/experiment';
import {
  describeRange,
  type HyperparameterKey,
  hyperparameter,
  parseInRange,
  rangeOf,
  rowOf,
  type SettingKey,
  setting,
  UNCAPPED_SPEED,
} from '../core/hyperparameters';

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];
const SCALES: readonly SamplingScale[] = ['linear', 'log'];

/** The notice for a link value that cannot be used: it names the key, what it takes and the fallback. */
/**
 * A link (without '#') with every `key=…` pair taken out and the rest left exactly as written: the keys
 * the shell owns (presenter mode, the scene) are stripped this way before a lab's own codec reads it.
 */
export function withoutKey(raw: string, key: string): string {
  const hash = raw.replace(/^#/, '');
  if (!new URLSearchParams(hash).has(key)) return hash;
  return hash
    .split('&')
    .filter((pair) => pair.split('=')[0] !== key)
    .join('&');
}

export function linkNotice(key: string, raw: string, what: string, fallback: string): string {
  return `"${key}": "${raw}" is not a valid ${what}; using ${fallback}.`;
}

/** A value as the link writes it: lists joined by commas, flags as 0/1. */
function show(v: unknown): string {
  if (Array.isArray(v)) return v.map(show).join(',');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

const flag = (raw: string): boolean | undefined => (raw === '1' ? true : raw === '0' ? false : undefined);

interface Field<K extends keyof Experiment> {
  key: string;
  prop: K;
  /** Completes "is not a valid ..." for the experiment decoded so far (the batch's limit is its data set's). */
  what: (e: Experiment) => string;
  parse: (raw: string, e: Experiment) => Experiment[K] | undefined;
  format?: (v: Experiment[K]) => string;
}

// Helper so each entry's parser is checked against its own property's type.
function field<K extends keyof Experiment>(f: Field<K>): Field<K> {
  return f;
}

type NumberProp = {
  [K in keyof Experiment]: Experiment[K] extends number ? K : never;
}[keyof Experiment];

/** A number field read by its table row: URL key, label and range all come from the row. */
function rowField<K extends NumberProp>(prop: K, key: HyperparameterKey | SettingKey): Field<K> {
  const row = rowOf(key);
  const trainingSet = 'maxIsTrainingSet' in row && row.maxIsTrainingSet;
  return {
    key: row.urlKey,
    prop,
    what: (e) =>
      `${row.label} (${describeRange(rangeOf(key, e.dataset))}${trainingSet ? `: the ${e.dataset} training set` : ''})`,
    parse: (raw, e) => parseInRange(raw, rangeOf(key, e.dataset)) as Experiment[K] | undefined,
  };
}

function choiceField<K extends keyof Experiment>(
  key: string,
  prop: K,
  name: string,
  choices: readonly Experiment[K][],
): Field<K> {
  return {
    key,
    prop,
    what: () => `${name} (${choices.join(', ')})`,
    parse: (raw) => choices.find((c) => String(c) === raw),
  };
}

const LAYERS = rangeOf('hiddenLayers');
const UNITS = rangeOf('hiddenUnits');

function parseHidden(raw: string): number[] | undefined {
  const parts = raw.split(',');
  if (parts.length < LAYERS.min || parts.length > LAYERS.max) return undefined;
  const sizes = parts.map((p) => parseInRange(p, UNITS));
  return sizes.every((s) => s !== undefined) ? (sizes as number[]) : undefined;
}

// Encoding order follows this table; bn, lrMin and lrMax are handled separately (they depend on other keys).
const FIELDS = [
  choiceField('dataset', 'dataset', 'dataset', DATASETS),
  rowField('noise', 'noise'),
  field({
    key: 'hidden',
    prop: 'hidden',
    what: () =>
      `list of hidden layer sizes (${LAYERS.min} to ${LAYERS.max} layers of ${UNITS.min} to ${UNITS.max} units)`,
    parse: parseHidden,
    format: (v) => v.join(','),
  }),
  choiceField('activation', 'activation', 'activation', ACTIVATIONS),
  choiceField('init', 'init', 'initialisation', INIT_SCHEMES),
  rowField('initStd', 'initStd'),
  field({
    key: 'norm',
    prop: 'normalizeInputs',
    what: () => 'input normalisation flag (0 or 1)',
    parse: flag,
  }),
  choiceField('optimizer', 'optimizer', 'optimizer', OPTIMIZERS),
  rowField('learningRate', 'learningRate'),
  rowField('momentum', 'momentum'),
  rowField('adamBeta1', 'adamBeta1'),
  rowField('adamBeta2', 'adamBeta2'),
  rowField('epsilon', 'epsilon'),
  rowField('miniBatchSize', 'miniBatchSize'),
  choiceField('decay', 'learningRateDecay', 'learning-rate decay', DECAY_KINDS),
  rowField('decayRate', 'decayRate'),
  rowField('seed', 'seed'),
  rowField('steps', 'steps'),
  choiceField('backend', 'backend', 'backend', BACKEND_CHOICES),
  choiceField('scale', 'scale', 'sampling scale', SCALES),
  rowField('samples', 'samples'),
];

const BN_KEY = hyperparameter('batchNorm').urlKey;

// The playground's speed cap: only its link carries it (after the shared keys); the labs train as
// fast as they go, so their links neither write nor read it and keep their defaults' value.
const SPEED = rangeOf('speed');
const SPEED_FIELD = field({
  key: setting('speed').urlKey,
  prop: 'speed',
  what: () =>
    `speed (${UNCAPPED_SPEED} for as fast as it goes, or steps per second: ${describeRange(SPEED)})`,
  parse: (raw) => (raw === UNCAPPED_SPEED ? null : parseInRange(raw, SPEED)),
  format: (v) => (v === null ? UNCAPPED_SPEED : String(v)),
});

/** Every key an experiment link may hold, in the order the link writes them. */
export const EXPERIMENT_KEYS: readonly string[] = FIELDS.flatMap((f) => {
  if (f.key === 'std') return [f.key, BN_KEY];
  if (f.key === 'scale') return [f.key, 'lrMin', 'lrMax'];
  return [f.key];
});

export interface LinkOptions {
  /** Keys this lab's link neither writes nor reads (they keep the lab's default). */
  omit?: readonly string[];
  /** Write and read the playground's `speed` key too (only the playground's link does). */
  speed?: boolean;
}

/** Every key of the playground's link, in the order it writes them. */
export const PLAYGROUND_KEYS: readonly string[] = [...EXPERIMENT_KEYS, SPEED_FIELD.key];

function batchNormText(flags: readonly boolean[]): string {
  // One digit when every layer agrees keeps the common links short (and fits any number of layers).
  return flags.length > 0 && flags.every((f) => f === flags[0]) ? show(flags[0]) : flags.map(show).join(',');
}

/** The key/value pairs of an experiment's link (without `lab`), in the documented order. */
export function linkPairs(e: Experiment, options: LinkOptions = {}): [string, string][] {
  const omit = new Set(options.omit ?? []);
  const pairs: [string, string][] = [];
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = e[f.prop];
    values[f.key] = f.format ? (f.format as (x: typeof v) => string)(v) : show(v);
  }
  values[BN_KEY] = batchNormText(e.hidden.map((_, i) => e.batchNorm[i] ?? false));
  values.lrMin = show(e.lrMin);
  values.lrMax = show(e.lrMax);
  for (const key of EXPERIMENT_KEYS) if (!omit.has(key)) pairs.push([key, values[key]]);
  if (options.speed)
    pairs.push([SPEED_FIELD.key, (SPEED_FIELD.format as (v: number | null) => string)(e.speed)]);
  return pairs;
}

/** Pairs as a hash (without '#'): commas stay readable, every other special character is percent-encoded. */
export function joinPairs(pairs: readonly [string, string][]): string {
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');
}

/** The hash (without '#') for an experiment; `lab` names the page it belongs to. */
export function encodeLink(e: Experiment, lab: string, options: LinkOptions = {}): string {
  return joinPairs([['lab', lab], ...linkPairs(e, options)]);
}

/** The playground's link (the other labs call encodeLink with their own name and options). */
export function encodeExperiment(e: Experiment, lab = 'playground'): string {
  return encodeLink(e, lab, { speed: true });
}

function paramsOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
}

/** Which lab page the link opens ('playground' when absent). */
export function decodeLab(hash: string): string {
  return paramsOf(hash).get('lab') || 'playground';
}

export interface DecodedLink {
  experiment: Experiment;
  notices: string[];
}

/** The defaults' batch-norm flags for `layers` layers: as they are, or their one flag for every layer. */
function defaultFlags(defaults: Experiment, layers: number): boolean[] {
  const flags = defaults.hidden.map((_, i) => defaults.batchNorm[i] ?? false);
  if (flags.length === layers) return flags;
  const uniform = flags.length > 0 && flags.every((f) => f === flags[0]);
  return Array.from({ length: layers }, () => uniform && flags[0]);
}

/**
 * The experiment a lab's link describes. Keys the link leaves out keep `defaults` (that lab's own); a
 * bad value falls back to its default too, with a notice naming the key and that default.
 */
export function decodeLink(hash: string, defaults: Experiment, options: LinkOptions = {}): DecodedLink {
  const params = paramsOf(hash);
  const omit = new Set(options.omit ?? []);
  const read = (key: string): string | null => (omit.has(key) ? null : params.get(key));
  const e: Experiment = structuredClone(defaults);
  const notices: string[] = [];
  const assign = <K extends keyof Experiment>(f: Field<K>): void => {
    const raw = read(f.key);
    if (raw === null) return;
    const v = f.parse(raw, e);
    const fallback = f.format ? f.format(defaults[f.prop]) : show(defaults[f.prop]);
    if (v === undefined) notices.push(linkNotice(f.key, raw, f.what(e), fallback));
    else e[f.prop] = v;
  };
  // In table order: the data set is known before the mini-batch size is checked against it.
  for (const f of FIELDS) assign(f as Field<keyof Experiment>);
  if (options.speed) assign(SPEED_FIELD);

  // bn depends on the decoded hidden sizes: a single digit covers every layer, a list must match.
  const fallbackBn = defaultFlags(defaults, e.hidden.length);
  e.batchNorm = fallbackBn;
  const rawBn = read(BN_KEY);
  if (rawBn !== null) {
    const flags = rawBn.split(',').map(flag);
    const ok = flags.every((f) => f !== undefined);
    if (ok && flags.length === 1) e.batchNorm = e.hidden.map(() => flags[0] as boolean);
    else if (ok && flags.length === e.hidden.length) e.batchNorm = flags as boolean[];
    else {
      const what = `batch-norm setting (0, 1 or one 0/1 per hidden layer, ${e.hidden.length} here)`;
      notices.push(linkNotice(BN_KEY, rawBn, what, batchNormText(fallbackBn)));
    }
  }

  // lrMin and lrMax (the learning rates "Train all" samples between) are checked alone against the
  // learning rate's range, then as a pair: a reversed range resets both.
  const lr = rangeOf('learningRate');
  const lrBound = (key: 'lrMin' | 'lrMax', what: string): void => {
    const raw = read(key);
    if (raw === null) return;
    const v = parseInRange(raw, lr);
    if (v === undefined)
      notices.push(linkNotice(key, raw, `${what} (${describeRange(lr)})`, show(defaults[key])));
    else e[key] = v;
  };
  lrBound('lrMin', 'lowest sampled learning rate');
  lrBound('lrMax', 'highest sampled learning rate');
  if (e.lrMin >= e.lrMax) {
    notices.push(
      `"lrMin"/"lrMax": ${show(e.lrMin)} to ${show(e.lrMax)} is not a valid learning-rate range (lrMin must be below lrMax); using ${show(defaults.lrMin)} to ${show(defaults.lrMax)}.`,
    );
    e.lrMin = defaults.lrMin;
    e.lrMax = defaults.lrMax;
  }
  return { experiment: e, notices };
}

/** The playground's experiment: decodeLink with the playground's defaults. */
export function decodeExperiment(hash: string): DecodedLink {
  return decodeLink(hash, DEFAULT_EXPERIMENT, { speed: true });
}
