// The search lab's scenes read the runs their Reveal started. Grid vs random: the "Repeat over seeds",
// how many seeds random search beat the grid on, counted as the repeat table counts them
// (core/search/repeat.ts). Coarse to fine: round 1, then a round zoomed around its best trial, their
// best scores as the scatter's "Rounds" list shows them. Each judged by the scene's rule; null until
// the run Reveal started has finished.
import { judgeSeeds, judgeZoom } from '../../core/scenes/judges';
import type { SceneOutcome } from '../../core/scenes/sceneTypes';
import { repeatSummary, seedRows } from '../../core/search/repeat';
import { type HyperKey, toAxis } from '../../core/search/space';
import { bestTrial, type Round, type Trial } from '../../core/search/study';
import { type Region, regionAround } from '../../core/search/zoom';
import { comparisonRound, comparisonSeeds, scoredTrials } from './comparisonView';
import { costText } from './costText';
import { fieldInError } from './fieldProblems';
import type { SearchState, SearchStore } from './searchStore';
import { xKeyOf, yKeyOf } from './studyView';

type RepeatView = Pick<SearchState, 'rounds' | 'trials' | 'seed' | 'status'>;

/** The outcome of the repeat whose comparison round is `round` (the one Reveal started), once finished. */
export function repeatOutcome(state: RepeatView, round: Round | null): SceneOutcome | null {
  const compared = comparisonRound(state.rounds);
  if (!round || compared !== round || state.status !== 'finished') return null;
  const seeds = comparisonSeeds(compared, state.seed);
  const scored = scoredTrials(state.trials, state.seed);
  const summary = repeatSummary(compared.space, seedRows(compared.space, scored, seeds), scored);
  if (summary.measured < seeds.length) return null;
  return { choice: judgeSeeds(summary.randomWins, seeds.length), detail: summary.randomLine };
}

/** The "Select around the best" region the scatter offers: 40 % of each shown axis, centred on the best trial. */
export function regionAroundBest(state: Pick<SearchState, 'rounds' | 'trials'>): Region | null {
  const latest = state.rounds[state.rounds.length - 1];
  const best = bestTrial(state.trials);
  const xKey = latest ? xKeyOf(latest.space) : null;
  if (!latest || !best || !xKey) return null;
  const point: Partial<Record<HyperKey, number>> = { [xKey]: toAxis(latest.space[xKey], best.values[xKey]) };
  const yKey = yKeyOf(latest.space, null);
  if (yKey) point[yKey] = toAxis(latest.space[yKey], best.values[yKey]);
  return regionAround(latest.space, point, 0.4);
}

/**
 * "Coarse to fine"'s Reveal, with the lab's own buttons in the order a learner presses them: Run study
 * (round 1), "Select around the best", Zoom in (round 2). Returns round 1 as soon as it is sampled (the
 * outcome waits for round 2 to follow it); null when the study cannot run as the fields stand.
 */
export function revealCoarseToFine(store: SearchStore): { first: Round | null; cancel: () => void } {
  const s = () => store.getState();
  // A field showing an error blocks Run study; it blocks the scene's run too.
  if (fieldInError()) return { first: null, cancel: () => {} };
  // Zoomed rounds a link brought would be re-created by Run study: this scene zooms from its results.
  if (s().zooms.length > 0) s().dropZooms();
  void s().runStudy();
  // runStudy() sets its rounds before its first await, so round 1 can be read straight away.
  const first = s().rounds.length === 1 ? s().rounds[0] : null;
  if (!first) return { first: null, cancel: () => {} };
  // Round 1 has trained when the study's run has ended: zoom in then, unless the study moved on.
  const unsubscribe = store.subscribe((now) => {
    if (now.rounds[0] !== first || now.rounds.length !== 1) return unsubscribe();
    if (now.status === 'starting' || now.status === 'running' || now.status === 'paused') return;
    unsubscribe();
    if (now.status !== 'finished') return;
    const region = regionAroundBest(now);
    if (!region) return;
    now.setBrush(region);
    void s().zoomIn();
  });
  // The caller cancels when the class leaves the scene: the zoom is the scene's step, never the
  // learner's study's outside it.
  return { first, cancel: unsubscribe };
}

type ZoomView = Pick<SearchState, 'rounds' | 'trials' | 'status'>;

/**
 * "Coarse to fine": the best score of the zoomed round against the first round's, once the zoomed round
 * that followed `first` (the round Reveal ran) has finished; judged by the scene's rule.
 */
export function zoomOutcome(state: ZoomView, first: Round | null): SceneOutcome | null {
  const [r1, r2] = state.rounds;
  if (!first || r1 !== first || !r2 || state.rounds.length !== 2 || state.status !== 'finished') return null;
  const b1 = bestTrial(state.trials, r1.index);
  const b2 = bestTrial(state.trials, r2.index);
  const cost = (t: Trial | null) => (t ? costText(t.devCost) : 'none (every trial diverged)');
  return {
    choice: judgeZoom(b1?.devCost ?? Number.NaN, b2?.devCost ?? Number.NaN),
    detail: `best dev cost ${cost(b1)} in round 1 (${r1.trialIds.length} trials), ${cost(b2)} in round 2 (${r2.trialIds.length} trials, zoomed)`,
  };
}
