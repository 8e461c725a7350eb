import { describe, expect, it } from 'vitest';
import { learningRateColor, logPosition, probabilityColor, viridis } from './colorScale';

describe('logPosition', () => {
  it('should place each decade an equal distance apart', () => {
    expect(logPosition(1e-4, 1e-4, 1)).toBe(0);
    expect(logPosition(1e-2, 1e-4, 1)).toBeCloseTo(0.5);
    expect(logPosition(1, 1e-4, 1)).toBe(1);
  });

  it('should clamp values outside the range', () => {
    expect(logPosition(10, 1e-4, 1)).toBe(1);
    expect(logPosition(1e-9, 1e-4, 1)).toBe(0);
  });
});

describe('viridis', () => {
  it('should run from dark purple to yellow', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
  });

  it('should give distinct colours to the ends of a learning-rate range', () => {
    expect(learningRateColor(1e-4, 1e-4, 1)).not.toBe(learningRateColor(1, 1e-4, 1));
    expect(learningRateColor(1e-4, 1e-4, 1)).toBe('#440154');
  });
});

describe('probabilityColor', () => {
  it('should be symmetric around a pale middle', () => {
    const mid = probabilityColor(0.5);
    expect(Math.min(...mid)).toBeGreaterThan(230);
    expect(probabilityColor(0)[0]).toBeGreaterThan(probabilityColor(0)[2]);
    expect(probabilityColor(1)[2]).toBeGreaterThan(probabilityColor(1)[0]);
  });
});
