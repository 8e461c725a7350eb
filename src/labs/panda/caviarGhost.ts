// The caviar's ghost: the caviar run before the one on the chart, kept so that its best model's real
// train-cost curve can stay under the new population (faded, labelled), as the playground's cost chart
// keeps its previous run. It listens to the panda lab's store from outside (the store knows nothing of
// it): each new caviar run pushes the one on the chart into `previous`. PBT and successive halving
// runs, days of the panda and a reopened tree leave the pair as it was.
//
// Only the best model, as in the search lab (studyGhost.ts): 8 or 16 faded curves under as many live
// ones make a grey haze on a projector; the previous run's best curve is the one to beat.
//
// The babysat model's day chart (PandaChart.tsx) gets no ghost: its days are one continuing story
// (roll-backs grow branches of the same tree, drawn there already), not runs that replace each other.
import { lowest } from '../../core/panda/caviar';
import type { ModelSeries } from '../../state/runSeries';
import { formatCost, formatRate } from '../../ui/format';
import type { PandaState, PandaStore, PopulationRun } from './pandaTypes';
import { type Ghost, ghostKeeper } from '../../state/ghostKeeper';

/** What stays of a previous caviar run: its size, its best model and that model's curves. */
export interface PreviousCaviar {
  models: number;
  steps: number;
  /** Index of its best model (lowest dev cost measured), null when none measured one. */
  best: number | null;
  bestDevCost: number;
  learningRate: number;
  curve: ModelSeries | null;
  maxStep: number;
}

export interface GhostState {
  /** The caviar run the lab showed last (it may still be training). */
  current: PopulationRun | null;
  /** The one before it: the ghost. */
  previous: PreviousCaviar | null;
}

export const NO_GHOST: GhostState = { current: null, previous: null };

/** A run that drew nothing (stopped before its first point) is no ghost worth keeping. */
function drew(run: PopulationRun | null): run is PopulationRun {
  return run?.series.models.some((m) => m.trainStep.length > 0) ?? false;
}

/** The previous run as the ghost keeps it, its best chosen as the comparison table's "Best dev cost" is. */
export function previousOf(run: PopulationRun): PreviousCaviar {
  let best: number | null = null;
  let bestDevCost = Number.NaN;
  run.series.models.forEach((m, i) => {
    const v = lowest(m.devCost.view());
    if (Number.isFinite(v) && !(v >= bestDevCost)) {
      best = i;
      bestDevCost = v;
    }
  });
  const curve = best === null ? null : (run.series.models[best] ?? null);
  return {
    models: run.members.length,
    steps: run.steps,
    best,
    bestDevCost,
    learningRate: best === null ? Number.NaN : (run.members[best]?.hyper.learningRate ?? Number.NaN),
    curve,
    maxStep: run.series.maxStep(),
  };
}

/** The ghost pair after the lab's state changed to `lab`. */
export function advance(state: GhostState, lab: Pick<PandaState, 'populations'>): GhostState {
  const run = lab.populations.caviar;
  if (!run || run === state.current) return state;
  if (run.series !== state.current?.series)
    return { current: run, previous: drew(state.current) ? previousOf(state.current) : state.previous };
  // The same run: its members' status or its phase changed.
  return { ...state, current: run };
}

/** "previous caviar run: 8 models × 60 steps, best dev cost 0.35 at α = 0.012" */
export function ghostLabel(previous: PreviousCaviar): string {
  const size = `${previous.models} models × ${previous.steps} steps`;
  if (previous.best === null) return `previous caviar run: ${size}, none with a dev cost`;
  return `previous caviar run: ${size}, best dev cost ${formatCost(previous.bestDevCost)} at α = ${formatRate(previous.learningRate)}`;
}

export type CaviarGhost = Ghost<GhostState>;

/** The one ghost of a panda store, listening to it from its first use for as long as the store lives. */
export const caviarGhost: (pandaStore: PandaStore) => CaviarGhost = ghostKeeper(NO_GHOST, advance);
