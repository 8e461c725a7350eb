import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormUnit, ewaUpdate, identityParameters } from '../core/batchNormMath';
import type { ModelSpec } from '../core/config';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { forward, type LayerTrace } from './forward';
import { networkShapeOf, paramLayout } from './modelState';
import { prepareData } from './preparedData';
import { type ProgressBatch, RunLoop } from './runLoop';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'spiral',
  hidden: [8, 6],
  batchNorm: [true, false],
  activation: 'sigmoid',
  optimizer: 'sgd',
  learningRate: 0.5,
  miniBatchSize: 16,
};
const data = prepareData(dataConfigOf(experiment));
const spec = (over: Partial<ModelSpec> = {}): ModelSpec => ({ ...modelSpecOf(experiment), ...over });

function trainer(specs: ModelSpec[], steps = 5): Trainer {
  const t = new Trainer(data, specs, { maxSteps: 1000, evalEvery: 1000 });
  for (let i = 0; i < steps; i++) t.step();
  return t;
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
};

describe('keepBias', () => {
  it('should put a bias before bnGamma in the layout only when asked', () => {
    const net = networkShapeOf(spec(), 2, 2);
    expect(paramLayout(net).map((p) => `${p.kind}${p.layer}`)).toEqual([
      'weight0',
      'bnGamma0',
      'bnBeta0',
      'weight1',
      'bias1',
      'weight2',
      'bias2',
    ]);
    const kept = networkShapeOf(spec({ keepBias: true }), 2, 2);
    expect(
      paramLayout(kept)
        .map((p) => `${p.kind}${p.layer}`)
        .slice(0, 4),
    ).toEqual(['weight0', 'bias0', 'bnGamma0', 'bnBeta0']);
  });
});

