import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../core/experiment';
import { EVERY_FIELD_CHANGED, expectEveryFieldChanged } from '../../state/linkTestHelpers';
import { EXPERIMENT_KEYS } from '../../state/urlHash';
import { decodePanda, defaultPandaLink, encodePanda, PANDA_EXPERIMENT, type PandaLink } from './pandaHash';

/** The playground keys this lab does not carry (each named as its property). */
const UNUSED: readonly string[] = ['steps', 'scale', 'lrMin', 'lrMax', 'samples'];

/** A value of every key the panda's link carries that is not this lab's default. */
const EVERY_KEY_CHANGED: PandaLink = {
  dayLength: 400,
  teacher: 'alpha',
  experiment: {
    ...EVERY_FIELD_CHANGED,
    // The lab's own network is relu.
    activation: 'sigmoid',
    // The keys it does not carry come back as this lab's defaults.
    ...Object.fromEntries(UNUSED.map((k) => [k, PANDA_EXPERIMENT[k as keyof Experiment]])),
  },
};

describe('the panda link', () => {
  it('should start with lab=panda, the day length and the teacher, then the starting hyperparameters', () => {
    const link = { ...defaultPandaLink(), dayLength: 120, teacher: 'alpha' };
    const hash = encodePanda(link);
    expect(hash.startsWith('lab=panda&day=120&teacher=alpha&')).toBe(true);
    expect(hash).toContain('lr=0.01');
    expect(hash).toContain('seed=1');
    expect(hash).not.toContain('steps=');
    expect(hash).not.toContain('lrMin=');
  });

  it('should round-trip a link', () => {
    const link = defaultPandaLink();
    link.dayLength = 200;
    link.experiment = {
      ...link.experiment,
      learningRate: 0.0003,
      adamBeta1: 0.95,
      miniBatchSize: 64,
      seed: 7,
    };
    const { link: back, notices } = decodePanda(`#${encodePanda(link)}`);
    expect(notices).toEqual([]);
    expect(back).toEqual(link);
  });

  it('should fill keys a link leaves out from this lab’s defaults', () => {
    const { link, notices } = decodePanda('lab=panda&lr=0.02');
    expect(notices).toEqual([]);
    expect(link.experiment).toEqual({ ...PANDA_EXPERIMENT, learningRate: 0.02 });
    expect(link.dayLength).toBe(150);
    expect(link.teacher).toBeNull();
  });

  it('should refuse bad values one key at a time, naming the key', () => {
    const { link, notices } = decodePanda('lab=panda&day=5&teacher=nope&lr=-1&seed=3');
    expect(link.dayLength).toBe(150);
    expect(link.teacher).toBeNull();
    expect(link.experiment.learningRate).toBe(PANDA_EXPERIMENT.learningRate);
    expect(link.experiment.seed).toBe(3);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('"day"');
    expect(notices[1]).toContain('"teacher"');
    expect(notices[2]).toContain('"lr"');
  });

  it('should round-trip a non-default value of every key it carries', () => {
    const e = EVERY_KEY_CHANGED.experiment;
    expectEveryFieldChanged(e, PANDA_EXPERIMENT, UNUSED);
    const hash = encodePanda(EVERY_KEY_CHANGED);
    const carried = EXPERIMENT_KEYS.filter((k) => !UNUSED.includes(k));
    expect([...new URLSearchParams(hash).keys()]).toEqual(['lab', 'day', 'teacher', ...carried]);
    expect(decodePanda(`#${hash}`)).toEqual({ link: EVERY_KEY_CHANGED, notices: [] });
  });

  it('should fall back to this lab’s network and α, naming each fallback', () => {
    const { link, notices } = decodePanda('lab=panda&hidden=abc&lr=0&activation=gelu&batch=801');
    expect(link.experiment).toEqual(PANDA_EXPERIMENT);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^"hidden": "abc" .*; using 32,32\.$/);
    expect(notices[1]).toMatch(/^"activation": "gelu" .*; using relu\.$/);
    expect(notices[2]).toMatch(/^"lr": "0" .*; using 0\.01\.$/);
    expect(notices[3]).toMatch(/^"batch": "801" .*from 1 to 800: the spiral training set\); using 32\.$/);
  });

  it('should ignore the playground keys it does not carry, bad or not', () => {
    const { link, notices } = decodePanda('lab=panda&steps=abc&lrMin=5&samples=3');
    expect(notices).toEqual([]);
    expect(link).toEqual(defaultPandaLink());
  });
});
