// Tests only: what the tests of the link codecs (the playground's and each lab's) share.
import { expect } from 'vitest';
import type { Experiment } from '../core/experiment';

/**
 * An experiment unlike the playground's defaults in every field, valid everywhere, so that a round
 * trip tries each key with a value of its own. A lab's test overrides the fields its defaults share.
 */
export const EVERY_FIELD_CHANGED: Experiment = {
  dataset: 'digits',
  noise: 0.35,
  hidden: [64, 32, 8],
  activation: 'relu',
  init: 'normal',
  initStd: 0.05,
  batchNorm: [true, false, true],
  normalizeInputs: false,
  optimizer: 'momentum',
  learningRate: 0.0003,
  momentum: 0.95,
  adamBeta1: 0.8,
  adamBeta2: 0.99,
  epsilon: 1e-7,
  miniBatchSize: 128,
  learningRateDecay: 'step',
  decayRate: 0.5,
  seed: 2147483647,
  steps: 5000,
  // The labs' links don't carry the playground's speed, so here it stays the default (a lab's round
  // trip keeps it); the playground's own test changes it (urlHash.test.ts).
  speed: 300,
  backend: 'wasm',
  scale: 'linear',
  lrMin: 0.001,
  lrMax: 0.5,
  samples: 64,
};

/** Each field of `changed` but those in `skip` differs from `defaults` (a test of every key needs it). */
export function expectEveryFieldChanged(
  changed: Experiment,
  defaults: Experiment,
  skip: readonly string[] = [],
): void {
  for (const k of Object.keys(changed) as (keyof Experiment)[]) {
    // The playground's speed is no lab's key: it is checked only where a test changed it itself.
    if (k === 'speed' && changed.speed === EVERY_FIELD_CHANGED.speed) continue;
    if (!skip.includes(k)) expect(changed[k], k).not.toEqual(defaults[k]);
  }
}
