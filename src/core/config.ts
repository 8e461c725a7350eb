// The vocabulary shared by every layer: what a dataset, a model and its hyperparameters are.
// Names follow the course (learningRate is α, momentum is β, bnBeta is batch norm's shift).
// Limits and defaults of hyperparameters come from the one table in hyperparameters.ts.
import { hyperparameter } from './hyperparameters';

export type DatasetName = 'spiral' | 'circles' | 'xor' | 'gaussian' | 'moons' | 'digits';
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
export type InitScheme = 'he' | 'glorot' | 'normal';
export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
export type DecayKind = 'none' | 'inverse' | 'exponential' | 'step';
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendChoice = 'auto' | BackendName;
export type SamplingScale = 'linear' | 'log';

export const DATASETS: readonly DatasetName[] = ['spiral', 'circles', 'xor', 'gaussian', 'moons', 'digits'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
export const INIT_SCHEMES: readonly InitScheme[] = ['he', 'glorot', 'normal'];
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
export const DECAY_KINDS: readonly DecayKind[] = ['none', 'inverse', 'exponential', 'step'];
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export const MAX_HIDDEN_LAYERS = hyperparameter('hiddenLayers').range.max;
export const MAX_HIDDEN_UNITS = hyperparameter('hiddenUnits').range.max;

/** The data every model of a population trains on. */
export interface DataConfig {
  dataset: DatasetName;
  /** 0..1: how much the toy sets are blurred; ignored for digits. */
  noise: number;
  /** Points generated for the 2-D toy sets (digits always has 1797). */
  size: number;
  /** Fraction of the examples kept for the dev set. */
  devFraction: number;
  /** Subtract the training split's mean and divide by its standard deviation, on both splits. */
  normalizeInputs: boolean;
  /** Seeds the toy set's points and the train/dev split. */
  seed: number;
}

/** Hyperparameters that may change while a model trains (they take effect at its next step). */
export interface Hyperparameters {
  learningRate: number;
  /** Momentum's β (the momentum optimizer only). */
  momentum: number;
  /** Adam's β1. */
  adamBeta1: number;
  /** Adam's β2, and RMSprop's β2 too. */
  adamBeta2: number;
  /** Adam's and RMSprop's ε in the denominator (not batch norm's ε). */
  epsilon: number;
  miniBatchSize: number;
  learningRateDecay: DecayKind;
  /** Inverse: α0/(1+rate·epoch); exponential: rate^epoch·α0; step: α0·rate^floor(epoch/decayStepEpochs). */
  decayRate: number;
  decayStepEpochs: number;
}

/** One model: its shape, how it starts, how it learns. */
export interface ModelSpec {
  hidden: number[];
  activation: Activation;
  init: InitScheme;
  /** Standard deviation of the 'normal' initialisation. */
  initStd: number;
  /** Batch norm on z of hidden layer i (before the activation). */
  batchNorm: boolean[];
  /** Exponential-average momentum of the running mean and variance used at test time. */
  bnMomentum: number;
  /** ε inside sqrt(σ² + ε) of batch norm (not Adam's ε). */
  bnEpsilon: number;
  /**
   * Keep (and train) the bias b of hidden layers that have batch norm, added to z before the
   * normalisation. Off by default: the mean subtraction cancels b, so its gradient is exactly zero.
   * The batch-norm lab turns it on to show that.
   */
  keepBias?: boolean;
  optimizer: OptimizerName;
  hyper: Hyperparameters;
  /** Seeds the initial weights and this model's mini-batch order. */
  seed: number;
}

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = {
  learningRate: hyperparameter('learningRate').default,
  momentum: hyperparameter('momentum').default,
  adamBeta1: hyperparameter('adamBeta1').default,
  adamBeta2: hyperparameter('adamBeta2').default,
  epsilon: hyperparameter('epsilon').default,
  miniBatchSize: hyperparameter('miniBatchSize').default,
  learningRateDecay: 'none',
  decayRate: hyperparameter('decayRate').default,
  decayStepEpochs: 10,
};

export const DEFAULT_BN_MOMENTUM = 0.99;
export const DEFAULT_BN_EPSILON = 1e-3;
