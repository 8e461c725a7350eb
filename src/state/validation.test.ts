import { describe, expect, it } from 'vitest';
import { DATASETS } from '../core/config';
import { MAX_SEED, trainingSetSize } from '../core/hyperparameters';
import { hyperDef, parseRow, type RowDraft, STUDY_DATASET } from '../core/search/space';
import { decodeExperiment } from './urlHash';
import { expectedTrainSize, parseNumber, RULES } from './validation';

const choices = (list: string): RowDraft => ({ mode: 'choice', value: '', low: '', high: '', choices: list });

describe('parseNumber', () => {
  it('should accept a whole number inside the range', () => {
    expect(parseNumber(' 32 ', RULES.miniBatchSize('spiral'))).toEqual({ ok: true, value: 32 });
  });

  it('should say a field is empty', () => {
    const r = parseNumber('', RULES.miniBatchSize('spiral'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Mini-batch size is empty/);
  });

  it('should reject negative, fractional and non-numeric mini-batch sizes with the allowed range', () => {
    for (const text of ['-4', '2.5', 'abc', '0', '801']) {
      const r = parseNumber(text, RULES.miniBatchSize('spiral'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toBe('Mini-batch size must be a whole number from 1 to 800.');
    }
  });

  it('should reject 0 and more than 256 units', () => {
    expect(parseNumber('0', RULES.units(2)).ok).toBe(false);
    expect(parseNumber('257', RULES.units(2)).ok).toBe(false);
    expect(parseNumber('256', RULES.units(2)).ok).toBe(true);
  });

  it('should keep β below 1 and ε above 0', () => {
    expect(parseNumber('1', RULES.adamBeta2).ok).toBe(false);
    expect(parseNumber('0.999', RULES.adamBeta2).ok).toBe(true);
    expect(parseNumber('0', RULES.epsilon).ok).toBe(false);
    expect(parseNumber('1e-8', RULES.epsilon).ok).toBe(true);
  });

  it('should reject a seed that is not an integer', () => {
    expect(parseNumber('1.5', RULES.seed).ok).toBe(false);
    expect(parseNumber('7', RULES.seed)).toEqual({ ok: true, value: 7 });
  });
});

describe('expectedTrainSize', () => {
  it('should leave 80% of the examples for training', () => {
    expect(expectedTrainSize('spiral')).toBe(800);
    expect(expectedTrainSize('digits')).toBe(1797 - 359);
  });
});

describe('one rule per hyperparameter', () => {
  it('should give the mini-batch size one limit in the link, the control and the search space', () => {
    for (const dataset of DATASETS) {
      const max = trainingSetSize(dataset);
      expect(RULES.miniBatchSize(dataset).max, dataset).toBe(max);
      expect(parseNumber(String(max), RULES.miniBatchSize(dataset)).ok).toBe(true);
      expect(parseNumber(String(max + 1), RULES.miniBatchSize(dataset)).ok).toBe(false);
      expect(decodeExperiment(`dataset=${dataset}&batch=${max}`).notices).toEqual([]);
      expect(decodeExperiment(`dataset=${dataset}&batch=${max + 1}`).notices).toHaveLength(1);
    }
    // The search lab trains every trial on one data set: its rows and choice lists use that set's limit.
    const batch = hyperDef('miniBatchSize');
    const max = RULES.miniBatchSize(STUDY_DATASET).max ?? Number.NaN;
    expect(batch.max).toBe(max);
    expect(parseRow(batch, choices(`16,${max}`)).ok).toBe(true);
    expect(parseRow(batch, choices(`16,${max + 1}`)).ok).toBe(false);
    expect(parseRow(batch, choices('0,16')).ok).toBe(false);
  });

  it('should give the seed one maximum in the link, the control and the search lab', () => {
    expect(RULES.seed.max).toBe(MAX_SEED);
    expect(parseNumber(String(MAX_SEED), RULES.seed).ok).toBe(true);
    expect(parseNumber(String(MAX_SEED + 1), RULES.seed).ok).toBe(false);
    expect(decodeExperiment(`seed=${MAX_SEED}`).experiment.seed).toBe(MAX_SEED);
    expect(decodeExperiment(`seed=${MAX_SEED + 1}`).notices).toHaveLength(1);
  });

  it('should take the other controls’ limits from the table', () => {
    for (const [rule, hyper] of [
      [RULES.momentum, 'momentum'],
      [RULES.adamBeta1, 'adamBeta1'],
      [RULES.adamBeta2, 'adamBeta2'],
      [RULES.epsilon, 'epsilon'],
      [RULES.hiddenLayers, 'layers'],
    ] as const) {
      const def = hyperDef(hyper);
      expect({ min: rule.min, max: rule.max }, hyper).toEqual({ min: def.min, max: def.max });
      expect(Boolean(rule.minExclusive)).toBe(Boolean(def.minExclusive));
      expect(Boolean(rule.maxExclusive)).toBe(Boolean(def.maxExclusive));
    }
    expect(RULES.units(1).max).toBe(hyperDef('hiddenUnits').max);
  });
});
