import { describe, expect, it } from 'vitest';
import { ratioOutcome } from './bnScenes';

describe('ratioOutcome', () => {
  it('should judge the measured ratio and state both α', () => {
    const o = ratioOutcome({ raw: 0.01, normalized: 1 });
    expect(o?.choice).toBe('many');
    expect(o?.detail).toMatch(/100×/);
  });
  it('should support no choice when a bowl has no converging α', () => {
    expect(ratioOutcome({ raw: null, normalized: 1 })?.choice).toBeNull();
    expect(ratioOutcome(null)).toBeNull();
  });
});
