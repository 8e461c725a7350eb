// The playground's α scenes read the run Reveal started: its first dev evaluation, the mean of its
// last few (one noisy evaluation should not decide), and whether it diverged, judged by the scene's
// rule (core/scenes/judges.ts). Null until that run has ended, so an older run on screen never answers.
import { type CostRun, judgeCostRun } from '../core/scenes/judges';
import type { SceneOutcome } from '../core/scenes/sceneTypes';
import type { AppState } from '../state/store';
import { formatCost } from './format';

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
