// The search lab's ghost: the study shown before the one on the chart, kept so that its best trial's
// real train-cost curve can stay under the new study's curves (faded, labelled), as the playground's
// cost chart keeps its previous run. It listens to the lab's store from outside (the store knows
// nothing of it). A new study (Run study, or a study file opened) pushes the one on the chart into
// `previous`; a zoomed round is more of the same study, and the strategy comparison is no study, so
// both leave the pair as it was (the next study still has the last one as its ghost).
//
// Why the best trial only, not all 25 curves: on a projector, 25 faded grey curves under 25 live
// viridis ones read as a grey haze behind the live ones, and which grey curve was "good" cannot be told
// apart. The question a class asks of the previous study is one number: did this study beat it? Its
// best trial's curve, drawn wider and dashed, is that bar to beat, and its numbers go in the label.
import { type HyperKey, hyperDef, searchedKeys } from '../../core/search/space';
import { bestTrial, type Round, type Trial } from '../../core/search/study';
import type { ModelSeries, RunSeries } from '../../state/runSeries';
import { costText } from './costText';
import { formatValue } from './plotAxes';
import type { SearchState, SearchStore } from './searchStore';
import { type Ghost, ghostKeeper } from '../../state/ghostKeeper';

/** The study on the chart: its first round (its identity), its trials, and every trial's curve seen. */
export interface StudyRun {
  first: Round;
  rounds: number;
  trials: readonly Trial[];
  /** Each trained trial's curves, by trial id (a zoomed round's trials come from a later series). */
  curves: ReadonlyMap<number, ModelSeries>;
  /** The last series read, to tell a new round's series from the same one growing. */
  series: RunSeries;
}

/** What stays of a previous study: how many trials, its best one and that trial's curves. */
export interface PreviousStudy {
  trials: number;
  rounds: number;
  best: Trial | null;
  curve: ModelSeries | null;
  keys: readonly HyperKey[];
  /** Steps per trial (the x axis must reach the ghost's end). */
  maxStep: number;
}

export interface GhostState {
  current: StudyRun | null;
  previous: PreviousStudy | null;
}

export const NO_GHOST: GhostState = { current: null, previous: null };

type LabView = Pick<SearchState, 'rounds' | 'series' | 'runTrials' | 'trials'>;

function withCurves(curves: ReadonlyMap<number, ModelSeries>, lab: LabView): Map<number, ModelSeries> {
  const next = new Map(curves);
  const models = lab.series?.models ?? [];
  lab.runTrials.forEach((id, i) => {
    if (models[i]) next.set(id, models[i]);
  });
  return next;
}

/** A study that drew nothing (stopped before its first point) is no ghost worth keeping. */
function drew(run: StudyRun | null): run is StudyRun {
  if (!run) return false;
  for (const m of run.curves.values()) if (m.trainStep.length > 0) return true;
  return false;
}

/** The previous study as the ghost keeps it, read from its (finished) buffers. */
export function previousOf(run: StudyRun): PreviousStudy {
  const best = bestTrial(run.trials);
  const curve = best ? (run.curves.get(best.id) ?? null) : null;
  let maxStep = 0;
  for (const m of run.curves.values())
    if (m.trainStep.length > 0) maxStep = Math.max(maxStep, m.trainStep.last());
  return {
    trials: run.trials.length,
    rounds: run.rounds,
    best,
    curve,
    keys: searchedKeys(run.first.space),
    maxStep,
  };
}

/** The ghost pair after the lab's state changed to `lab`. */
export function advance(state: GhostState, lab: LabView): GhostState {
  const first = lab.rounds[0];
  if (!lab.series || !first || first.strategy === 'compare') return state;
  const cur = state.current;
  if (first !== cur?.first) {
    const run: StudyRun = {
      first,
      rounds: lab.rounds.length,
      trials: lab.trials,
      curves: withCurves(new Map(), lab),
      series: lab.series,
    };
    return { current: run, previous: drew(cur) ? previousOf(cur) : state.previous };
  }
  // The same study: a zoomed round's new series, or its trials' latest numbers.
  if (lab.series !== cur.series)
    return {
      ...state,
      current: {
        ...cur,
        rounds: lab.rounds.length,
        trials: lab.trials,
        curves: withCurves(cur.curves, lab),
        series: lab.series,
      },
    };
  if (lab.trials !== cur.trials) return { ...state, current: { ...cur, trials: lab.trials } };
  return state;
}

/** The hyperparameter the label names: α when it was searched, otherwise the first one searched. */
function namedKey(previous: PreviousStudy): HyperKey | null {
  return previous.keys.includes('learningRate') ? 'learningRate' : (previous.keys[0] ?? null);
}

/** "previous study: 25 trials, best dev cost 0.21 at α = 0.0123" */
export function ghostLabel(previous: PreviousStudy): string {
  const size = `${previous.trials} trials${previous.rounds > 1 ? ` in ${previous.rounds} rounds` : ''}`;
  const b = previous.best;
  if (!b) return `previous study: ${size}, none with a dev cost (every trial diverged or stopped early)`;
  const k = namedKey(previous);
  const at = k ? ` at ${hyperDef(k).symbol} = ${formatValue(k, b.values[k])}` : '';
  return `previous study: ${size}, best dev cost ${costText(b.devCost)}${at}`;
}

export type StudyGhost = Ghost<GhostState>;

/** The one ghost of a search store, listening to it from its first use for as long as the store lives. */
export const studyGhost: (searchStore: SearchStore) => StudyGhost = ghostKeeper(NO_GHOST, advance);
