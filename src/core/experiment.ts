// The whole experiment a learner sets up on the first screen: what the URL hash stores and what
// "Train" and "Train all" turn into a population of models.
import {
  type Activation,
  type BackendChoice,
  type DataConfig,
  type DatasetName,
  DEFAULT_BN_EPSILON,
  DEFAULT_BN_MOMENTUM,
  DEFAULT_HYPERPARAMETERS,
  type Hyperparameters,
  type InitScheme,
  type ModelSpec,
  type OptimizerName,
  type SamplingScale,
} from './config';
import { DEV_FRACTION, hyperparameter, setting, TOY_SET_SIZE } from './hyperparameters';

/** Its hyperparameters are a model's own, less the step decay's period (the default's, never in a link). */
export interface Experiment extends Omit<Hyperparameters, 'decayStepEpochs'> {
  dataset: DatasetName;
  noise: number;
  hidden: number[];
  activation: Activation;
  init: InitScheme;
  initStd: number;
  /** One flag per hidden layer. */
  batchNorm: boolean[];
  normalizeInputs: boolean;
  optimizer: OptimizerName;
  seed: number;
  /** Stop after this many steps. */
  steps: number;
  /**
   * The playground's speed cap while running, steps per second; null: as fast as it goes. Only the
   * playground reads it (and only its link carries it): the labs train as fast as they go.
   */
  speed: number | null;
  backend: BackendChoice;
  /** Learning-rate sampling for "Train all". */
  scale: SamplingScale;
  lrMin: number;
  lrMax: number;
  samples: number;
}

const DEFAULT_LAYERS = hyperparameter('hiddenLayers').default;

export const DEFAULT_EXPERIMENT: Experiment = {
  dataset: 'spiral',
  noise: setting('noise').default,
  hidden: Array.from({ length: DEFAULT_LAYERS }, () => hyperparameter('hiddenUnits').default),
  activation: 'tanh',
  init: 'glorot',
  initStd: setting('initStd').default,
  batchNorm: Array.from({ length: DEFAULT_LAYERS }, () => hyperparameter('batchNorm').default === 1),
  normalizeInputs: true,
  optimizer: 'adam',
  learningRate: DEFAULT_HYPERPARAMETERS.learningRate,
  momentum: DEFAULT_HYPERPARAMETERS.momentum,
  adamBeta1: DEFAULT_HYPERPARAMETERS.adamBeta1,
  adamBeta2: DEFAULT_HYPERPARAMETERS.adamBeta2,
  epsilon: DEFAULT_HYPERPARAMETERS.epsilon,
  miniBatchSize: DEFAULT_HYPERPARAMETERS.miniBatchSize,
  learningRateDecay: 'none',
  decayRate: DEFAULT_HYPERPARAMETERS.decayRate,
  seed: setting('seed').default,
  steps: setting('steps').default,
  speed: setting('speed').default,
  backend: 'auto',
  scale: 'log',
  lrMin: 1e-4,
  lrMax: 1,
  samples: setting('samples').default,
};

// The data sizes live beside the mini-batch's limit (the training set); kept here for their readers.
export { DEV_FRACTION, TOY_SET_SIZE, trainingSetSize } from './hyperparameters';

export function dataConfigOf(e: Experiment): DataConfig {
  return {
    dataset: e.dataset,
    noise: e.noise,
    size: TOY_SET_SIZE,
    devFraction: DEV_FRACTION,
    normalizeInputs: e.normalizeInputs,
    seed: e.seed,
  };
}

export function hyperparametersOf(e: Experiment, learningRate = e.learningRate): Hyperparameters {
  return {
    ...DEFAULT_HYPERPARAMETERS,
    learningRate,
    momentum: e.momentum,
    adamBeta1: e.adamBeta1,
    adamBeta2: e.adamBeta2,
    epsilon: e.epsilon,
    miniBatchSize: e.miniBatchSize,
    learningRateDecay: e.learningRateDecay,
    decayRate: e.decayRate,
  };
}

/**
 * The model the experiment describes. Models of a "Train all" population share the seed on purpose:
 * same initial weights, same mini-batch order, so their curves differ only by α.
 */
export function modelSpecOf(e: Experiment, learningRate = e.learningRate): ModelSpec {
  return {
    hidden: [...e.hidden],
    activation: e.activation,
    init: e.init,
    initStd: e.initStd,
    batchNorm: e.hidden.map((_, i) => e.batchNorm[i] ?? false),
    bnMomentum: DEFAULT_BN_MOMENTUM,
    bnEpsilon: DEFAULT_BN_EPSILON,
    optimizer: e.optimizer,
    hyper: hyperparametersOf(e, learningRate),
    seed: e.seed,
  };
}
