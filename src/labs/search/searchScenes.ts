// The search lab's grid-vs-random scene reads the "Repeat over seeds" that Reveal started: how many
// seeds random search beat the grid on, counted as the repeat table counts them (core/search/repeat.ts),
// judged by the scene's rule. Null until every seed of that repeat has finished.
import { judgeSeeds } from '../../core/scenes/judges';
import type { SceneOutcome } from '../../core/scenes/sceneTypes';
import { repeatSummary, seedRows } from '../../core/search/repeat';
import type { Round } from '../../core/search/study';
import { comparisonRound, comparisonSeeds, scoredTrials } from './comparisonView';
import type { SearchState } from './searchStore';

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
