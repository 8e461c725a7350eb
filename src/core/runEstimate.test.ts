import { describe, expect, it } from 'vitest';
import type { ModelSpec } from './config';
import { DEFAULT_EXPERIMENT, dataConfigOf, modelSpecOf } from './experiment';
import {
  type DataShape,
  dataShapeOf,
  describePopulation,
  estimateRun,
  formatBytes,
  overBudgetMessage,
  PAGE_MEMORY_BUDGET_BYTES,
  parameterCount,
} from './runEstimate';
import { testModelSpec } from './testModelSpec';

const digits: DataShape = dataShapeOf({ ...dataConfigOf(DEFAULT_EXPERIMENT), dataset: 'digits' });
const spiral: DataShape = dataShapeOf(dataConfigOf(DEFAULT_EXPERIMENT));

const model = (over: Partial<ModelSpec> = {}, miniBatchSize = 32) =>
  testModelSpec({ ...over, miniBatchSize });

const times = (n: number, spec: ModelSpec) => Array.from({ length: n }, (_, i) => ({ ...spec, seed: i + 1 }));

/** The issue's population: 64 models of 8 hidden layers × 256 units with batch norm, mini-batch 1438, Adam. */
const issuePopulation = times(
  64,
  model({ hidden: Array(8).fill(256), batchNorm: Array(8).fill(true) }, 1438),
);

describe('dataShapeOf', () => {
  it('should split the digits as the worker does (1797 examples, a fifth for dev)', () => {
    expect(digits).toEqual({ trainSize: 1438, devSize: 359, inputs: 64, classes: 10 });
  });

  it('should give a toy set two inputs and two classes', () => {
    expect(spiral).toEqual({ trainSize: 800, devSize: 200, inputs: 2, classes: 2 });
  });
});

describe('parameterCount', () => {
  it('should count weights and biases of a plain net', () => {
    // 2·16 + 16, 16·16 + 16, 16·1 + 1
    expect(parameterCount(model(), spiral)).toBe(48 + 272 + 17);
  });

  it('should drop the bias before batch norm and add bnGamma and bnBeta', () => {
    const bn = model({ hidden: [16], batchNorm: [true] });
    expect(parameterCount(bn, spiral)).toBe(2 * 16 + 2 * 16 + 16 + 1);
    expect(parameterCount({ ...bn, keepBias: true }, spiral)).toBe(2 * 16 + 3 * 16 + 16 + 1);
  });
});

describe('estimateRun', () => {
  it('should refuse the issue example: 64 models of 8×256 with batch norm, mini-batch 1,438, on the digits', () => {
    const estimate = estimateRun(digits, issuePopulation);
    expect(estimate.peakBytes).toBeGreaterThan(PAGE_MEMORY_BUDGET_BYTES);
    const message = overBudgetMessage(digits, issuePopulation);
    expect(message).toMatch(
      /^64 models of 8×256 with mini-batch 1,438 need ≈ \d+ GB; this page can use ≈ 2 GB: lower the samples, the units or the mini-batch\.$/,
    );
  });

  it('should let the default spiral run and a 64-model spiral population fit', () => {
    const single = [modelSpecOf(DEFAULT_EXPERIMENT)];
    expect(overBudgetMessage(spiral, single, { boundaryResolution: 100 })).toBeNull();
    expect(overBudgetMessage(spiral, times(64, single[0]))).toBeNull();
    expect(estimateRun(spiral, times(64, single[0])).peakBytes).toBeLessThan(64 * 1024 ** 2);
  });

  it('should let one model of the issue shape fit (it is the population that does not)', () => {
    expect(overBudgetMessage(digits, issuePopulation.slice(0, 1))).toBeNull();
  });

  it('should grow with every size a learner controls', () => {
    const base = estimateRun(digits, times(8, model({ hidden: [64, 64] }, 64))).peakBytes;
    expect(estimateRun(digits, times(16, model({ hidden: [64, 64] }, 64))).peakBytes).toBeGreaterThan(base);
    expect(estimateRun(digits, times(8, model({ hidden: [128, 64] }, 64))).peakBytes).toBeGreaterThan(base);
    expect(estimateRun(digits, times(8, model({ hidden: [64, 64, 64] }, 64))).peakBytes).toBeGreaterThan(
      base,
    );
    expect(estimateRun(digits, times(8, model({ hidden: [64, 64] }, 128))).peakBytes).toBeGreaterThan(base);
  });

  it('should count a mini-batch larger than the training set as the whole set', () => {
    const whole = estimateRun(spiral, [model({}, 800)]);
    expect(estimateRun(spiral, [model({}, 4096)])).toEqual(whole);
  });

  it('should rank the optimizers by the memories and temporaries they keep', () => {
    const bytes = (optimizer: ModelSpec['optimizer']) =>
      estimateRun(digits, times(8, model({ hidden: [256, 256], optimizer }))).peakBytes;
    expect(bytes('sgd')).toBeLessThan(bytes('momentum'));
    expect(bytes('momentum')).toBeLessThan(bytes('rmsprop'));
    expect(bytes('rmsprop')).toBeLessThan(bytes('adam'));
  });

  it('should count the flops of the products: about 6·rows·weights per model and step', () => {
    const spec = model({ hidden: [100] }, 50);
    const weights = 64 * 100 + 100 * 10;
    const { flopsPerStep } = estimateRun(digits, times(4, spec));
    expect(flopsPerStep).toBeGreaterThan(4 * 6 * 50 * weights);
    expect(flopsPerStep).toBeLessThan(4 * 6 * 50 * weights * 1.5);
  });
});

describe('overBudgetMessage', () => {
  it('should describe a single model in the singular, without "the samples"', () => {
    const huge = [model({ hidden: Array(8).fill(256), batchNorm: Array(8).fill(true) }, 1438)];
    expect(overBudgetMessage(digits, huge, {}, 10 * 1024 ** 2)).toMatch(
      /^1 model of 8×256 with mini-batch 1,438 needs ≈ \d+ MB; this page can use ≈ 10 MB: lower the units or the mini-batch\.$/,
    );
  });

  it('should summarise a mixed population by its largest model', () => {
    const mixed = [model({ hidden: [16, 16] }, 32), model({ hidden: [100, 50] }, 128)];
    expect(describePopulation(spiral, mixed)).toBe('2 models of up to 100-50 with mini-batches up to 128');
  });
});

describe('formatBytes', () => {
  it('should round like a learner reads it', () => {
    expect(formatBytes(PAGE_MEMORY_BUDGET_BYTES)).toBe('≈ 2 GB');
    expect(formatBytes(2.44 * 1024 ** 3)).toBe('≈ 2.4 GB');
    expect(formatBytes(15.6 * 1024 ** 3)).toBe('≈ 16 GB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('≈ 300 MB');
  });
});
