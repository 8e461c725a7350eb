// The batch-norm comparison's ghost: the comparison run before the one on the chart, kept so that its
// real curves can stay under the new ones (faded, labelled), as the playground's cost chart keeps its
// previous run. It listens to the lab's store from outside (the store knows nothing of it): each new
// comparison pushes the one on the chart into `previous`. A sweep or the live network in between leaves
// the pair as it was, so the next comparison still has the last one as its ghost.
import type { Experiment } from '../../core/experiment';
import type { RunSeries } from '../../state/runSeries';
import { formatRate } from '../../ui/format';
import type { LabModel, LabState, LabStore } from './labStore';
import { type Ghost, ghostKeeper } from '../../state/ghostKeeper';

/** One comparison run: its curves (finished buffers, read when drawn), its two models and its setup. */
export interface ComparisonRun {
  series: RunSeries;
  models: readonly LabModel[];
  experiment: Experiment;
}

export interface GhostState {
  /** The comparison the lab showed last (it may still be training). */
  current: ComparisonRun | null;
  /** The one before it: the ghost. */
  previous: ComparisonRun | null;
}

export const NO_GHOST: GhostState = { current: null, previous: null };

type LabView = Pick<LabState, 'kind' | 'series' | 'models' | 'runSetup' | 'experiment'>;

/** A run that drew nothing (stopped before its first point) is no ghost worth keeping. */
function drew(run: ComparisonRun | null): run is ComparisonRun {
  return run?.series.models.some((m) => m.trainStep.length > 0) ?? false;
}

/** The ghost pair after the lab's state changed to `lab`. */
export function advance(state: GhostState, lab: LabView): GhostState {
  if (lab.kind !== 'compare' || !lab.series) return state;
  const experiment = lab.runSetup?.experiment ?? lab.experiment;
  if (lab.series !== state.current?.series) {
    const run = { series: lab.series, models: lab.models, experiment };
    return { current: run, previous: drew(state.current) ? state.current : state.previous };
  }
  // The same run: a model's status (diverged, finished) may have changed.
  if (lab.models !== state.current.models)
    return { ...state, current: { ...state.current, models: lab.models } };
  return state;
}

/** What the ghost is called on the chart and in its legend: its α, and its network when that differs. */
export function ghostLabel(previous: ComparisonRun, now: Experiment | null): string {
  const e = previous.experiment;
  const parts = [`α = ${formatRate(e.learningRate)}`];
  const net = (x: Experiment) => `${x.hidden.join('-')} ${x.activation}`;
  if (now && net(now) !== net(e)) parts.push(`${e.hidden.length} layers of ${net(e)}`);
  if (now && now.steps !== e.steps) parts.push(`${e.steps} steps`);
  return `previous comparison: ${parts.join(', ')}`;
}

export type ComparisonGhost = Ghost<GhostState>;

/** The one ghost of a lab store, listening to it from its first use for as long as the store lives. */
export const comparisonGhost: (labStore: LabStore) => ComparisonGhost = ghostKeeper(NO_GHOST, advance);
