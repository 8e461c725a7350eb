// What the three "run it elsewhere" exporters (Optuna script, W&B sweep, Ray Tune space) share: the
// study as the search lab holds it, one row per hyperparameter with the name a tool sees, the 1−β rows
// turned into a log-scaled `one_minus_<name>`, the lab's own grid, and numbers written so that Python
// and YAML read back the same value. Pure text building, no DOM.
import type { DatasetName, OptimizerName } from '../config';
import {
  type Dimension,
  HYPER_KEYS,
  type HyperDef,
  type HyperKey,
  hyperDef,
  numberText,
  type SearchSpace,
  STUDY_DATASET,
  searchedKeys,
} from '../search/space';
import { type Strategy, sampleStudy } from '../search/strategies';

/** A study as the search lab's store holds it: its settings and the parsed space of the round exported. */
export interface ExportedStudy {
  strategy: Strategy;
  /** Trials per round. */
  budget: number;
  seed: number;
  /** Training steps of every trial. */
  steps: number;
  optimizer: OptimizerName;
  space: SearchSpace;
  /** The data every trial trains on (the lab's studies use STUDY_DATASET). */
  dataset?: DatasetName;
  /** Steps between dev evaluations (the lab's rule for `steps` when absent; see evalEveryOf). */
  evalEvery?: number;
}

/**
 * The search lab evaluates every trial on the dev set this often (src/labs/search/searchStore.ts:
 * max(5, min(EVAL_EVERY = 25, steps/8))). Written again here because core/ may not import a lab.
 */
export function evalEveryOf(steps: number): number {
  return Math.max(5, Math.min(25, Math.floor(steps / 8)));
}

export function datasetOf(study: ExportedStudy): DatasetName {
  return study.dataset ?? STUDY_DATASET;
}

/** One hyperparameter as an exporter writes it. */
export interface ExportRow {
  key: HyperKey;
  def: HyperDef;
  dim: Dimension;
  /**
   * The name the tool searches: the row's key, or `one_minus_<key>` for a 1−β row, which the tools
   * search on a log scale (β = 1 − it): equal steps in log(1−β) are what the lab's scale spreads evenly.
   */
  name: string;
  /** For 1−β rows, the range of 1−β: [1 − high, 1 − low]. */
  oneMinus?: { low: number; high: number };
}

/** A number as a decimal with the rounding error of 1 − x taken off (1 − 0.999 is 0.0010000000000000009). */
export function clean(v: number): number {
  return Number(v.toPrecision(12));
}

export function oneMinusName(key: HyperKey): string {
  return `one_minus_${key}`;
}

export function exportRows(space: SearchSpace): ExportRow[] {
  return HYPER_KEYS.map((key) => {
    const dim = space[key];
    const row: ExportRow = { key, def: hyperDef(key), dim, name: key };
    if (dim.scale === 'oneMinusLog') {
      row.name = oneMinusName(key);
      row.oneMinus = { low: clean(1 - dim.high), high: clean(1 - dim.low) };
    }
    return row;
  });
}

/**
 * The values the lab's grid strategy takes on each searched row for this budget (the same levels the
 * browser trains), written in the tool's terms: 1 − β for the 1−β rows. Empty when nothing is searched.
 */
export function gridValues(study: ExportedStudy): Partial<Record<HyperKey, number[]>> {
  const keys = searchedKeys(study.space);
  const { trials } = sampleStudy(study.space, 'grid', study.budget, study.seed, 0);
  const out: Partial<Record<HyperKey, number[]>> = {};
  for (const key of keys) {
    const dim = study.space[key];
    const seen: number[] = [];
    for (const t of trials) {
      const v = dim.scale === 'oneMinusLog' ? clean(1 - t[key]) : t[key];
      if (!seen.includes(v)) seen.push(v);
    }
    out[key] = seen.sort((a, b) => a - b);
  }
  return out;
}

/** Trials of the lab's grid for this budget (the product of its levels). */
export function gridSize(study: ExportedStudy): number {
  return Object.values(gridValues(study)).reduce((n, values) => n * (values?.length ?? 1), 1);
}

// ---------- numbers as the tools read them ----------

/** A float literal Python reads back as the same double, always with a '.' or an exponent. */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  // Small values in exponent form, as the lab's rows show them (1e-6 rather than 0.000001).
  const s = v !== 0 && Math.abs(v) < 1e-4 ? v.toExponential() : String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export function pyInt(v: number): string {
  if (!Number.isInteger(v)) throw new Error(`not a whole number: ${v}`);
  return String(v);
}

/** A whole number as an int literal, anything else as a float literal. */
export function pyNumber(v: number): string {
  return Number.isInteger(v) ? pyInt(v) : pyFloat(v);
}

/**
 * A float YAML reads as a float, PyYAML (YAML 1.1) included: it wants a '.' in the mantissa and a sign on
 * the exponent, so 1e-10 would be read as the string "1e-10"; this writes 1.0e-10.
 */
export function yamlFloat(v: number): string {
  const s = pyFloat(v);
  const m = /^(-?[0-9]+)(?:\.([0-9]+))?e([+-]?)([0-9]+)$/.exec(s);
  if (!m) return s;
  const [, whole, frac, sign, exp] = m;
  return `${whole}.${frac ?? '0'}e${sign === '-' ? '-' : '+'}${exp}`;
}

export function yamlNumber(v: number): string {
  return Number.isInteger(v) ? pyInt(v) : yamlFloat(v);
}

/** A value written the way its row takes it: whole-number rows as ints, the others as floats. */
export function typedNumber(row: Pick<ExportRow, 'def'>, v: number, float: (v: number) => string): string {
  return row.def.integer && Number.isInteger(v) ? pyInt(v) : float(v);
}

/** "α log 0.0001…1, ε log 1e-10…1e-6" — the searched rows in a line, for the exports' headers. */
export function searchedSummary(space: SearchSpace): string {
  const parts = searchedKeys(space).map((key) => {
    const dim = space[key];
    const symbol = hyperDef(key).symbol;
    switch (dim.scale) {
      case 'choice':
        return `${symbol} one of ${dim.choices.map(numberText).join(', ')}`;
      case 'oneMinusLog':
        return `${symbol} with 1−${symbol} on a log scale (${symbol} ${numberText(dim.low)}…${numberText(dim.high)})`;
      case 'fixed':
        return `${symbol} = ${numberText(dim.value)}`;
      case 'int':
        return `${symbol} whole numbers ${dim.low}…${dim.high}`;
      default:
        return `${symbol} ${dim.scale} ${numberText(dim.low)}…${numberText(dim.high)}`;
    }
  });
  return parts.length > 0 ? parts.join('; ') : 'nothing searched';
}

const STRATEGY_TEXT: Record<Strategy, string> = {
  grid: 'grid',
  random: 'random search',
  quasi: 'quasi-random (scrambled Halton)',
};

/** "random search, 25 trials, seed 1, 300 steps per trial, adam, spiral" */
export function studySummary(study: ExportedStudy): string {
  return `${STRATEGY_TEXT[study.strategy]}, ${study.budget} trials, seed ${study.seed}, ${study.steps} steps per trial, ${study.optimizer}, ${datasetOf(study)} data`;
}
