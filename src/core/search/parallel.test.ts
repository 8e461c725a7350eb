import { describe, expect, it } from 'vitest';
import {
  brushInterval,
  coordAt,
  inBrush,
  nudgeInterval,
  type ParallelAxis,
  parallelAxes,
  parallelRow,
  regionOfBrush,
  selectRows,
  withInterval,
} from './parallel';
import { defaultSpace, fixedValues, type SearchSpace, toAxis } from './space';
import { zoomSpace } from './zoom';

function space(): SearchSpace {
  return {
    ...defaultSpace(),
    learningRate: { scale: 'log', low: 1e-4, high: 1 },
    momentum: { scale: 'oneMinusLog', low: 0.9, high: 0.999 },
    hiddenUnits: { scale: 'int', low: 50, high: 100 },
    miniBatchSize: { scale: 'choice', choices: [16, 32, 64, 128] },
    decayRate: { scale: 'linear', low: 0, high: 1 },
  };
}

function axis(axes: ParallelAxis[], key: string): ParallelAxis {
  const a = axes.find((x) => x.key === key);
  if (!a) throw new Error(`no axis ${key}`);
  return a;
}

/** The fraction of an axis where a coordinate sits. */
function at(a: ParallelAxis, t: number): number {
  return (t - a.lo) / (a.hi - a.lo);
}

