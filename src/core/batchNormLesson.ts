// Lesson 3.5's ready-made networks and sweep, in one place for the batch-norm lab and the engine
// tests that measure its claims (a wider range of good α with batch norm; test time).
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';

export interface SweepSettings {
  lrMin: number;
  lrMax: number;
  count: number;
  steps: number;
}

/**
 * The lab's default: three sigmoid layers on the digits with plain SGD, as in the batch-norm paper's
 * Fig. 1 (three sigmoid layers on MNIST). Chosen by measurement so that "Does it help?" shows a range
 * widening, not appearing: without batch norm it trains well for some α (0.8 to 10 on seed 1, 600
 * steps), with it for a wider range (0.03 to 10).
 */
export const THREE_SIGMOID_DIGITS: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'digits',
  hidden: [32, 32, 32],
  activation: 'sigmoid',
  init: 'glorot',
  batchNorm: [true, true, true],
  normalizeInputs: true,
  optimizer: 'sgd',
  learningRate: 1,
  miniBatchSize: 32,
  steps: 1500,
  seed: 1,
};

/**
 * The dramatic case: a deep, narrow sigmoid network on the digits, plain SGD at α = 1. Without batch
 * norm it stays at chance for every α of the sweep; with it, it trains.
 */
export const DEEP_SIGMOID_DIGITS: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'digits',
  hidden: [32, 32, 32, 32, 32, 32],
  activation: 'sigmoid',
  init: 'glorot',
  batchNorm: [true, true, true, true, true, true],
  normalizeInputs: true,
  optimizer: 'sgd',
  learningRate: 1,
  miniBatchSize: 32,
  steps: 1500,
  seed: 1,
};

export const DEFAULT_SWEEP: SweepSettings = { lrMin: 1e-3, lrMax: 10, count: 12, steps: 600 };

/** Log-spaced values from lo to hi inclusive (three significant digits): the α of a sweep. */
export function logSpaced(lo: number, hi: number, count: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) =>
    Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(3)),
  );
}
