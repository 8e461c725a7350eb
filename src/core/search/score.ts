// A trial's score: what the study ranks it by. The last dev cost alone is mostly where the last few
// mini-batches left the weights: at a large α two trials that differ only in Adam's ε (which does
// not matter) end 0.1 or more apart. Averaging the dev cost over the last evaluations keeps the
// model's quality and drops most of that jitter, so trials that differ only in ε score alike.

/** Dev evaluations the score averages (the last ones of the run). */
export const SCORE_EVALUATIONS = 8;

/** Steps between a study's dev evaluations, at most (the lab's and the engine tests' alike). */
export const STUDY_EVAL_EVERY = 25;

/** Steps between dev evaluations of a study's trials: at most an eighth of the run, at least 5. */
export function evalEveryOf(steps: number): number {
  return Math.max(5, Math.min(STUDY_EVAL_EVERY, Math.floor(steps / 8)));
}

/** What the score is, in the page's words. */
export function scoreText(evalEvery: number): string {
  return `mean dev cost over the last ${SCORE_EVALUATIONS} evaluations (the last ${SCORE_EVALUATIONS * evalEvery} steps)`;
}

/**
 * The mean of the last SCORE_EVALUATIONS dev costs (fewer while the trial has fewer): NaN when none
 * was measured, +∞ when one in the window is not a number (a diverged or diverging model is worst).
 */
export function trialScore(devCosts: ArrayLike<number>): number {
  const n = devCosts.length;
  if (n === 0) return Number.NaN;
  const from = Math.max(0, n - SCORE_EVALUATIONS);
  let sum = 0;
  for (let i = from; i < n; i++) {
    const v = devCosts[i];
    if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
    sum += v;
  }
  return sum / (n - from);
}
