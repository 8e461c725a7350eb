import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type Experiment } from '../core/experiment';
import { EVERY_FIELD_CHANGED, expectEveryFieldChanged } from './linkTestHelpers';
import {
  decodeExperiment,
  decodeLab,
  decodeLink,
  encodeExperiment,
  encodeLink,
  PLAYGROUND_KEYS,
} from './urlHash';

// The playground's link carries its speed too (the labs' links don't).
const modified: Experiment = { ...EVERY_FIELD_CHANGED, speed: 30 };

describe('urlHash', () => {
  it('should encode the default experiment with the documented keys', () => {
    expect(encodeExperiment(DEFAULT_EXPERIMENT)).toBe(
      'lab=playground&dataset=spiral&noise=0.1&hidden=16,16&activation=tanh&init=glorot&std=0.1&bn=0&norm=1' +
        '&optimizer=adam&lr=0.01&beta=0.9&beta1=0.9&beta2=0.999&eps=1e-8&batch=32&decay=none&decayRate=0.1' +
        '&seed=1&steps=3000&backend=auto&scale=log&lrMin=0.0001&lrMax=1&samples=16&speed=300',
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
    expect(notices).toContain(
      '"lr": "abc" is not a valid learning rate α (a number above 0, at most 10); using 0.01.',
    );
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

  it('should write every key once and read each one back alone', () => {
    const keys = [...new URLSearchParams(encodeExperiment(modified)).keys()];
    expect(keys).toEqual(['lab', ...PLAYGROUND_KEYS]);
    // Every field of `modified` differs from the default, so each key is tried with a value of its own.
    expectEveryFieldChanged(modified, DEFAULT_EXPERIMENT);
    const params = new URLSearchParams(encodeExperiment(modified));
    for (const key of PLAYGROUND_KEYS) {
      // hidden and bn go together (a per-layer bn list needs its layers); so do lrMin and lrMax's order.
      const alone = new URLSearchParams([[key, params.get(key) ?? '']]);
      if (key === 'bn') alone.set('hidden', params.get('hidden') ?? '');
      const { notices } = decodeExperiment(alone.toString());
      expect(notices, key).toEqual([]);
    }
  });

  it('should check the mini-batch size against the training set of the decoded data set', () => {
    expect(decodeExperiment('batch=800').experiment.miniBatchSize).toBe(800);
    const spiral = decodeExperiment('batch=801');
    expect(spiral.experiment.miniBatchSize).toBe(32);
    expect(spiral.notices).toEqual([
      '"batch": "801" is not a valid mini-batch size (a whole number from 1 to 800: the spiral training set); using 32.',
    ]);
    // The key order of a link does not matter: the data set is read first.
    expect(decodeExperiment('batch=1438&dataset=digits').experiment.miniBatchSize).toBe(1438);
    expect(decodeExperiment('dataset=digits&batch=1439').notices[0]).toMatch(/from 1 to 1438: the digits/);
  });

  it('should fall back to the defaults it is given, naming them in the notice', () => {
    const labDefaults: Experiment = {
      ...DEFAULT_EXPERIMENT,
      hidden: [8, 8, 8],
      batchNorm: [true, true, true],
      learningRate: 0.5,
      miniBatchSize: 64,
    };
    const { experiment, notices } = decodeLink('lab=x&hidden=abc&lr=0&batch=9999', labDefaults);
    expect(experiment).toEqual(labDefaults);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/^"hidden": "abc" is not a valid .*; using 8,8,8\.$/);
    expect(notices[1]).toMatch(/^"lr": "0" .*; using 0\.5\.$/);
    expect(notices[2]).toMatch(/^"batch": "9999" .*; using 64\.$/);
    // bn left out keeps the defaults' flag, on any number of layers; a bad bn names it.
    expect(decodeLink('hidden=4,4', labDefaults).experiment.batchNorm).toEqual([true, true]);
    expect(decodeLink('bn=2', labDefaults).notices).toEqual([
      '"bn": "2" is not a valid batch-norm setting (0, 1 or one 0/1 per hidden layer, 3 here); using 1.',
    ]);
  });

  it('should neither write nor read the keys a lab omits', () => {
    const omit = ['steps', 'samples'];
    const hash = encodeLink(modified, 'panda', { omit });
    expect(hash).not.toMatch(/(^|&)(steps|samples)=/);
    const { experiment, notices } = decodeLink(`${hash}&steps=abc&samples=3`, DEFAULT_EXPERIMENT, { omit });
    expect(notices).toEqual([]);
    expect(experiment).toEqual({
      ...modified,
      steps: DEFAULT_EXPERIMENT.steps,
      samples: DEFAULT_EXPERIMENT.samples,
      // A lab's link never carries the playground's speed: it keeps the defaults'.
      speed: DEFAULT_EXPERIMENT.speed,
    });
    expect(hash).not.toMatch(/(^|&)speed=/);
  });

  it('should round-trip the playground’s speed, "as fast as it goes" included, and name a bad one', () => {
    for (const speed of [10, 30, 100, 300, 57, null]) {
      const hash = encodeExperiment({ ...DEFAULT_EXPERIMENT, speed });
      expect(hash).toContain(`speed=${speed ?? 'max'}`);
      expect(decodeExperiment(hash)).toEqual({ experiment: { ...DEFAULT_EXPERIMENT, speed }, notices: [] });
    }
    const { experiment, notices } = decodeExperiment('speed=fast');
    expect(experiment.speed).toBe(DEFAULT_EXPERIMENT.speed);
    expect(notices).toEqual([
      '"speed": "fast" is not a valid speed (max for as fast as it goes, or steps per second: a whole number from 1 to 10000); using 300.',
    ]);
    // The labs' codec neither writes nor reads it: their runs go as fast as they go.
    expect(decodeLink('speed=10', DEFAULT_EXPERIMENT).experiment.speed).toBe(DEFAULT_EXPERIMENT.speed);
  });
});
