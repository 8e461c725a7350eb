// Learning-rate decay: large steps early to make progress, smaller ones later to settle near the minimum.
import type { Hyperparameters } from './config';

export type DecaySettings = Pick<
  Hyperparameters,
  'learningRate' | 'learningRateDecay' | 'decayRate' | 'decayStepEpochs'
>;

export function decayedLearningRate(h: DecaySettings, epoch: number): number {
  const a0 = h.learningRate;
  switch (h.learningRateDecay) {
    case 'none':
      return a0;
    case 'inverse':
      return a0 / (1 + h.decayRate * epoch);
    case 'exponential':
      return h.decayRate ** epoch * a0;
    case 'step':
      // Guard against a zero step length, which would divide by zero.
      return a0 * h.decayRate ** Math.floor(epoch / Math.max(1, h.decayStepEpochs));
  }
}
