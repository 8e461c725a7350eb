// The "linear or log?" lesson's own setup and the numbers it reports after two "Train all" runs.
// Adam on the digits: measured on the engine, its good α lie around 0.005–0.05 and α above ~0.1 is
// poor or diverges, so the decades a linear scale starves are exactly where the good models are.
import type { SamplingScale } from './config';
import type { Experiment } from './experiment';

/** What "Use the lesson's setup" sets: the learner's other controls stay as they are. */
export const LESSON_SETUP = {
  dataset: 'digits',
  hidden: [16],
  batchNorm: [false],
  activation: 'relu',
  init: 'he',
  optimizer: 'adam',
  learningRateDecay: 'none',
  miniBatchSize: 32,
  steps: 100,
  lrMin: 1e-4,
  lrMax: 1,
  samples: 16,
} satisfies Partial<Experiment>;

/** "Good" means a final dev cost within this factor of the best of both populations together. */
export const GOOD_FACTOR = 1.1;

/** What one finished population leaves for the comparison. */
export interface PopulationSummary {
  scale: SamplingScale;
  samples: number;
  learningRates: number[];
  /** Each model's last dev cost; Infinity for a model that diverged or never reached an evaluation. */
  finalDevCosts: number[];
  /** Lowest final dev cost (Infinity when every model diverged) and the α that reached it. */
  bestDevCost: number;
  bestLearningRate: number;
}

export function summarizePopulation(
  scale: SamplingScale,
  learningRates: readonly number[],
  finalDevCosts: readonly number[],
): PopulationSummary {
  const costs = finalDevCosts.map((c) => (Number.isFinite(c) ? c : Number.POSITIVE_INFINITY));
  let best = -1;
  costs.forEach((c, i) => {
    if (best < 0 || c < costs[best]) best = i;
  });
  return {
    scale,
    samples: learningRates.length,
    learningRates: [...learningRates],
    finalDevCosts: costs,
    bestDevCost: best >= 0 ? costs[best] : Number.POSITIVE_INFINITY,
    bestLearningRate: best >= 0 && Number.isFinite(costs[best]) ? learningRates[best] : Number.NaN,
  };
}

/** The dev cost a model must reach to count as good, from every population that ran (null: none did). */
export function goodThreshold(populations: readonly PopulationSummary[]): number | null {
  const best = Math.min(...populations.map((p) => p.bestDevCost));
  return Number.isFinite(best) ? best * GOOD_FACTOR : null;
}

/** How many of a population's models are good. */
export function countGood(population: PopulationSummary, threshold: number): number {
  return population.finalDevCosts.filter((c) => c <= threshold).length;
}
