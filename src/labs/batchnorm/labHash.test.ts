import { describe, expect, it } from 'vitest';
import { EVERY_FIELD_CHANGED, expectEveryFieldChanged } from '../../state/linkTestHelpers';
import { EXPERIMENT_KEYS } from '../../state/urlHash';
import {
  DEEP_SIGMOID_DIGITS,
  DEFAULT_SWEEP,
  THREE_SIGMOID_DIGITS,
  decodeLabLink,
  encodeLabLink,
  type LabLink,
} from './labHash';

/** A value of every key that is not this lab's default. */
const EVERY_KEY_CHANGED: LabLink = {
  // The lab's own scenario is on the digits.
  experiment: { ...EVERY_FIELD_CHANGED, dataset: 'moons' },
  scenario: 'custom',
  sweep: { lrMin: 0.005, lrMax: 5, count: 6, steps: 250 },
};

describe('the batch-norm lab link', () => {
  it('should open the ready-made scenario when the link names only the lab', () => {
    const link = decodeLabLink('#lab=batchnorm');
    expect(link.scenario).toBe('three-sigmoid-digits');
    expect(link.experiment).toEqual(THREE_SIGMOID_DIGITS);
    expect(link.sweep).toEqual(DEFAULT_SWEEP);
    expect(link.notices).toEqual([]);
  });

  it('should round-trip the experiment, the scenario and the sweep range', () => {
    const original = {
      experiment: {
        ...DEEP_SIGMOID_DIGITS,
        learningRate: 0.3,
        seed: 9,
        batchNorm: DEEP_SIGMOID_DIGITS.hidden.map((_, i) => i % 2 === 0),
      },
      scenario: 'custom' as const,
      sweep: { lrMin: 0.01, lrMax: 3, count: 8, steps: 400 },
    };
    const back = decodeLabLink(encodeLabLink(original));
    expect(back.experiment).toEqual(original.experiment);
    expect(back.scenario).toBe('custom');
    expect(back.sweep).toEqual(original.sweep);
    expect(back.notices).toEqual([]);
  });

  it('should let the link’s own keys override the scenario and keep the rest of it', () => {
    const link = decodeLabLink('#lab=batchnorm&scenario=deep-sigmoid-digits&lr=0.1');
    expect(link.experiment.learningRate).toBe(0.1);
    expect(link.experiment.hidden).toEqual(DEEP_SIGMOID_DIGITS.hidden);
  });

  it('should fall back field by field, naming each bad field', () => {
    const link = decodeLabLink('#lab=batchnorm&scenario=nope&sweep=1,0.1,5,100&lr=0.2');
    expect(link.scenario).toBe('three-sigmoid-digits');
    expect(link.sweep).toEqual(DEFAULT_SWEEP);
    expect(link.experiment.learningRate).toBe(0.2);
    expect(link.notices.some((n) => n.includes('"scenario"'))).toBe(true);
    expect(link.notices.some((n) => n.includes('"sweep"'))).toBe(true);
  });

  it('should round-trip a non-default value of every key', () => {
    const e = EVERY_KEY_CHANGED.experiment;
    expectEveryFieldChanged(e, DEEP_SIGMOID_DIGITS);
    const hash = encodeLabLink(EVERY_KEY_CHANGED);
    expect([...new URLSearchParams(hash).keys()]).toEqual(['lab', ...EXPERIMENT_KEYS, 'scenario', 'sweep']);
    expect(decodeLabLink(hash)).toEqual({ ...EVERY_KEY_CHANGED, notices: [] });
  });

  it('should fall back to this lab’s network, not the playground’s, and say so', () => {
    const link = decodeLabLink('#lab=batchnorm&hidden=abc');
    expect(link.experiment).toEqual(THREE_SIGMOID_DIGITS);
    expect(link.notices).toEqual([
      '"hidden": "abc" is not a valid list of hidden layer sizes (1 to 8 layers of 1 to 256 units); using 32,32,32.',
    ]);
    const deep = decodeLabLink('#lab=batchnorm&scenario=deep-sigmoid-digits&hidden=abc');
    expect(deep.experiment).toEqual(DEEP_SIGMOID_DIGITS);
  });

  it('should fall back field by field to the scenario’s values', () => {
    const link = decodeLabLink('#lab=batchnorm&lr=-1&optimizer=nadam&activation=gelu&batch=5000&seed=3');
    expect(link.experiment).toEqual({ ...THREE_SIGMOID_DIGITS, seed: 3 });
    expect(link.notices).toHaveLength(4);
    expect(link.notices[0]).toMatch(/^"activation": "gelu" .*; using sigmoid\.$/);
    expect(link.notices[1]).toMatch(/^"optimizer": "nadam" .*; using sgd\.$/);
    expect(link.notices[2]).toMatch(/^"lr": "-1" .*; using 1\.$/);
    expect(link.notices[3]).toMatch(/^"batch": "5000" .*1 to 1438: the digits training set\); using 32\.$/);
  });

  it('should keep batch norm on every layer when a link changes the layers but not bn', () => {
    expect(decodeLabLink('#lab=batchnorm&hidden=8,8').experiment.batchNorm).toEqual([true, true]);
    expect(decodeLabLink('#lab=batchnorm&hidden=8,8&bn=0').experiment.batchNorm).toEqual([false, false]);
  });
});
