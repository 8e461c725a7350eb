// The bench's two workloads (bench/benchPage.ts in Chromium, bench/nodeProfile.test.ts in Node).
import { DEFAULT_EXPERIMENT, type Experiment } from '../src/core/experiment';

export type WorkloadName = 'spiral-mlp' | 'digits-bn-mlp';

/** The two workloads of the benchmark, as experiments a learner could set up. */
export const WORKLOADS: Record<WorkloadName, Experiment> = {
  // 2-16-16-1 tanh, Adam, mini-batch 32, 1000 spiral points.
  'spiral-mlp': {
    ...DEFAULT_EXPERIMENT,
    dataset: 'spiral',
    hidden: [16, 16],
    activation: 'tanh',
    batchNorm: [false, false],
    optimizer: 'adam',
    learningRate: 0.01,
    miniBatchSize: 32,
  },
  // 64-100-100-100-10 sigmoid, batch norm on every hidden layer, SGD, mini-batch 60.
  'digits-bn-mlp': {
    ...DEFAULT_EXPERIMENT,
    dataset: 'digits',
    hidden: [100, 100, 100],
    activation: 'sigmoid',
    batchNorm: [true, true, true],
    optimizer: 'sgd',
    learningRate: 0.1,
    miniBatchSize: 60,
  },
};
