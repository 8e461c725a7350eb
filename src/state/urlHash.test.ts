import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../core/experiment';
import { decodeExperiment, decodeLab, encodeExperiment } from './urlHash';

const modified: Experiment = {
  ...DEFAULT_EXPERIMENT,
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
  backend: 'wasm',
  scale: 'linear',
  lrMin: 0.001,
  lrMax: 0.5,
  samples: 64,
};

describe('urlHash', () => {
  it('should encode the default experiment with the documented keys', () => {
    expect(encodeExperiment(DEFAULT_EXPERIMENT)).toBe(
      'lab=playground&dataset=spiral&noise=0.1&hidden=16,16&activation=tanh&init=glorot&std=0.1&bn=0&norm=1' +
        '&optimizer=adam&lr=0.01&beta=0.9&beta1=0.9&beta2=0.999&eps=1e-8&batch=32&decay=none&decayRate=0.1' +
        '&seed=1&steps=2000&backend=auto&scale=log&lrMin=0.0001&lrMax=1&samples=16',
    );
  });

  it('should round-trip the default experiment', () => {
    expect(decodeExperiment(encodeExperiment(DEFAULT_EXPERIMENT))).toEqual({
      experiment: DEFAULT_EXPERIMENT,
      notices: [],
    });
  });

  it('should round-trip a modified experiment, with or without a leading #', () => {
    const hash = encodeExperiment(modified, 'batchnorm');
    expect(hash).toContain('bn=1,0,1');
    expect(decodeExperiment(hash)).toEqual({ experiment: modified, notices: [] });
    expect(decodeExperiment(`#${hash}`).experiment).toEqual(modified);
    expect(decodeLab(`#${hash}`)).toBe('batchnorm');
  });

  it('should keep the valid parts of a broken link and name each bad field', () => {
    const { experiment, notices } = decodeExperiment('#lr=abc&hidden=16,x&batch=32&seed=7');
    expect(experiment.seed).toBe(7);
    expect(experiment.miniBatchSize).toBe(32);
    expect(experiment.learningRate).toBe(DEFAULT_EXPERIMENT.learningRate);
    expect(experiment.hidden).toEqual(DEFAULT_EXPERIMENT.hidden);
    expect(notices).toHaveLength(2);
    expect(notices).toContain('"lr": "abc" is not a valid learning rate; using 0.01.');
    expect(notices.some((n) => n.startsWith('"hidden": "16,x"'))).toBe(true);
  });

  it('should apply a single bn flag to every layer and read a per-layer list', () => {
    expect(decodeExperiment('hidden=8,8,8&bn=1').experiment.batchNorm).toEqual([true, true, true]);
    expect(decodeExperiment('hidden=8,8,8&bn=0,1,1').experiment.batchNorm).toEqual([false, true, true]);
    expect(decodeExperiment('hidden=8,8,8').experiment.batchNorm).toEqual([false, false, false]);
  });

  it('should fall back with a notice when the bn list does not match the hidden layers', () => {
    const { experiment, notices } = decodeExperiment('hidden=8,8,8&bn=1,0');
    expect(experiment.batchNorm).toEqual([false, false, false]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"bn": "1,0"');
  });

  it('should give the defaults and no notices for an empty hash', () => {
    expect(decodeExperiment('')).toEqual({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    expect(decodeExperiment('#')).toEqual({ experiment: DEFAULT_EXPERIMENT, notices: [] });
    expect(decodeLab('')).toBe('playground');
  });

  it('should ignore unknown keys', () => {
    expect(decodeExperiment('foo=bar&lab=x').notices).toEqual([]);
  });

  it('should reject out-of-range values field by field', () => {
    const { experiment, notices } = decodeExperiment(
      'noise=2&hidden=1,2,3,4,5,6,7,8,9&beta=1&eps=0&batch=4097&seed=-1&steps=1.5&samples=65&std=0&optimizer=nadam&decayRate=0&lr=11',
    );
    expect(experiment).toEqual(DEFAULT_EXPERIMENT);
    expect(notices).toHaveLength(12);
  });

  it('should reset both ends of a reversed learning-rate range with one notice', () => {
    const { experiment, notices } = decodeExperiment('lrMin=0.5&lrMax=0.1&seed=3');
    expect(experiment.lrMin).toBe(DEFAULT_EXPERIMENT.lrMin);
    expect(experiment.lrMax).toBe(DEFAULT_EXPERIMENT.lrMax);
    expect(experiment.seed).toBe(3);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('lrMin');
  });

  it('should not share arrays with the defaults', () => {
    const { experiment } = decodeExperiment('');
    experiment.hidden.push(4);
    experiment.batchNorm.push(true);
    expect(DEFAULT_EXPERIMENT.hidden).toEqual([16, 16]);
    expect(DEFAULT_EXPERIMENT.batchNorm).toEqual([false, false]);
  });
});
