import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../config';
import { equalComputeSplit, lowest } from './caviar';
import { changedFields, describeChange, momentumKey } from './changes';
import { SCENARIOS, scenarioByName } from './teacher';

describe('equal compute', () => {
  it('should share the budget of model-steps among the population', () => {
    expect(equalComputeSplit(800, 8)).toEqual({ models: 8, stepsPerModel: 100, spent: 800 });
    expect(equalComputeSplit(810, 8).spent).toBeLessThanOrEqual(810);
  });

  it('should train fewer models when each would get too few steps', () => {
    expect(equalComputeSplit(50, 8, 20)).toEqual({ models: 2, stepsPerModel: 25, spent: 50 });
  });

  it('should find the lowest finite value', () => {
    expect(lowest([0.5, Number.NaN, 0.2])).toBe(0.2);
    expect(lowest([])).toBeNaN();
  });
});

describe('describing a nudge', () => {
  it('should name each changed hyperparameter with its old and new value', () => {
    const h = DEFAULT_HYPERPARAMETERS;
    expect(describeChange(h, { learningRate: 0.1, miniBatchSize: 32 })).toBe('α 0.01 → 0.1');
    expect(describeChange(h, { adamBeta1: 0.95, learningRateDecay: 'inverse' })).toBe(
      'β1 0.9 → 0.95, decay none → inverse',
    );
    expect(describeChange(h, { learningRate: 0.0003 })).toBe('α 0.01 → 3e-4');
    expect(changedFields(h, { learningRate: 0.01, miniBatchSize: 64 })).toEqual({ miniBatchSize: 64 });
  });

  it('should know which field is "momentum" for each optimizer', () => {
    expect(momentumKey('adam')).toBe('adamBeta1');
    expect(momentumKey('momentum')).toBe('momentum');
    expect(momentumKey('sgd')).toBeNull();
  });
});

describe('the teacher', () => {
  it('should tell the story: α raised, raised too far, rolled back to yesterday and lowered', () => {
    const s = scenarioByName('alpha');
    expect(s).toBe(SCENARIOS[0]);
    const rates = s?.beats.flatMap((b) =>
      b.actions.flatMap((a) => (a.kind === 'set' ? [a.hyper.learningRate] : [])),
    );
    expect(rates).toEqual([0.003, 0.03, 1, 0.01]);
    const rollBack = s?.beats[4].actions[0];
    expect(rollBack).toEqual({ kind: 'rollBack', toDay: 3 });
  });
});