describe('inspecting batch norm in a training network', () => {
  it('should show step-by-step numbers that agree with the engine forward pass on the same batch', async () => {
    const t = trainer([spec()], 7);
    const r = await t.inspect(0, { layer: 0, unit: 3, batchSeed: 42 });
    expect(r.batchNorm).toBe(true);
    expect(r.z.length).toBe(16);
    const ref = batchNormUnit(Array.from(r.z), r.bnGamma!, r.bnBeta!, r.bnEpsilon);
    expect(r.mean).toBeCloseTo(ref.mean, 5);
    expect(r.variance).toBeCloseTo(ref.variance, 5);
    close(r.zNorm!, ref.zNorm, 1e-4);
    close(r.zTilde, ref.zTilde, 1e-4);
    close(
      r.a,
      ref.zTilde.map((v) => 1 / (1 + Math.exp(-v))),
      1e-5,
    );
    // The same batch again gives the same numbers; another seed another batch.
    const again = await t.inspect(0, { layer: 0, unit: 3, batchSeed: 42 });
    expect(Array.from(again.z)).toEqual(Array.from(r.z));
    const other = await t.inspect(0, { layer: 0, unit: 3, batchSeed: 43 });
    expect(Array.from(other.z)).not.toEqual(Array.from(r.z));
    t.dispose();
  });

  it('should compute the identity (z̃ = z) in the network when γ = sqrt(σ² + ε) and β = μ', async () => {
    const t = trainer([spec()], 3);
    const layer = 0;
    const before = await t.inspect(0, { layer, unit: 0, batchSeed: 7 });
    const state = t.snapshot(0);
    const layout = paramLayout(networkShapeOf(state.spec, data.inputs, data.classes));
    const gammaAt = layout.findIndex((p) => p.layer === layer && p.kind === 'bnGamma');
    const betaAt = layout.findIndex((p) => p.layer === layer && p.kind === 'bnBeta');
    for (let u = 0; u < 8; u++) {
      state.params[gammaAt][u] = Math.sqrt(before.layerVariance[u] + before.bnEpsilon);
      state.params[betaAt][u] = before.layerMean[u];
    }
    t.restore(0, state);
    for (const unit of [0, 5]) {
      const r = await t.inspect(0, { layer, unit, batchSeed: 7 });
      const id = identityParameters(Array.from(r.z), r.bnEpsilon);
      expect(r.bnGamma!).toBeCloseTo(id.bnGamma, 4);
      expect(r.bnBeta!).toBeCloseTo(id.bnBeta, 4);
      close(r.zTilde, r.z, 1e-4);
    }
    t.dispose();
  });

  it('should give a bias kept before batch norm exactly zero gradient, and moving it should not move the outputs', async () => {
    const t = trainer([spec({ keepBias: true })], 5);
    const r = await t.inspect(0, { layer: 0, unit: 0, batchSeed: 3, biasShift: 3 });
    expect(r.hasBias).toBe(true);
    expect(r.weightGradientNorm).toBeGreaterThan(1e-4);
    for (const g of r.biasGradient!) expect(Math.abs(g)).toBeLessThan(1e-6);
    expect(r.outputChange!).toBeLessThan(1e-4);
    // Training leaves it where it started (zero, up to float32 rounding), since its gradient is zero.
    for (const b of r.bias!) expect(Math.abs(b)).toBeLessThan(1e-6);
    // Contrast: the bias of a layer without batch norm does matter.
    const plain = await t.inspect(0, { layer: 1, unit: 0, batchSeed: 3, biasShift: 3 });
    expect(plain.batchNorm).toBe(false);
    expect(Math.max(...plain.biasGradient!.map(Math.abs))).toBeGreaterThan(1e-5);
    expect(plain.outputChange!).toBeGreaterThan(1e-2);
    t.dispose();
  });

  it('should update the running averages by the EWA formula with the batch statistics of the step', async () => {
    const momentum = 0.9;
    const t = trainer([spec({ bnMomentum: momentum })], 4);
    const previous = t.snapshot(0);
    // batchSeed null: the very mini-batch the next step trains on.
    const r = await t.inspect(0, { layer: 0, unit: 0, batchSeed: null });
    t.step();
    const next = t.snapshot(0);
    for (let u = 0; u < 8; u++) {
      expect(next.runningMean[0][u]).toBeCloseTo(
        ewaUpdate(previous.runningMean[0][u], r.layerMean[u], momentum),
        5,
      );
      expect(next.runningVariance[0][u]).toBeCloseTo(
        ewaUpdate(previous.runningVariance[0][u], r.layerVariance[u], momentum),
        5,
      );
    }
    expect(r.runningMean).toBeCloseTo(previous.runningMean[0][0], 6);
    t.dispose();
  });

  it('should give the same outputs in training and evaluation mode once the running statistics equal the batch statistics', async () => {
    const t = trainer([spec({ batchNorm: [true, true] })], 10);
    const early = await t.evaluateModes(0);
    // Running averages still warming up: the two modes disagree.
    expect(Math.abs(early.trainModeCost - early.evalModeCost)).toBeGreaterThan(1e-4);
    const state = t.snapshot(0);
    const net = networkShapeOf(state.spec, data.inputs, data.classes);
    const layout = paramLayout(net);
    const stats = tf.tidy(() => {
      const params = layout.map((p, i) => tf.tensor3d(state.params[i], [1, ...p.shape]));
      const trace: LayerTrace[] = [];
      const xDev = tf.tensor2d(data.xDev, [data.devSize, data.inputs]);
      forward(
        net,
        layout,
        params,
        xDev,
        state.spec.activation,
        state.spec.bnEpsilon,
        { kind: 'train' },
        trace,
      );
      return trace.flatMap((l) => [l.mean!, l.variance!]);
    });
    const values = stats.map((s) => Float32Array.from(s.dataSync()));
    for (const s of stats) s.dispose();
    state.runningMean = [values[0], values[2]];
    state.runningVariance = [values[1], values[3]];
    t.restore(0, state);
    const same = await t.evaluateModes(0);
    expect(Math.abs(same.trainModeCost - same.evalModeCost)).toBeLessThan(1e-5);
    expect(same.trainModeAccuracy).toBe(same.evalModeAccuracy);
    t.dispose();
  });

  it('should measure mini-batch statistics that get less noisy as the batch grows', async () => {
    const t = trainer([spec()], 5);
    const sizes = [8, 64, 512];
    const r = await t.batchStatistics(0, { layer: 0, unit: 1, sizes, batches: 20, seed: 5 });
    expect(r.mean.length).toBe(60);
    const spread = (k: number) => {
      const xs = Array.from(r.mean.subarray(k * 20, (k + 1) * 20));
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
    };
    expect(spread(0)).toBeGreaterThan(spread(1));
    expect(spread(1)).toBeGreaterThan(spread(2));
    for (const v of r.variance) expect(v).toBeGreaterThanOrEqual(0);
    t.dispose();
  });

  it('should describe each layer on the probe batch with ordered percentiles and a full histogram', async () => {
    const t = trainer([spec()], 5);
    const f = await t.probe(0, 200);
    expect(f.hidden).toEqual([8, 6]);
    expect(f.percentiles.length).toBe(2 * 3 * 3);
    for (let k = 0; k < 6; k++) {
      expect(f.percentiles[3 * k]).toBeLessThanOrEqual(f.percentiles[3 * k + 1]);
      expect(f.percentiles[3 * k + 1]).toBeLessThanOrEqual(f.percentiles[3 * k + 2]);
      const h = f.histogram.subarray(k * f.bins, (k + 1) * f.bins);
      expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // Layer 1 has batch norm: γ and β per unit; layer 2 has none (NaN).
    expect(Number.isFinite(f.bnGamma[0])).toBe(true);
    expect(Number.isNaN(f.bnGamma[8])).toBe(true);
    expect(f.evalModeAccuracy).toBeGreaterThanOrEqual(0);
    t.dispose();
  });

  it('should leak no tensor while inspecting, probing and evaluating', async () => {
    const before = tf.memory().numTensors;
    const t = trainer([spec({ keepBias: true }), spec({ batchNorm: [false, false] })], 3);
    await t.inspect(0, { layer: 0, unit: 0, batchSeed: null, biasShift: 1 });
    const during = tf.memory().numTensors;
    await t.inspect(0, { layer: 1, unit: 2, batchSeed: 1, biasShift: 1 });
    await t.inspect(1, { layer: 0, unit: 0, batchSeed: 1 });
    await t.probe(0, 100);
    await t.probe(1, 100);
    await t.evaluateModes(1);
    await t.batchStatistics(0, { layer: 1, unit: 0, sizes: [8, 32], batches: 4, seed: 1 });
    t.step();
    await t.collect();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(during + 1); // + the probe batch, kept for the next frame
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should send probe frames with progress when a run loop is asked for them, and free everything on stop', async () => {
    const before = tf.memory().numTensors;
    const t = new Trainer(data, [spec()], { maxSteps: 30, evalEvery: 10 });
    const batches: ProgressBatch[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const loop = new RunLoop(
      t,
      {
        progress: (b) => batches.push(b),
        status: (s) => {
          if (s === 'finished') finished();
        },
        modelStatus: () => undefined,
        error: (m) => {
          throw new Error(m);
        },
      },
      undefined,
      { model: 0, size: 64, everyMs: 0 },
    );
    loop.resume();
    await done;
    const frames = batches.filter((b) => b.probe);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[frames.length - 1].probe!.frame.step).toBe(30);
    await loop.stop();
    expect(tf.memory().numTensors).toBe(before);
  });
});
