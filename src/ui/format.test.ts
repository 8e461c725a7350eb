import { describe, expect, it } from 'vitest';
import { formatCost, formatExponent, formatPercent, formatRate, learningRateFromExponent } from './format';

describe('format', () => {
  it('should write learning rates with three significant digits', () => {
    expect(formatRate(0.01)).toBe('0.01');
    expect(formatRate(0.0123456)).toBe('0.0123');
    expect(formatRate(0.00005)).toBe('5e-5');
  });

  it('should name a diverged cost', () => {
    expect(formatCost(Number.NaN)).toBe('NaN');
    expect(formatCost(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatCost(1.234567)).toBe('1.235');
  });

  it('should write accuracy as a percentage', () => {
    expect(formatPercent(0.9876)).toBe('98.8%');
  });

  it('should write exponents with a real minus sign', () => {
    expect(formatExponent(-4)).toBe('−4');
    expect(formatExponent(-2.523)).toBe('−2.52');
  });

  it('should round a slider position to a tidy learning rate', () => {
    expect(learningRateFromExponent(-2)).toBe(0.01);
    expect(learningRateFromExponent(-2.5)).toBe(0.00316);
  });
});
