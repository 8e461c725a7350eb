// The panda lab's default model: the one a learner babysits before changing anything.
import { DEFAULT_EXPERIMENT, type Experiment } from '../experiment';

/**
 * A network that visibly learns the spiral within the first two or three days, and blows up when α is
 * far too big. Measured on the engine (Adam, 150-step days, seeds 1–3): with α = 0.01 the dev cost goes
 * from about 0.52–0.64 after day 1 to 0.12–0.25 after day 3; with α = 0.001 it only crept from 0.65 to
 * 0.63, barely below chance (0.69).
 */
export const PANDA_EXPERIMENT: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'spiral',
  hidden: [32, 32],
  batchNorm: [false, false],
  activation: 'relu',
  init: 'he',
  optimizer: 'adam',
  learningRate: 0.01,
};
