// The caviar side's arithmetic: the same budget of model-steps spent as a population in parallel.

export interface CaviarSplit {
  models: number;
  /** Steps each model trains. */
  stepsPerModel: number;
  /** Model-steps actually spent (≤ the budget: whole steps only). */
  spent: number;
}

/** `budget` model-steps shared by `models` models, each at least `minSteps` (fewer models when short). */
export function equalComputeSplit(budget: number, models: number, minSteps = 10): CaviarSplit {
  const b = Math.max(0, Math.floor(budget));
  let n = Math.max(1, Math.floor(models));
  while (n > 1 && Math.floor(b / n) < minSteps) n -= 1;
  const stepsPerModel = Math.max(minSteps, Math.floor(b / n));
  return { models: n, stepsPerModel, spent: n * stepsPerModel };
}

/** The best (lowest finite) value of a list, NaN when it holds none. */
export function lowest(values: Iterable<number>): number {
  let best = Number.POSITIVE_INFINITY;
  for (const v of values) if (Number.isFinite(v) && v < best) best = v;
  return Number.isFinite(best) ? best : Number.NaN;
}
