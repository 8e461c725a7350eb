import { describe, expect, it } from 'vitest';
import { DEEP_SIGMOID_DIGITS, DEFAULT_SWEEP, decodeLabLink, encodeLabLink } from './labHash';

describe('the batch-norm lab link', () => {
  it('should open the ready-made scenario when the link names only the lab', () => {
    const link = decodeLabLink('#lab=batchnorm');
    expect(link.scenario).toBe('deep-sigmoid-digits');
    expect(link.experiment).toEqual(DEEP_SIGMOID_DIGITS);
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
    expect(link.scenario).toBe('deep-sigmoid-digits');
    expect(link.sweep).toEqual(DEFAULT_SWEEP);
    expect(link.experiment.learningRate).toBe(0.2);
    expect(link.notices.some((n) => n.includes('"scenario"'))).toBe(true);
    expect(link.notices.some((n) => n.includes('"sweep"'))).toBe(true);
  });
});
