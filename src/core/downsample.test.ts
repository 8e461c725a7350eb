import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from './downsample';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('downsampleMinMax', () => {
  it('should return short input unchanged as copies', () => {
    const xs = [1, 2, 3];
    const ys = [4, 5, 6];
    const out = downsampleMinMax(xs, ys, 10);
    expect(out).toEqual({ x: xs, y: ys });
    expect(out.x).not.toBe(xs);
  });

  it('should keep a single huge spike', () => {
    const xs = range(10_000);
    const ys = xs.map((i) => (i === 4321 ? 1e6 : Math.sin(i / 100)));
    const out = downsampleMinMax(xs, ys, 200);
    expect(out.y).toContain(1e6);
    expect(out.x[out.y.indexOf(1e6)]).toBe(4321);
  });

  it('should preserve x order and keep the first and last points', () => {
    const xs = range(5000);
    const ys = xs.map((i) => Math.cos(i / 7) * (1 + i / 1000));
    const out = downsampleMinMax(xs, ys, 101);
    for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThan(out.x[i - 1]);
    expect(out.x[0]).toBe(0);
    expect(out.x[out.x.length - 1]).toBe(4999);
  });

  it('should respect the length bound', () => {
    const xs = range(12_345);
    const ys = xs.map(() => Math.random());
    for (const m of [2, 3, 50, 999]) {
      expect(downsampleMinMax(xs, ys, m).x.length).toBeLessThanOrEqual(m + 2);
    }
  });

  it('should skip non-finite values without crashing', () => {
    const xs = range(1000);
    const ys = xs.map((i) => (i % 3 === 0 ? Number.NaN : i === 500 ? Number.POSITIVE_INFINITY : i));
    const out = downsampleMinMax(Float64Array.from(xs), Float32Array.from(ys), 20);
    const interior = out.y.slice(1, -1);
    expect(interior.every((v) => Number.isFinite(v))).toBe(true);
    expect(out.x.length).toBeLessThanOrEqual(22);
  });
});
