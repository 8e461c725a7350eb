import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT, dataConfigOf, modelSpecOf } from '../core/experiment';
import { dataShapeOf } from '../core/runEstimate';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';
import { AUTO_TIMING, sliceKey, timeSlice, timingSlice } from './workloadTiming';

beforeAll(useCpuBackend);

const data = prepareData(dataConfigOf(DEFAULT_EXPERIMENT));
const small = modelSpecOf(DEFAULT_EXPERIMENT);
const wide = modelSpecOf({
  ...DEFAULT_EXPERIMENT,
  hidden: Array(8).fill(256),
  batchNorm: Array(8).fill(true),
  miniBatchSize: 800,
});

describe('timingSlice', () => {
  it('should cut the same slice from the data’s shape as from the prepared data (the page’s verdict key)', () => {
    // The page remembers verdicts by the key of this slice (state/backendMemory.ts), before any data.
    const digits = new Uint8Array(readFileSync(resolve(__dirname, '../../public/data/digits.bin')));
    for (const dataset of ['spiral', 'circles', 'digits'] as const) {
      const config = dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset });
      // A full-batch model: its mini-batch is capped by the training set, which the shape must know.
      const models = [0.01, 0.1].map((lr) =>
        modelSpecOf({ ...DEFAULT_EXPERIMENT, dataset, miniBatchSize: 5000 }, lr),
      );
      const prepared = prepareData(config, dataset === 'digits' ? digits : undefined);
      expect(timingSlice(dataShapeOf(config), models)).toEqual(timingSlice(prepared, models));
    }
  });

  it('should time at most two copies of the largest model, mini-batch capped, α zero', () => {
    const population = [small, ...Array.from({ length: 63 }, (_, i) => ({ ...wide, seed: i }))];
    const slice = timingSlice(data, population);
    expect(slice).toHaveLength(AUTO_TIMING.maxModels);
    for (const m of slice) {
      expect(m.hidden).toEqual(wide.hidden);
      expect(m.hyper.miniBatchSize).toBe(AUTO_TIMING.maxRows);
      expect(m.hyper.learningRate).toBe(0);
    }
  });

  it('should time one model for a run of one, and keep a small mini-batch as it is', () => {
    const slice = timingSlice(data, [small]);
    expect(slice).toHaveLength(1);
    expect(slice[0].hyper.miniBatchSize).toBe(small.hyper.miniBatchSize);
  });

  it('should give the same key to runs with the same slice, whatever their population size', () => {
    const key = (n: number) =>
      sliceKey(
        'spiral',
        timingSlice(
          data,
          Array.from({ length: n }, () => wide),
        ),
      );
    expect(key(64)).toBe(key(8));
    expect(key(64)).not.toBe(sliceKey('spiral', timingSlice(data, [small, small])));
  });
});

describe('timeSlice', () => {
  it('should measure ms per step within its budget and free every tensor', async () => {
    const before = tf.memory().numTensors;
    const limits = { ...AUTO_TIMING, budgetMs: 100 };
    const ms = await timeSlice(data, timingSlice(data, [small, small]), {
      checkpoint: () => undefined,
      limits,
    });
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should stay bounded on a workload far too big to time whole: a few steps of 64 rows', async () => {
    const steps = vi.spyOn(Trainer.prototype, 'step');
    try {
      const population = Array.from({ length: 64 }, () => wide);
      // No warm-up cap here (a busy machine may take seconds a step): the bound on steps is the point.
      await timeSlice(data, timingSlice(data, population), {
        checkpoint: () => undefined,
        limits: { ...AUTO_TIMING, warmUpCapMs: Number.POSITIVE_INFINITY },
      });
      // Two 8×256 models take about a second a step on the CPU backend: the warm-up and one round.
      expect(steps.mock.calls.length).toBeLessThanOrEqual(1 + 10);
      expect(steps.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      steps.mockRestore();
    }
  });

  it('should stop after the warm-up when that alone lost to a faster backend', async () => {
    const steps = vi.spyOn(Trainer.prototype, 'step');
    try {
      const ms = await timeSlice(data, timingSlice(data, [wide]), {
        checkpoint: () => undefined,
        bestSoFarMs: 0.001,
        limits: { ...AUTO_TIMING, budgetMs: 1 },
      });
      expect(steps.mock.calls.length).toBe(1);
      expect(ms).toBeGreaterThan(0);
    } finally {
      steps.mockRestore();
    }
  });

  it('should stop when its checkpoint throws, freeing the slice', async () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    const checkpoint = () => {
      calls++;
      if (calls === 2) throw new Error('cancelled');
    };
    await expect(
      timeSlice(data, [small], { checkpoint, limits: { ...AUTO_TIMING, budgetMs: 10_000 } }),
    ).rejects.toThrow('cancelled');
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should skip a backend whose first step is over the warm-up cap', async () => {
    await expect(
      timeSlice(data, timingSlice(data, [wide]), {
        checkpoint: () => undefined,
        limits: { ...AUTO_TIMING, warmUpCapMs: 0 },
      }),
    ).rejects.toThrow(/too slow here: its first step took \d+ ms/);
  });
});
