// Three ways to spend one budget of trials: a grid, independent random draws, and a scrambled
// Halton sequence (quasi-random: random-looking, but spread more evenly than independent draws).
// Each works in the unit cube; valueAtUnit then maps every coordinate onto its dimension's scale.
import { createRng, deriveSeed, type Rng, shuffleInPlace } from '../rng';
import {
  cardinality,
  type Dimension,
  fixedValues,
  type SearchSpace,
  searchedKeys,
  type TrialValues,
  valueAtUnit,
} from './space';

export type Strategy = 'grid' | 'random' | 'quasi';
export const STRATEGIES: readonly Strategy[] = ['grid', 'random', 'quasi'];

/**
 * Levels per searched dimension for a grid within the budget: raised one at a time in turn (α first)
 * while the product stays within the budget, never past a dimension's number of distinct values.
 * 25 trials over two continuous axes give 5 × 5.
 */
export function gridLevels(cards: readonly number[], budget: number): number[] {
  const levels = cards.map(() => 1);
  if (cards.length === 0) return levels;
  let product = 1;
  let grew = true;
  while (grew) {
    grew = false;
    for (let i = 0; i < levels.length; i++) {
      if (levels[i] >= cards[i]) continue;
      const next = (product / levels[i]) * (levels[i] + 1);
      if (next > budget) continue;
      product = next;
      levels[i] += 1;
      grew = true;
    }
  }
  return levels;
}

/**
 * Position of level i of k in [0, 1): the middle of cell i shifted by `offset` ∈ [0, 1) of a cell.
 * A grid laid out from the ends of the range (or from its middle) is not neutral: the levels land on
 * round values (α = 0.1, 0.01, …) that may or may not be near the optimum, and the same ones on every
 * seed, so "grid vs random" would measure where the range's ends happen to sit. A seeded offset, the
 * same for every level of an axis, keeps the points a grid (k evenly spaced values, one cell apart)
 * while knowing nothing about where the optimum is.
 */
export function gridUnit(i: number, k: number, card: number, offset: number): number {
  const u = (i + offset) / k;
  if (Number.isFinite(card)) {
    // Whole numbers and choices: the index of the value under that position, mapped to the middle
    // of its cell. With k ≤ card levels, the k indices are distinct.
    const index = Math.min(card - 1, Math.floor(u * card));
    return (index + 0.5) / card;
  }
  return u;
}

/**
 * Points of a grid in the unit cube, the first dimension varying slowest; `offsets[d]` ∈ [0, 1)
 * shifts every level of dimension d by that share of a cell (0.5 when none is given: cell middles).
 */
export function gridUnitPoints(
  levels: readonly number[],
  cards: readonly number[],
  offsets: readonly number[] = levels.map(() => 0.5),
): number[][] {
  let points: number[][] = [[]];
  levels.forEach((k, d) => {
    const next: number[][] = [];
    for (const p of points)
      for (let i = 0; i < k; i++) next.push([...p, gridUnit(i, k, cards[d], offsets[d] ?? 0.5)]);
    points = next;
  });
  return points.filter((p) => p.length === levels.length && levels.length > 0);
}

export function randomUnitPoints(n: number, dims: number, rng: Rng): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: dims }, () => rng.next()));
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

/**
 * The scrambled Halton sequence: point i's coordinate in dimension d is the radical inverse of i in
 * base p_d, with every digit passed through a random permutation (one per digit position). The
 * scrambling breaks the correlations plain Halton shows in higher bases and makes each seed a fresh
 * draw, while keeping the even spread.
 */
export function haltonUnitPoints(n: number, dims: number, rng: Rng): number[][] {
  if (dims > PRIMES.length) throw new Error(`Halton supports up to ${PRIMES.length} dimensions`);
  const perms = PRIMES.slice(0, dims).map((p) => {
    const digits = Math.ceil(32 / Math.log2(p));
    return Array.from({ length: digits }, () => {
      const perm = Array.from({ length: p }, (_, i) => i);
      shuffleInPlace(rng, perm);
      return perm;
    });
  });
  return Array.from({ length: n }, (_, i) =>
    perms.map((perm, d) => {
      const p = PRIMES[d];
      let index = i + 1;
      let u = 0;
      let scale = 1 / p;
      for (let k = 0; k < perm.length; k++) {
        u += perm[k][index % p] * scale;
        index = Math.floor(index / p);
        scale /= p;
      }
      return Math.min(u, 1 - Number.EPSILON);
    }),
  );
}

export interface Sampled {
  trials: TrialValues[];
  /** Grid only: levels per searched dimension. */
  levels?: number[];
}

/** The stream of random numbers of a strategy in a given round (round 0 is the first). */
export function roundSeed(seed: number, strategy: Strategy, round: number): number {
  return deriveSeed(seed, `search-${strategy}-round-${round}`);
}

/** The trials a strategy draws from a space; the same space, budget, seed and round give the same trials. */
export function sampleStudy(
  space: SearchSpace,
  strategy: Strategy,
  budget: number,
  seed: number,
  round = 0,
): Sampled {
  const keys = searchedKeys(space);
  const dims: Dimension[] = keys.map((k) => space[k]);
  const base = fixedValues(space);
  if (keys.length === 0) return { trials: [{ ...base }] };
  const rng = createRng(roundSeed(seed, strategy, round));
  let units: number[][];
  let levels: number[] | undefined;
  if (strategy === 'grid') {
    const cards = dims.map(cardinality);
    levels = gridLevels(cards, budget);
    // One offset per axis from the grid's own stream: each seed lays the grid out afresh.
    const offsets = dims.map(() => rng.next());
    units = gridUnitPoints(levels, cards, offsets);
  } else if (strategy === 'random') {
    units = randomUnitPoints(budget, dims.length, rng);
  } else {
    units = haltonUnitPoints(budget, dims.length, rng);
  }
  const trials = units.map((u) => {
    const t = { ...base };
    keys.forEach((k, d) => {
      t[k] = valueAtUnit(dims[d], u[d]);
    });
    return t;
  });
  return levels ? { trials, levels } : { trials };
}

/** How many different values a list holds (exact comparison). */
export function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}
