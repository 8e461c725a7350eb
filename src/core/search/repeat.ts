// Grid vs random, repeated over seeds. One seed's comparison is one draw: a grid's α row can land on
// the best α by luck, and random draws can bunch up. So the lab trains the three strategies on M
// seeds at once and reports how often random (and quasi-random) beat the grid, with the reason the
// lesson gives (how many distinct α each tried) and, where the grid won, the numbers of why.
// Pure: the trials come in with their scores (core/search/score.ts); nothing here trains.
import {
  type Dimension,
  hyperDef,
  type HyperKey,
  type SearchSpace,
  searchedKeys,
  toAxis,
  type TrialValues,
} from './space';
import { distinctCount, STRATEGIES, type Strategy, sampleStudy } from './strategies';

/** Trials per strategy in the comparison: Bergstra & Bengio's picture, a 3 × 3 grid against 9 draws. */
export const COMPARE_BUDGET = 9;
export const DEFAULT_REPEAT_SEEDS = 5;
/** 10 seeds × 3 strategies × 9 trials = 270 models: about the most a page trains at once in tens of seconds. */
export const MAX_REPEAT_SEEDS = 10;

export function parseRepeatSeeds(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isInteger(v) || v < 1 || v > MAX_REPEAT_SEEDS)
    return { ok: false, reason: `Seeds must be a whole number from 1 to ${MAX_REPEAT_SEEDS}.` };
  return { ok: true, value: v };
}

/** M consecutive seeds from `first` (wrapping past maxSeed to 0). */
export function repeatSeeds(first: number, m: number, maxSeed: number): number[] {
  return Array.from({ length: m }, (_, i) => (first + i) % (maxSeed + 1));
}

/** One trial of a comparison with its score (lower is better; NaN: not measured; +∞: diverged). */
export interface ScoredTrial {
  strategy: Strategy;
  seed: number;
  values: TrialValues;
  score: number;
}

export interface StrategyBest {
  score: number;
  values: TrialValues;
  /** How many different values of the lead hyperparameter (α) it tried on this seed. */
  distinct: number;
}

export interface SeedRow {
  seed: number;
  best: Record<Strategy, StrategyBest | null>;
  /** Strictly lower best score than the grid (null until both have one). */
  randomWins: boolean | null;
  quasiWins: boolean | null;
  /** Where the grid beat random on this seed: why, with the numbers. */
  gridWhy: string | null;
}

/** The hyperparameter the lesson counts distinct values of: the first searched one (α when searched). */
export function leadKey(space: SearchSpace): HyperKey | null {
  return searchedKeys(space)[0] ?? null;
}

const fmt = (v: number): string => String(Number(v.toPrecision(2)));
const fmtScore = (v: number): string => String(Number(v.toPrecision(3)));

/** Distance between two values on a dimension's axis, in words ("0.12 decades" on a log scale). */
function distanceText(d: Dimension, a: number, b: number): string {
  const dist = Math.abs(toAxis(d, a) - toAxis(d, b));
  return d.scale === 'log' ? `${dist.toFixed(2)} decades` : `${fmt(dist)} apart`;
}

function bestOf(trials: readonly ScoredTrial[], key: HyperKey | null): StrategyBest | null {
  let best: ScoredTrial | null = null;
  for (const t of trials) if (!Number.isNaN(t.score) && (!best || t.score < best.score)) best = t;
  if (!best) return null;
  return {
    score: best.score,
    values: best.values,
    distinct: key ? distinctCount(trials.map((t) => t.values[key])) : 1,
  };
}

function gridWhy(
  space: SearchSpace,
  key: HyperKey | null,
  grid: StrategyBest,
  random: StrategyBest,
  randomTrials: readonly ScoredTrial[],
  seedBest: StrategyBest,
): string {
  const why = `The grid won: ${fmtScore(grid.score)} against random's ${fmtScore(random.score)}`;
  if (!key) return `${why}.`;
  const d = space[key];
  const sym = hyperDef(key).symbol;
  const g = grid.values[key];
  const b = seedBest.values[key];
  const where =
    g === b
      ? `the best ${sym} any strategy found on this seed`
      : `${distanceText(d, g, b)} from the best ${sym} any strategy found on this seed (${fmt(b)})`;
  // The random draw closest to the grid's winning value: how far random was from that good spot.
  let nearest = randomTrials[0]?.values[key] ?? Number.NaN;
  for (const t of randomTrials)
    if (Math.abs(toAxis(d, t.values[key]) - toAxis(d, g)) < Math.abs(toAxis(d, nearest) - toAxis(d, g)))
      nearest = t.values[key];
  const near = Number.isFinite(nearest)
    ? ` Random's closest ${sym} to it was ${fmt(nearest)}, ${distanceText(d, nearest, g)} away, and its best was at ${sym} = ${fmt(random.values[key])}.`
    : '';
  return `${why}. One of the grid's ${grid.distinct} ${sym} rows happened to fall at ${sym} = ${fmt(g)}, ${where}.${near}`;
}

