// A trial's values turned into what the engine trains (a ModelSpec) and into a playground link's
// experiment. Every trial of a study shares the data, the optimizer and the seed, so trials of the
// same shape start from the same weights and see the same mini-batches: only the hyperparameters differ.
import { DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM, type ModelSpec, type OptimizerName } from '../config';
import { DEFAULT_EXPERIMENT, type Experiment, hyperparametersOf } from '../experiment';
import { STUDY_DATASET, type TrialValues } from './space';

export interface StudySettings {
  optimizer: OptimizerName;
  seed: number;
  /** Training steps of every trial. */
  steps: number;
}

/** The playground experiment of a trial (spiral, DEFAULT_EXPERIMENT for everything not searched). */
export function experimentOfTrial(v: TrialValues, settings: StudySettings): Experiment {
  const layers = Math.max(1, Math.round(v.layers));
  const units = Math.max(1, Math.round(v.hiddenUnits));
  return {
    ...DEFAULT_EXPERIMENT,
    dataset: STUDY_DATASET,
    hidden: Array.from({ length: layers }, () => units),
    batchNorm: Array.from({ length: layers }, () => v.batchNorm >= 0.5),
    optimizer: settings.optimizer,
    learningRate: v.learningRate,
    momentum: v.momentum,
    adamBeta1: v.adamBeta1,
    adamBeta2: v.adamBeta2,
    epsilon: v.epsilon,
    miniBatchSize: Math.max(1, Math.round(v.miniBatchSize)),
    learningRateDecay: v.decayRate > 0 ? 'inverse' : 'none',
    decayRate: v.decayRate > 0 ? v.decayRate : DEFAULT_EXPERIMENT.decayRate,
    seed: settings.seed,
    steps: settings.steps,
  };
}

export function modelSpecOfTrial(v: TrialValues, settings: StudySettings): ModelSpec {
  const e = experimentOfTrial(v, settings);
  return {
    hidden: e.hidden,
    activation: e.activation,
    init: e.init,
    initStd: e.initStd,
    batchNorm: e.batchNorm,
    bnMomentum: DEFAULT_BN_MOMENTUM,
    bnEpsilon: DEFAULT_BN_EPSILON,
    optimizer: e.optimizer,
    hyper: hyperparametersOf(e),
    seed: e.seed,
  };
}
