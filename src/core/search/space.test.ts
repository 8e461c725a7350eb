import { describe, expect, it } from 'vitest';
import { hyperparameter } from '../hyperparameters';
import { createRng } from '../rng';
import {
  axisDomain,
  type Dimension,
  defaultSpace,
  draftOf,
  fromAxis,
  HYPERPARAMETERS,
  hyperDef,
  parseBudget,
  parseRow,
  type RowDraft,
  toAxis,
  valueAtUnit,
} from './space';

const lr = hyperDef('learningRate');
const beta = hyperDef('momentum');
const layers = hyperDef('layers');
const batch = hyperDef('miniBatchSize');

function draft(mode: RowDraft['mode'], low: string, high: string, extra: Partial<RowDraft> = {}): RowDraft {
  return { mode, value: '', low, high, choices: '', ...extra };
}

describe('scales', () => {
  it('should keep log samples in range with about 25% per decade over 1e-4..1', () => {
    const d: Dimension = { scale: 'log', low: 1e-4, high: 1 };
    const rng = createRng(11);
    const counts = [0, 0, 0, 0];
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const v = valueAtUnit(d, rng.next());
      expect(v).toBeGreaterThanOrEqual(1e-4);
      expect(v).toBeLessThanOrEqual(1);
      counts[Math.min(3, Math.floor(Math.log10(v) + 4))]++;
    }
    for (const c of counts) expect(c / n).toBeCloseTo(0.25, 1);
  });

  it('should keep 1−β samples in range with half per decade of 1−β over 0.9..0.999', () => {
    const d: Dimension = { scale: 'oneMinusLog', low: 0.9, high: 0.999 };
    const rng = createRng(12);
    const counts = [0, 0];
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const v = valueAtUnit(d, rng.next());
      expect(v).toBeGreaterThanOrEqual(0.9);
      expect(v).toBeLessThanOrEqual(0.999);
      // decade of 1−β: (0.01, 0.1] → 0 (β 0.9..0.99), (0.001, 0.01] → 1 (β 0.99..0.999)
      counts[Math.min(1, Math.floor(-Math.log10(1 - v) - 1))]++;
    }
    for (const c of counts) expect(c / n).toBeCloseTo(0.5, 1);
  });

  it('should map axis coordinates back to values', () => {
    const dims: Dimension[] = [
      { scale: 'log', low: 1e-4, high: 1 },
      { scale: 'oneMinusLog', low: 0.9, high: 0.999 },
      { scale: 'linear', low: 0, high: 1 },
      { scale: 'int', low: 2, high: 4 },
    ];
    for (const d of dims) {
      if (d.scale === 'fixed' || d.scale === 'choice') continue;
      for (const v of [d.low, d.high]) expect(fromAxis(d, toAxis(d, v))).toBeCloseTo(v, 10);
    }
    const [a, b] = axisDomain({ scale: 'oneMinusLog', low: 0.9, high: 0.999 });
    expect(a).toBeCloseTo(1, 10);
    expect(b).toBeCloseTo(3, 10);
    expect(toAxis({ scale: 'choice', choices: [16, 32, 64] }, 64)).toBe(2);
  });

  it('should sample every whole number of a range about equally often', () => {
    const d: Dimension = { scale: 'int', low: 50, high: 100 };
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const v = valueAtUnit(d, rng.next());
      expect(Number.isInteger(v) && v >= 50 && v <= 100).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(51);
  });
});

describe('row validation', () => {
  it('should accept good rows', () => {
    expect(parseRow(lr, draft('log', '0.0001', '1'))).toEqual({
      ok: true,
      dim: { scale: 'log', low: 1e-4, high: 1 },
    });
    expect(parseRow(batch, draft('choice', '', '', { choices: '16, 32,64' }))).toEqual({
      ok: true,
      dim: { scale: 'choice', choices: [16, 32, 64] },
    });
    expect(parseRow(lr, { ...draft('fixed', '', ''), value: '0.01' })).toEqual({
      ok: true,
      dim: { scale: 'fixed', value: 0.01 },
    });
  });

  it('should refuse low ≥ high', () => {
    const r = parseRow(lr, draft('log', '0.1', '0.01'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/must be below high/);
    expect(parseRow(lr, draft('linear', '0.1', '0.1')).ok).toBe(false);
  });

  it('should refuse a log scale with a value ≤ 0', () => {
    const d = hyperDef('decayRate');
    const r = parseRow(d, draft('log', '0', '1'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/log scale needs values above 0/);
  });

  it('should refuse 1−β log with a value ≥ 1', () => {
    const r = parseRow({ ...beta, maxExclusive: false, max: 2 }, draft('oneMinusLog', '0.9', '1'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/below 1/);
    expect(parseRow(beta, draft('oneMinusLog', '0.9', '1')).ok).toBe(false);
  });

  it('should refuse non-integers on a whole-number row', () => {
    const r = parseRow(layers, draft('int', '2', '3.5'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/whole number/);
  });

  it('should refuse an empty choice list', () => {
    const r = parseRow(batch, draft('choice', '', '', { choices: ' , ' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/empty/);
  });

  it('should refuse a budget over the cap', () => {
    expect(parseBudget('25')).toEqual({ ok: true, value: 25 });
    const r = parseBudget('65');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cap of 64/);
    expect(parseBudget('2.5').ok).toBe(false);
  });

  it('should turn a dimension into a draft and back', () => {
    const d: Dimension = { scale: 'oneMinusLog', low: 0.9, high: 0.999 };
    expect(parseRow(beta, draftOf(d, beta))).toEqual({ ok: true, dim: d });
  });
});

describe('rows from the table of hyperparameters', () => {
  it('should take labels, symbols, tiers and fixed values from the table', () => {
    expect(hyperDef('learningRate')).toMatchObject({
      urlKey: 'lr',
      label: 'learning rate α',
      symbol: 'α',
      tier: 1,
    });
    expect(hyperDef('layers')).toMatchObject({ urlKey: 'layers', tier: 3, fixed: 2, max: 8 });
    expect(hyperDef('epsilon')).toMatchObject({ urlKey: 'eps', tier: 4, fixed: 1e-8 });
    expect(hyperDef('miniBatchSize')).toMatchObject({ min: 1, max: 800, fixed: 32 });
  });

  it('should let the decay row be 0 (no decay) and start there, as the playground starts with none', () => {
    const decay = hyperDef('decayRate');
    expect(decay).toMatchObject({ urlKey: 'decay', min: 0, minExclusive: false, max: 10, fixed: 0 });
    expect(parseRow(decay, { ...draft('fixed', '', ''), value: '0' }).ok).toBe(true);
    expect(parseRow(decay, { ...draft('fixed', '', ''), value: '11' }).ok).toBe(false);
  });

  it('should search each row first on the scale the table suggests', () => {
    for (const h of HYPERPARAMETERS) {
      const row = hyperparameter(h.row);
      if (row.scale && row.scale !== 'linear') expect(h.scales[0], h.key).toBe(row.scale);
      expect(parseRow(h, draftOf(h.searched, h)).ok, h.key).toBe(true);
      expect(parseRow(h, { ...draft('fixed', '', ''), value: String(h.fixed) }).ok, h.key).toBe(true);
    }
    expect(defaultSpace().learningRate).toEqual(hyperDef('learningRate').searched);
  });
});
