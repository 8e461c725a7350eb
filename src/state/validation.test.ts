import { describe, expect, it } from 'vitest';
import { expectedTrainSize, parseNumber, RULES } from './validation';

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
