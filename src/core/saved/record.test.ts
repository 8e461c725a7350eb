import { describe, expect, it } from 'vitest';
import { readRecord } from './readRecord';
import { differingSettings, SAVED_VERSION, type SavedRecord, thinCurve } from './record';

function record(over: Partial<SavedRecord> = {}): SavedRecord {
  return {
    id: 'r1',
    version: SAVED_VERSION,
    lab: 'playground',
    name: 'α = 0.01',
    createdAt: '2026-12-01T10:00:00.000Z',
    settings: [
      { key: 'lr', label: 'α', value: '0.01' },
      { key: 'batch', label: 'mini-batch', value: '32' },
    ],
    bestDevCost: 0.2,
    link: 'lab=playground&lr=0.01',
    curves: [
      thinCurve('model 1', {
        trainStep: [1, 2],
        trainCost: [0.7, Number.NaN],
        devStep: [],
        devCost: [],
        devAccuracy: [],
      }),
    ],
    payload: { any: 'thing' },
    ...over,
  };
}

describe('saved records', () => {
  it('should read back a record of this version, NaN costs kept', () => {
    const read = readRecord(structuredClone(record()));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.record.curves[0].trainCost[1]).toBeNaN();
  });

  it('should skip a record from an older version that has no migration, naming it', () => {
    const read = readRecord({ ...record(), version: 0 });
    expect(read).toEqual({
      ok: false,
      notice:
        '“α = 0.01” was saved by an older version of this page (0) that cannot be read any more: skipped.',
    });
  });

  it('should skip a record from a newer version, naming it', () => {
    const read = readRecord({ ...record(), version: SAVED_VERSION + 1 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.notice).toContain('newer version');
  });

  it('should skip a damaged record and say where it is damaged', () => {
    const read = readRecord({ ...record(), lab: 'nowhere' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.notice).toMatch(/^“α = 0.01” is damaged \(lab: /);
  });

  it('should thin a long curve to at most the given points, keeping both ends', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
    const c = thinCurve(
      'x',
      { trainStep: steps, trainCost: steps, devStep: [], devCost: [], devAccuracy: [] },
      100,
    );
    expect(c.trainStep).toHaveLength(100);
    expect(c.trainStep[0]).toBe(1);
    expect(c.trainStep.at(-1)).toBe(1000);
  });

  it('should list only the settings that differ between the compared records', () => {
    const a = record();
    const b = record({ id: 'r2', settings: [{ key: 'lr', label: 'α', value: '0.1' }, a.settings[1]] });
    expect(differingSettings([a, b])).toEqual([{ key: 'lr', label: 'α', values: ['0.01', '0.1'] }]);
  });
});
