// Tests only: a small model to count or train (two hidden layers of 16 tanh units, Adam, no batch norm),
// with whatever a test changes. The run's estimate (core) and its measured memory (engine) count the same.
import { DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM, DEFAULT_HYPERPARAMETERS, type ModelSpec } from './config';

export function testModelSpec(
  over: Partial<ModelSpec> & { miniBatchSize?: number } = {},
  seed = 1,
): ModelSpec {
  const { miniBatchSize = 32, ...rest } = over;
  const hidden = rest.hidden ?? [16, 16];
  return {
    hidden,
    activation: 'tanh',
    init: 'glorot',
    initStd: 0.1,
    batchNorm: hidden.map(() => false),
    bnMomentum: DEFAULT_BN_MOMENTUM,
    bnEpsilon: DEFAULT_BN_EPSILON,
    optimizer: 'adam',
    hyper: { ...DEFAULT_HYPERPARAMETERS, miniBatchSize },
    seed,
    ...rest,
  };
}