describe('parallel coordinates', () => {
  it('should give one axis per searched hyperparameter, in the table order, then dev cost', () => {
    const axes = parallelAxes(space(), [0.3, 0.1, Number.NaN, 0.7]);
    expect(axes.map((a) => a.key)).toEqual([
      'learningRate',
      'momentum',
      'hiddenUnits',
      'miniBatchSize',
      'decayRate',
      'epsilon',
      'devCost',
    ]);
    expect(axis(axes, 'learningRate').domain).toEqual([-4, 0]);
    expect(axis(axes, 'momentum').domain[0]).toBeCloseTo(1);
    expect(axis(axes, 'momentum').domain[1]).toBeCloseTo(3);
    // Choices evenly spaced by index, padded by half a step; whole numbers likewise.
    expect(axis(axes, 'miniBatchSize')).toMatchObject({ lo: -0.5, hi: 3.5, domain: [0, 3], discrete: true });
    expect(axis(axes, 'hiddenUnits')).toMatchObject({ lo: 49.5, hi: 100.5, discrete: true });
    expect(axis(axes, 'devCost').domain).toEqual([0.1, 0.7]);
  });

  it('should map a brush on a log axis back to the α range', () => {
    const s = space();
    const a = axis(parallelAxes(s, []), 'learningRate');
    const interval = brushInterval(a, at(a, -3), at(a, -1));
    expect(interval?.[0]).toBeCloseTo(-3);
    expect(interval?.[1]).toBeCloseTo(-1);
    const next = zoomSpace(s, regionOfBrush({ learningRate: interval ?? [0, 0] }) ?? {});
    expect(next.learningRate).toEqual({ scale: 'log', low: 0.001, high: 0.1 });
  });

  it('should map a brush on the 1−β axis back to β', () => {
    const s = space();
    const a = axis(parallelAxes(s, []), 'momentum');
    // Dragged top to bottom: the order of the ends does not matter.
    const interval = brushInterval(a, at(a, 3), at(a, 2));
    const next = zoomSpace(s, { momentum: interval ?? [0, 0] });
    expect(next.momentum).toEqual({ scale: 'oneMinusLog', low: 0.99, high: 0.999 });
  });

  it('should map a brush on a whole-number axis and on a choice axis', () => {
    const s = space();
    const axes = parallelAxes(s, []);
    const units = axis(axes, 'hiddenUnits');
    const batch = axis(axes, 'miniBatchSize');
    const next = zoomSpace(
      s,
      regionOfBrush({
        hiddenUnits: brushInterval(units, at(units, 59.6), at(units, 80.3)) ?? [0, 0],
        miniBatchSize: brushInterval(batch, at(batch, 0.6), at(batch, 2.2)) ?? [0, 0],
      }) ?? {},
    );
    expect(next.hiddenUnits).toEqual({ scale: 'int', low: 60, high: 80 });
    expect(next.miniBatchSize).toEqual({ scale: 'choice', choices: [32, 64] });
  });

  it('should map a brush on a linear axis, kept inside the searched range', () => {
    const s = space();
    const a = axis(parallelAxes(s, []), 'decayRate');
    expect(brushInterval(a, -0.2, at(a, 0.5))).toEqual([0, 0.5]);
    expect(zoomSpace(s, { decayRate: [0, 0.5] }).decayRate).toEqual({ scale: 'linear', low: 0, high: 0.5 });
    expect(coordAt(a, at(a, 0.25))).toBeCloseTo(0.25);
    expect(brushInterval(a, 0.3, 0.3)).toBeNull();
  });

  it('should select the trials inside every brushed axis, and keep dev cost out of the region', () => {
    const s = space();
    const values = (lr: number, units: number) => ({
      ...fixedValues(s),
      learningRate: lr,
      hiddenUnits: units,
    });
    const rows = [
      parallelRow(1, s, values(0.01, 60), 0.2, false),
      parallelRow(2, s, values(0.01, 90), 0.5, false),
      parallelRow(3, s, values(0.5, 60), 0.3, false),
      parallelRow(4, s, values(0.01, 60), 9, true),
    ];
    expect(selectRows(rows, null)).toBeNull();
    const lr: [number, number] = [toAxis(s.learningRate, 0.001), toAxis(s.learningRate, 0.1)];
    expect([...(selectRows(rows, { learningRate: lr }) ?? [])]).toEqual([1, 2, 4]);
    // Several axes combine: both must hold.
    expect([...(selectRows(rows, { learningRate: lr, hiddenUnits: [55, 70] }) ?? [])]).toEqual([1, 4]);
    // A diverged trial has no dev cost to lie inside a cost brush.
    const brush = {
      learningRate: lr,
      hiddenUnits: [55, 70] as [number, number],
      devCost: [0, 1] as [number, number],
    };
    expect([...(selectRows(rows, brush) ?? [])]).toEqual([1]);
    expect(inBrush(rows[3], { devCost: [0, 100] })).toBe(false);
    expect(regionOfBrush(brush)).toEqual({ learningRate: lr, hiddenUnits: [55, 70] });
    expect(regionOfBrush({ devCost: [0, 1] })).toBeNull();
    expect(withInterval(withInterval(null, 'devCost', [0, 1]), 'devCost', null)).toBeNull();
  });

  it('should move a keyboard brush in steps and keep it inside the axis', () => {
    const a = axis(parallelAxes(space(), []), 'learningRate'); // domain [-4, 0]
    const start = nudgeInterval(a, null, 'ArrowUp');
    expect(start?.[0]).toBeCloseTo(-2.8);
    expect(start?.[1]).toBeCloseTo(-1.2);
    const up = nudgeInterval(a, start, 'ArrowUp');
    expect(up?.[0]).toBeCloseTo(-2.6);
    const wider = nudgeInterval(a, start, 'ArrowUp', true);
    expect(wider?.[0]).toBeCloseTo(-2.8);
    expect(wider?.[1]).toBeCloseTo(-1);
    const top = nudgeInterval(a, start, 'End');
    expect(top?.[0]).toBeCloseTo(-1.6);
    expect(top?.[1]).toBe(0);
    const low = nudgeInterval(a, [-4, -3.9], 'ArrowDown');
    expect(low?.[0]).toBeCloseTo(-4);
    expect(low?.[1]).toBeCloseTo(-3.9);
    expect(nudgeInterval(a, start, 'PageUp')?.[1]).toBeCloseTo(-1);
    expect(nudgeInterval(a, start, 'Escape')).toBeNull();
  });
});
