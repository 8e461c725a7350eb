import { describe, expect, it } from 'vitest';
import { decodePanda, defaultPandaLink, encodePanda, PANDA_EXPERIMENT } from './pandaHash';

describe('the panda link', () => {
  it('should start with lab=panda, the day length and the teacher, then the starting hyperparameters', () => {
    const link = { ...defaultPandaLink(), dayLength: 120, teacher: 'alpha' };
    const hash = encodePanda(link);
    expect(hash.startsWith('lab=panda&day=120&teacher=alpha&')).toBe(true);
    expect(hash).toContain('lr=0.001');
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
});
