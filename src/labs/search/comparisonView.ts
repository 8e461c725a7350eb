// What the comparison panels read from the store: the comparison round, each trial's seed, and the
// trials as the pure repeat logic scores them (a diverged trial scores +∞, the worst).
import type { ScoredTrial } from '../../core/search/repeat';
import type { Round, Trial } from '../../core/search/study';

/** The comparison round of the study, if the study is one. */
export function comparisonRound(rounds: readonly Round[]): Round | null {
  return rounds[0]?.strategy === 'compare' ? rounds[0] : null;
}

/** The seed a trial trained from. */
export function seedOfTrial(t: Trial, studySeed: number): number {
  return t.seed ?? studySeed;
}

/** The seeds of a comparison: those it was repeated over, or the study's alone. */
export function comparisonSeeds(round: Round | null, studySeed: number): number[] {
  return round?.seeds ?? [studySeed];
}

export function scoredTrials(trials: readonly Trial[], studySeed: number): ScoredTrial[] {
  return trials.map((t) => ({
    strategy: t.strategy,
    seed: seedOfTrial(t, studySeed),
    values: t.values,
    score: t.status === 'diverged' ? Number.POSITIVE_INFINITY : t.devCost,
  }));
}
