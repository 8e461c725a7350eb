// Successive halving (here: thirding): start many models on a few steps, keep the best third, give
// the survivors three times the steps, and again, until a handful is left. Every round spends about
// the same compute, so most of it goes to the models that looked best early.

export interface HalvingRound {
  /** 0 for the first. */
  index: number;
  /** Models training in this round. */
  alive: number;
  /** Steps each of them trains in this round. */
  steps: number;
  /** The step count they reach at the round's end (the run's step limit for the round). */
  untilStep: number;
}

/**
 * Rounds for `models` starters: round r trains ceil(models / eta^r) models for baseSteps · eta^r steps.
 * It stops after the first round with at most `eta` models (their best is the winner).
 */
export function halvingSchedule(models: number, baseSteps: number, eta = 3): HalvingRound[] {
  if (models < 1 || baseSteps < 1) return [];
  const rounds: HalvingRound[] = [];
  let alive = models;
  let steps = baseSteps;
  let until = 0;
  for (let index = 0; ; index++) {
    until += steps;
    rounds.push({ index, alive, steps, untilStep: until });
    if (alive <= eta) break;
    alive = Math.ceil(alive / eta);
    steps *= eta;
  }
  return rounds;
}

/** Model-steps the whole schedule spends. */
export function halvingCost(rounds: readonly HalvingRound[]): number {
  return rounds.reduce((sum, r) => sum + r.alive * r.steps, 0);
}

/**
 * The `keep` best of the candidates by score (lower is better; non-finite scores, diverged models,
 * go last; ties keep the lower index). Returned in ranking order.
 */
export function survivors(candidates: readonly number[], scores: readonly number[], keep: number): number[] {
  const key = (i: number) => (Number.isFinite(scores[i]) ? scores[i] : Number.POSITIVE_INFINITY);
  return [...candidates].sort((a, b) => key(a) - key(b) || a - b).slice(0, Math.max(0, keep));
}
