import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { edgeOf, edgeWarnings } from './edges';
import { importance, ranks } from './importance';
import { defaultSpace } from './space';

describe('importance', () => {
  it('should rank a hyperparameter that drives the cost above one that does not', () => {
    const rng = createRng(9);
    const n = 25;
    const alpha: number[] = [];
    const eps: number[] = [];
    const cost: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = -4 + 4 * rng.next();
      const e = -10 + 4 * rng.next();
      alpha.push(a);
      eps.push(e);
      cost.push((a + 2) ** 2 + 0.1 * rng.next());
    }
    const imp = importance({ alpha, eps }, cost);
    expect(imp.alpha).toBeGreaterThan(0.5);
    expect(imp.eps).toBeLessThan(0.3);
    expect(imp.alpha).toBeGreaterThan(imp.eps);
  });

  it('should treat diverged trials (NaN) as the worst', () => {
    expect(ranks([0.3, Number.NaN, 0.1, 0.3])).toEqual([1.5, 3, 0, 1.5]);
  });

  it('should give no importance to a constant cost', () => {
    const imp = importance({ a: [1, 2, 3, 4, 5, 6] }, [1, 1, 1, 1, 1, 1]);
    expect(imp.a).toBe(0);
  });
});

describe('edge warning', () => {
  it('should warn when the best α sits at the top of its range', () => {
    const space = defaultSpace();
    expect(edgeOf(space.learningRate, -0.1)).toBe('high');
    expect(edgeOf(space.learningRate, -2)).toBeNull();
    const w = edgeWarnings(space, { learningRate: -0.1 });
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/upward/);
  });
});
