import { describe, expect, it } from 'vitest';
import { DATASETS, DEFAULT_HYPERPARAMETERS, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from './config';
import { DEFAULT_EXPERIMENT } from './experiment';
import {
  controlLabelOf,
  describeRange,
  HYPERPARAMETER_TABLE,
  hyperparameter,
  inRange,
  MAX_SEED,
  parseInRange,
  rangeOf,
  SETTING_TABLE,
  trainingSetSize,
} from './hyperparameters';

describe('the table of hyperparameters', () => {
  it('should put every default inside its own range', () => {
    for (const row of [...HYPERPARAMETER_TABLE, ...SETTING_TABLE]) {
      expect(inRange(row.range, row.default), row.key).toBe(true);
    }
    for (const dataset of DATASETS) {
      expect(inRange(rangeOf('miniBatchSize', dataset), hyperparameter('miniBatchSize').default)).toBe(true);
    }
  });

  it('should give every row its own key and its own URL key, in each link', () => {
    const keys = [...HYPERPARAMETER_TABLE, ...SETTING_TABLE].map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const urlKeys = HYPERPARAMETER_TABLE.map((r) => r.urlKey);
    expect(new Set(urlKeys).size).toBe(urlKeys.length);
    const searchKeys = HYPERPARAMETER_TABLE.map((r) => r.searchUrlKey ?? r.urlKey);
    expect(new Set(searchKeys).size).toBe(searchKeys.length);
    // Settings of different screens may share a key ("steps": the playground's and a trial's), never
    // with a hyperparameter.
    for (const s of SETTING_TABLE) expect(urlKeys).not.toContain(s.urlKey);
  });

  it('should keep the course’s importance tiers', () => {
    const tiers = Object.fromEntries(HYPERPARAMETER_TABLE.map((r) => [r.key, r.tier]));
    expect(tiers).toEqual({
      learningRate: 1,
      momentum: 2,
      hiddenUnits: 2,
      miniBatchSize: 2,
      hiddenLayers: 3,
      decayRate: 3,
      adamBeta1: 4,
      adamBeta2: 4,
      epsilon: 4,
      // Not in the course's list.
      batchNorm: 0,
    });
    for (const row of HYPERPARAMETER_TABLE) expect([0, 1, 2, 3, 4]).toContain(row.tier);
    // Rows are listed from the most to the least important, unranked rows aside.
    const ranked = HYPERPARAMETER_TABLE.filter((r) => r.tier > 0).map((r) => r.tier);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
  });

  it('should keep a step that fits the range and a symbol for every row', () => {
    for (const row of HYPERPARAMETER_TABLE) {
      expect(row.symbol.length, row.key).toBeGreaterThan(0);
      if (row.range.integer) expect(row.step, row.key).toBe(1);
      if (row.step !== undefined) expect(row.step).toBeGreaterThan(0);
    }
  });

  it('should be where the shared constants and the defaults come from', () => {
    expect(MAX_HIDDEN_LAYERS).toBe(rangeOf('hiddenLayers').max);
    expect(MAX_HIDDEN_UNITS).toBe(rangeOf('hiddenUnits').max);
    expect(DEFAULT_HYPERPARAMETERS.learningRate).toBe(hyperparameter('learningRate').default);
    expect(DEFAULT_HYPERPARAMETERS.epsilon).toBe(hyperparameter('epsilon').default);
    expect(DEFAULT_EXPERIMENT.hidden).toEqual([16, 16]);
    expect(DEFAULT_EXPERIMENT.seed).toBe(1);
    expect(MAX_SEED).toBe(2 ** 31 - 1);
  });

  it('should bound the mini-batch size by the training set of the data', () => {
    expect(trainingSetSize('spiral')).toBe(800);
    expect(trainingSetSize('digits')).toBe(1797 - 359);
    expect(rangeOf('miniBatchSize', 'spiral')).toEqual({ min: 1, max: 800, integer: true });
    expect(rangeOf('miniBatchSize', 'digits').max).toBe(1438);
    expect(rangeOf('miniBatchSize').max).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('ranges', () => {
  it('should honour exclusive ends and whole numbers', () => {
    const beta = rangeOf('momentum');
    expect(inRange(beta, 0)).toBe(true);
    expect(inRange(beta, 0.999)).toBe(true);
    expect(inRange(beta, 1)).toBe(false);
    const eps = rangeOf('epsilon');
    expect(inRange(eps, 0)).toBe(false);
    expect(inRange(eps, 1)).toBe(true);
    expect(inRange(rangeOf('hiddenUnits'), 2.5)).toBe(false);
    expect(inRange(rangeOf('learningRate'), Number.NaN)).toBe(false);
  });

  it('should parse text, refusing an empty value rather than reading it as 0', () => {
    expect(parseInRange(' 0.5 ', rangeOf('noise'))).toBe(0.5);
    expect(parseInRange('', rangeOf('noise'))).toBeUndefined();
    expect(parseInRange('abc', rangeOf('noise'))).toBeUndefined();
  });

  it('should say in words what a range accepts', () => {
    expect(describeRange(rangeOf('miniBatchSize', 'spiral'))).toBe('a whole number from 1 to 800');
    expect(describeRange(rangeOf('momentum'))).toBe('a number from 0 up to (not including) 1');
    expect(describeRange(rangeOf('epsilon'))).toBe('a number above 0, at most 1');
    expect(describeRange(rangeOf('miniBatchSize'))).toBe('a whole number of at least 1');
  });

  it('should name controls as the playground shows them', () => {
    expect(controlLabelOf(hyperparameter('momentum'))).toBe('Momentum β');
    expect(controlLabelOf(hyperparameter('miniBatchSize'))).toBe('Mini-batch size');
    expect(controlLabelOf(hyperparameter('adamBeta2'))).toBe('β2');
  });
});
