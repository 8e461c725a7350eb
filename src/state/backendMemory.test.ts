import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, dataConfigOf, modelSpecOf } from '../core/experiment';
import { dataShapeOf } from '../core/runEstimate';
import { sliceKey, timingSlice } from '../core/timingSlice';
import { BACKEND_MEMORY_KEY, rememberBackend, rememberedBackend, verdictKey } from './backendMemory';

/** An in-memory Storage (Node has none). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const data = dataConfigOf(DEFAULT_EXPERIMENT);
const single = [modelSpecOf(DEFAULT_EXPERIMENT)];

describe('the page’s memory of backend verdicts', () => {
  it('should key a verdict as the worker keys its own: the slice of the data’s shape', () => {
    // engine/workloadTiming.test.ts checks that the shape gives the slice the prepared data gives.
    const models = [0.001, 0.01, 0.1].map((lr) => modelSpecOf(DEFAULT_EXPERIMENT, lr));
    expect(verdictKey(data, models)).toBe(sliceKey(data.dataset, timingSlice(dataShapeOf(data), models)));
  });

  it('should remember a verdict per workload shape, across "reloads" of the same storage', () => {
    const store = memoryStorage();
    expect(rememberedBackend(data, single, store)).toBeUndefined();
    rememberBackend(data, single, 'wasm', store);
    expect(rememberedBackend(data, single, store)).toBe('wasm');
    // α and the seed don't change the shape: same verdict. Wider layers do: none yet.
    expect(rememberedBackend({ ...data, seed: 9 }, [modelSpecOf(DEFAULT_EXPERIMENT, 0.3)], store)).toBe(
      'wasm',
    );
    const wide = [modelSpecOf({ ...DEFAULT_EXPERIMENT, hidden: [128, 128] })];
    expect(rememberedBackend(data, wide, store)).toBeUndefined();
    rememberBackend(data, wide, 'webgl', store);
    expect(rememberedBackend(data, wide, store)).toBe('webgl');
    expect(rememberedBackend(data, single, store)).toBe('wasm');
  });

  it('should ignore what it cannot trust, and keep going when storage throws', () => {
    const store = memoryStorage();
    store.setItem(BACKEND_MEMORY_KEY, 'not json');
    expect(rememberedBackend(data, single, store)).toBeUndefined();
    store.setItem(BACKEND_MEMORY_KEY, JSON.stringify({ [verdictKey(data, single)]: 'gpu9000' }));
    expect(rememberedBackend(data, single, store)).toBeUndefined();
    const throwing = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(() => rememberBackend(data, single, 'cpu', throwing)).not.toThrow();
    expect(rememberedBackend(data, single, throwing)).toBeUndefined();
    // No storage at all (Node, storage switched off): nothing remembered, nothing thrown.
    expect(rememberedBackend(data, single)).toBeUndefined();
    expect(() => rememberBackend(data, single, 'cpu')).not.toThrow();
  });

  it('should keep the newest 32 shapes', () => {
    const store = memoryStorage();
    const shape = (units: number) => [modelSpecOf({ ...DEFAULT_EXPERIMENT, hidden: [units] })];
    for (let units = 1; units <= 40; units++) rememberBackend(data, shape(units), 'cpu', store);
    expect(rememberedBackend(data, shape(8), store)).toBeUndefined();
    expect(rememberedBackend(data, shape(9), store)).toBe('cpu');
    expect(rememberedBackend(data, shape(40), store)).toBe('cpu');
  });
});
