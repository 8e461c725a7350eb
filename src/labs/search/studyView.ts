// What the lab's charts show, derived from the store: which hyperparameters go on the axes, the
// colour of a trial, the points and nested regions of the rounds.
import {
  axisDomain,
  type HyperKey,
  type SearchSpace,
  searchedKeys,
  type TrialValues,
  toAxis,
} from '../../core/search/space';
import { logPosition, rgbToHex, viridis } from '../../ui/colorScale';
import { PALETTE } from '../../ui/palette';
import { formatValue } from './plotAxes';
import type { PlotPoint, PlotRegion } from './ScatterPlot';
import { bestTrial, type Round, type Trial } from './searchStore';
import { costText } from './costText';

export const PENDING_COLOR = PALETTE.pending;

/** α on x when it is searched, else the first searched hyperparameter. */
export function xKeyOf(space: SearchSpace): HyperKey | null {
  const keys = searchedKeys(space);
  return keys.includes('learningRate') ? 'learningRate' : (keys[0] ?? null);
}

/** The y axis: the one asked for when it is searched (and not x), else the next searched one. */
export function yKeyOf(space: SearchSpace, wanted: HyperKey | null): HyperKey | null {
  const x = xKeyOf(space);
  const others = searchedKeys(space).filter((k) => k !== x);
  if (wanted && others.includes(wanted)) return wanted;
  return others[0] ?? null;
}

/** Final dev costs of the trials that have one, low to high (for the colour scale). */
export function costRange(trials: readonly Trial[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of trials) {
    if (t.status === 'diverged' || !(t.devCost > 0) || !Number.isFinite(t.devCost)) continue;
    lo = Math.min(lo, t.devCost);
    hi = Math.max(hi, t.devCost);
  }
  return Number.isFinite(lo) ? [lo, hi] : null;
}

/** Dark (purple) for a low dev cost, pale (yellow) for a high one, on a log scale of the cost. */
export function costColor(cost: number, range: [number, number] | null): string {
  if (!range || !Number.isFinite(cost)) return PENDING_COLOR;
  return rgbToHex(viridis(0.92 * logPosition(cost, range[0], range[1])));
}

export function trialTitle(values: TrialValues, keys: readonly HyperKey[], trial?: Trial): string {
  const hp = keys.map((k) => `${k === 'learningRate' ? 'α' : k} = ${formatValue(k, values[k])}`).join(', ');
  if (!trial) return hp;
  const cost = trial.status === 'diverged' ? 'diverged' : `dev cost ${costText(trial.devCost)}`;
  return `Trial ${trial.id} (round ${trial.round + 1}): ${hp}; ${cost}`;
}

function kindOf(t: Trial): PlotPoint['kind'] {
  if (t.status === 'diverged') return 'diverged';
  return Number.isFinite(t.devCost) && (t.status === 'finished' || t.status === 'stopped')
    ? 'done'
    : 'pending';
}

/** The study's points on the axes of the first round's space. */
export function studyPoints(
  trials: readonly Trial[],
  space: SearchSpace,
  xKey: HyperKey,
  yKey: HyperKey | null,
): PlotPoint[] {
  const range = costRange(trials);
  const overall = bestTrial(trials);
  const rounds = new Set(trials.map((t) => t.round));
  const roundBest = new Set([...rounds].map((r) => bestTrial(trials, r)?.id));
  const keys = searchedKeys(space);
  return trials.map((t) => ({
    id: t.id,
    x: toAxis(space[xKey], t.values[xKey]),
    y: yKey ? toAxis(space[yKey], t.values[yKey]) : Number.NaN,
    round: t.round,
    kind: kindOf(t),
    color: kindOf(t) === 'pending' ? PENDING_COLOR : costColor(t.devCost, range),
    best:
      overall?.id === t.id ? 'overall' : roundBest.has(t.id) && kindOf(t) === 'done' ? 'round' : undefined,
    title: trialTitle(t.values, keys, t),
  }));
}

/** Samples not trained yet (before a study runs). */
export function previewPoints(
  values: readonly TrialValues[],
  space: SearchSpace,
  xKey: HyperKey,
  yKey: HyperKey | null,
): PlotPoint[] {
  const keys = searchedKeys(space);
  return values.map((v, i) => ({
    id: i + 1,
    x: toAxis(space[xKey], v[xKey]),
    y: yKey ? toAxis(space[yKey], v[yKey]) : Number.NaN,
    round: 0,
    kind: 'pending',
    color: PENDING_COLOR,
    title: trialTitle(v, keys),
  }));
}

/** Each zoomed round's region on the displayed axes, nested: an axis the region left out keeps the last. */
export function roundRegions(rounds: readonly Round[], xKey: HyperKey, yKey: HyperKey | null): PlotRegion[] {
  const out: PlotRegion[] = [];
  const first = rounds[0]?.space;
  if (!first) return out;
  let x: [number, number] = axisDomain(first[xKey]);
  let y: [number, number] | null = yKey ? axisDomain(first[yKey]) : null;
  for (const r of rounds) {
    if (!r.region) continue;
    x = r.region[xKey] ?? x;
    y = yKey ? (r.region[yKey] ?? y) : null;
    out.push({ round: r.index, x, y });
  }
  return out;
}
