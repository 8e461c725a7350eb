// The playground's α scenes read the run Reveal started: its first dev evaluation, the mean of its
// last few (one noisy evaluation should not decide), and whether it diverged, judged by the scene's
// rule (core/scenes/judges.ts). Null until that run has ended, so an older run on screen never answers.
// The linear-vs-log scene reads the sampling lesson's draws, drawn by the same seeded sampler as the
// panel shows them, as they stand when Reveal is pressed.
import type { SamplingScale } from '../core/config';
import { sampleLearningRates } from '../core/sampling';
import { type CostRun, judgeCostRun, judgeShareBelow } from '../core/scenes/judges';
import type { SceneOutcome } from '../core/scenes/sceneTypes';
import type { AppState } from '../state/store';
import { formatCost, formatRate } from './format';

/** How many of the last dev evaluations the final cost averages. */
export const FINAL_EVALUATIONS = 3;

/** The dev-cost numbers of one model's run, from its evaluations in order. */
export function costRunOf(devCosts: ArrayLike<number>, diverged: boolean): CostRun | null {
  const n = devCosts.length;
  if (n === 0 && !diverged) return null;
  const tail = Array.from(devCosts).slice(Math.max(0, n - FINAL_EVALUATIONS));
  const final = tail.length > 0 ? tail.reduce((a, b) => a + b, 0) / tail.length : Number.NaN;
  return { startDevCost: n > 0 ? devCosts[0] : Number.NaN, finalDevCost: final, diverged };
}

/** The words the page shows beside the verdict: the numbers the judge used, as the readouts write them. */
export function costRunDetail(r: CostRun, lastDevCost: number | null): string {
  if (r.diverged) return `the run diverged (first dev cost ${formatCost(r.startDevCost)})`;
  const last = lastDevCost === null ? '' : `; last dev cost ${formatCost(lastDevCost)}`;
  return `first dev cost ${formatCost(r.startDevCost)}, mean of the last ${FINAL_EVALUATIONS} dev costs ${formatCost(r.finalDevCost)}${last}`;
}

type RunView = Pick<AppState, 'runId' | 'status' | 'kind' | 'models' | 'series'>;

/** The outcome of the single run `runId` (the one Reveal started), once it has finished or diverged. */
export function costRunOutcome(state: RunView, runId: number | null): SceneOutcome | null {
  if (runId === null || state.runId !== runId || state.kind !== 'single' || !state.series) return null;
  const diverged = state.models[0]?.status === 'diverged';
  if (!diverged && state.status !== 'finished') return null;
  const column = state.series.models[0]?.devCost;
  if (!column) return null;
  const r = costRunOf(column.view(), diverged);
  if (!r) return null;
  return {
    choice: judgeCostRun(r),
    detail: costRunDetail(r, column.length > 0 ? column.last() : null),
  };
}

/** What the sampling lesson draws: its scale, range, count and seed (the experiment's fields). */
export interface Draws {
  scale: SamplingScale;
  lrMin: number;
  lrMax: number;
  samples: number;
  seed: number;
}

/** The linear-vs-log question counts the draws below this α (a decade boundary, so the table's rows add up to it). */
export const BELOW = 0.1;
/** The draw the question asks about: linear, from 10⁻⁴ to 1. */
const ASKED = { scale: 'linear', lrMin: 1e-4, lrMax: 1 } as const;

/**
 * "Linear vs log": how many of the panel's draws fell below 0.1, judged by the scene's rule. Draws on
 * another scale or range than the question's are counted and said, but answer no choice.
 */
export function samplingOutcome(d: Draws): SceneOutcome {
  if (!(d.lrMin > 0 && d.lrMax > d.lrMin) || !(d.samples > 0))
    return { choice: null, detail: 'no draws (the sampling range or count is not valid)' };
  const rates = sampleLearningRates(d.scale, d.lrMin, d.lrMax, d.samples, d.seed);
  const below = rates.filter((r) => r < BELOW).length;
  const percent = Math.round((below / rates.length) * 100);
  const asked = d.scale === ASKED.scale && d.lrMin === ASKED.lrMin && d.lrMax === ASKED.lrMax;
  // The question's own draw needs no range said again; any other is named, in the fields' own notation.
  const other = `, on a ${d.scale} scale from ${formatRate(d.lrMin)} to ${formatRate(d.lrMax)}, not the linear draw from 10⁻⁴ to 1 the question asks about`;
  return {
    choice: asked ? judgeShareBelow(below, rates.length) : null,
    detail: `${below} of ${rates.length} draws (${percent} %) fell below ${BELOW}${asked ? '' : other}`,
  };
}