/** The comparison seed by seed. */
export function seedRows(
  space: SearchSpace,
  trials: readonly ScoredTrial[],
  seeds: readonly number[],
): SeedRow[] {
  const key = leadKey(space);
  // One pass groups the trials by seed and strategy (the table used to filter them five times a seed).
  const bySeed = new Map<number, Record<Strategy | 'all', ScoredTrial[]>>();
  for (const t of trials) {
    let group = bySeed.get(t.seed);
    if (!group) {
      group = { grid: [], random: [], quasi: [], all: [] };
      bySeed.set(t.seed, group);
    }
    group[t.strategy].push(t);
    group.all.push(t);
  }
  return seeds.map((seed) => {
    const of = bySeed.get(seed) ?? { grid: [], random: [], quasi: [], all: [] };
    const best = {
      grid: bestOf(of.grid, key),
      random: bestOf(of.random, key),
      quasi: bestOf(of.quasi, key),
    };
    const beats = (b: StrategyBest | null) => (b && best.grid ? b.score < best.grid.score : null);
    const randomWins = beats(best.random);
    return {
      seed,
      best,
      randomWins,
      quasiWins: beats(best.quasi),
      gridWhy:
        randomWins === false && best.grid && best.random
          ? gridWhy(space, key, best.grid, best.random, of.random, bestOf(of.all, key) ?? best.grid)
          : null,
    };
  });
}

/**
 * How much the grid's other hyperparameters changed its score: for each value of the lead
 * hyperparameter, the spread (max − min) of the scores of the grid's trials sharing it. Small
 * spreads say those trials were near-repeats: the other axis hardly mattered.
 */
export function gridTwinSpread(
  space: SearchSpace,
  trials: readonly ScoredTrial[],
): { median: number; max: number } | null {
  const key = leadKey(space);
  if (!key) return null;
  const groups = new Map<string, number[]>();
  for (const t of trials) {
    if (t.strategy !== 'grid' || !Number.isFinite(t.score)) continue;
    const g = `${t.seed}:${t.values[key]}`;
    groups.set(g, [...(groups.get(g) ?? []), t.score]);
  }
  const spreads = [...groups.values()]
    .filter((s) => s.length > 1)
    .map((s) => Math.max(...s) - Math.min(...s));
  if (spreads.length === 0) return null;
  spreads.sort((a, b) => a - b);
  return { median: spreads[Math.floor(spreads.length / 2)], max: spreads[spreads.length - 1] };
}

export interface RepeatSummary {
  /** Seeds where all three strategies have a best score. */
  measured: number;
  randomWins: number;
  quasiWins: number;
  randomLine: string;
  quasiLine: string;
  verdict: string;
}

/** The sentences the page shows, from the rows (counts are of the rows, so they agree with the table). */
export function repeatSummary(
  space: SearchSpace,
  rows: readonly SeedRow[],
  trials: readonly ScoredTrial[],
): RepeatSummary {
  const measured = rows.filter((r) => r.randomWins !== null && r.quasiWins !== null).length;
  const randomWins = rows.filter((r) => r.randomWins === true).length;
  const quasiWins = rows.filter((r) => r.quasiWins === true).length;
  const m = rows.length;
  const seedsWord = m === 1 ? 'seed' : 'seeds';
  const key = leadKey(space);
  const sym = key ? hyperDef(key).symbol : 'the first hyperparameter';
  // Distinct values per strategy, the most on any seed (a grid's count is the same on every seed).
  const most = (s: Strategy) => Math.max(0, ...rows.map((r) => r.best[s]?.distinct ?? 0));
  const spread = gridTwinSpread(space, trials);
  const counts = `the grid tried ${most('grid')} distinct values of ${sym} per seed, random ${most('random')} and quasi-random ${most('quasi')}`;
  const twins = spread
    ? ` The grid's trials that share an ${sym} and differ only in the other hyperparameters scored ${spread.median < 1e-4 ? 'within 0.0001' : `within ${fmtScore(spread.median)}`} of each other (the median pair; the widest ${fmtScore(spread.max)}): mostly they were repeats.`
    : '';
  let verdict: string;
  if (measured < m) verdict = `Measured on ${measured} of ${m} seeds so far.`;
  else if (randomWins * 2 > m) verdict = `Random search won on most seeds because ${counts}.${twins}`;
  else
    verdict = `Here random search did not win on most seeds, although ${counts}. The good values of ${sym} form a range wide enough that the grid's few values often include one inside it, and inside it the lowest score is down to small differences between runs; a random draw can also miss the range altogether.${twins}`;
  return {
    measured,
    randomWins,
    quasiWins,
    randomLine: `Random beat the grid on ${randomWins} of ${m} ${seedsWord}`,
    quasiLine: `Quasi-random beat the grid on ${quasiWins} of ${m} ${seedsWord}`,
    verdict,
  };
}

/**
 * The population "Repeat over seeds" trains: for each seed, each strategy's samples of the budget
 * (seed s draws them from its own streams, and the trials train from seed s's initial weights).
 */
export function comparisonPopulation(
  space: SearchSpace,
  budget: number,
  seeds: readonly number[],
): { strategy: Strategy; seed: number; values: TrialValues }[] {
  return seeds.flatMap((seed) =>
    STRATEGIES.flatMap((strategy) =>
      sampleStudy(space, strategy, budget, seed, 0).trials.map((values) => ({ strategy, seed, values })),
    ),
  );
}
