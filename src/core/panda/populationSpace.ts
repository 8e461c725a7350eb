// What the caviar and the automated tuners sample: α on a log scale and the optimizer's momentum
// term on a log scale of 1 − β, drawn at random with the search lab's sampler. Pure: the panda lab's
// population runs turn these draws into models.
import type { Hyperparameters, ModelSpec } from '../config';
import { type Experiment, modelSpecOf } from '../experiment';
import { deriveSeed } from '../rng';
import { defaultSpace, type SearchSpace } from '../search/space';
import { sampleStudy } from '../search/strategies';
import { momentumKey } from './changes';
import type { PbtHyper } from './pbt';

/** The α range the populations sample. */
export const LR_RANGE: [number, number] = [1e-4, 1];

export function populationSpace(e: Experiment): SearchSpace {
  const space = defaultSpace();
  space.epsilon = { scale: 'fixed', value: e.epsilon };
  space.learningRate = { scale: 'log', low: LR_RANGE[0], high: LR_RANGE[1] };
  const key = momentumKey(e.optimizer);
  if (key === 'momentum') space.momentum = { scale: 'oneMinusLog', low: 0.8, high: 0.99 };
  if (key === 'adamBeta1') space.adamBeta1 = { scale: 'oneMinusLog', low: 0.8, high: 0.99 };
  return space;
}

/** α and the momentum term of `count` models drawn at random from the space (`stream` keeps draws apart). */
export function samplePopulation(e: Experiment, count: number, stream: string): PbtHyper[] {
  const key = momentumKey(e.optimizer);
  const { trials } = sampleStudy(populationSpace(e), 'random', count, deriveSeed(e.seed, stream));
  return trials.map((t) => ({
    learningRate: t.learningRate,
    momentum: key === 'adamBeta1' ? t.adamBeta1 : key === 'momentum' ? t.momentum : 0,
  }));
}

/** The model of one member: the experiment with the member's α and momentum term. */
export function memberSpec(e: Experiment, h: PbtHyper): ModelSpec {
  const spec = modelSpecOf(e, h.learningRate);
  const key = momentumKey(e.optimizer);
  if (key) spec.hyper[key] = h.momentum;
  return spec;
}

/** The hyperparameter change that gives a model the member's α and momentum term. */
export function memberPatch(e: Experiment, h: PbtHyper): Partial<Hyperparameters> {
  const key = momentumKey(e.optimizer);
  return key ? { learningRate: h.learningRate, [key]: h.momentum } : { learningRate: h.learningRate };
}
