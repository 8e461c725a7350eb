import { describe, expect, it } from 'vitest';
import { type Dimension, defaultSpace, toAxis } from './space';
import { regionAround, zoomDimension, zoomSpace } from './zoom';

describe('zoom', () => {
  it('should map a log region back to the α range', () => {
    const d: Dimension = { scale: 'log', low: 1e-4, high: 1 };
    expect(zoomDimension(d, [-3, -1])).toEqual({ scale: 'log', low: 0.001, high: 0.1 });
    expect(zoomDimension(d, [-1, -3])).toEqual({ scale: 'log', low: 0.001, high: 0.1 });
  });

  it('should map a region on −log10(1−β) back to β', () => {
    const d: Dimension = { scale: 'oneMinusLog', low: 0.9, high: 0.999 };
    const z = zoomDimension(d, [2, 3]);
    expect(z).toEqual({ scale: 'oneMinusLog', low: 0.99, high: 0.999 });
    const half = zoomDimension(d, [1.5, 2.5]);
    if (half.scale !== 'oneMinusLog') throw new Error('scale changed');
    expect(1 - half.low).toBeCloseTo(10 ** -1.5, 3);
    expect(1 - half.high).toBeCloseTo(10 ** -2.5, 4);
  });

  it('should map a linear region and clamp it to the old range', () => {
    const d: Dimension = { scale: 'linear', low: 0, high: 1 };
    expect(zoomDimension(d, [0.25, 0.5])).toEqual({ scale: 'linear', low: 0.25, high: 0.5 });
    expect(zoomDimension(d, [-1, 0.5])).toEqual({ scale: 'linear', low: 0, high: 0.5 });
  });

  it('should keep the whole numbers inside an integer region', () => {
    const d: Dimension = { scale: 'int', low: 50, high: 100 };
    expect(zoomDimension(d, [59.5, 80.2])).toEqual({ scale: 'int', low: 60, high: 80 });
    expect(zoomDimension({ scale: 'int', low: 2, high: 4 }, [2.6, 2.9])).toEqual({
      scale: 'int',
      low: 3,
      high: 4,
    });
  });

  it('should keep the choices inside a choice region', () => {
    const d: Dimension = { scale: 'choice', choices: [16, 32, 64, 128] };
    expect(zoomDimension(d, [0.5, 2.4])).toEqual({ scale: 'choice', choices: [32, 64] });
    expect(zoomDimension(d, [2.6, 3.4])).toEqual({ scale: 'fixed', value: 128 });
  });

  it('should narrow only the named dimensions of a space', () => {
    const space = defaultSpace();
    const next = zoomSpace(space, { learningRate: [-2, -1] });
    expect(next.learningRate).toEqual({ scale: 'log', low: 0.01, high: 0.1 });
    expect(next.epsilon).toEqual(space.epsilon);
  });

  it('should build a region around a point inside the domain', () => {
    const space = defaultSpace();
    const r = regionAround(space, { learningRate: toAxis(space.learningRate, 0.5) }, 0.5);
    expect(r.learningRate).toEqual([-2, 0]);
  });
});
