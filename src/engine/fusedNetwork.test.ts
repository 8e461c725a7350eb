// The whole-network kernel (fusedNetwork.ts) against tfjs's separate kernels, on both backends that
// run in Node: one pass's costs, gradients and batch statistics agree to float32 rounding (the products
// sum in another order, so not bit for bit); a model trained alone and the same model trained inside a
// population hold the same numbers bit for bit (the route and the arithmetic never depend on N); the
// kernel really runs, in place of the per-layer kernels; and nothing is left behind.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activation, ModelSpec } from '../core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf, type Experiment, modelSpecOf } from '../core/experiment';
import { createRng } from '../core/rng';
import { costAndGradients } from './backprop';
import { FUSED_NETWORK, networkFusable, setNetworkFusion } from './fusedNetwork';
import { type ModelState, type NetworkShape, paramLayout } from './modelState';
import { prepareData } from './preparedData';
import { NODE_BACKENDS } from './testBackend';
import { randomParams, randomTargets, randomTensor } from './testTensors';
import { tf } from './tf';
import { Trainer } from './trainer';

const digits = new Uint8Array(readFileSync(new URL('../../public/data/digits.bin', import.meta.url)));

afterEach(() => setNetworkFusion(true));

const N = 3;
const BATCH = 9;

const nets: { name: string; net: NetworkShape; activation: Activation }[] = [
  {
    name: 'two classes, tanh',
    net: { inputs: 2, outputs: 1, hidden: [16, 16], batchNorm: [false, false] },
    activation: 'tanh',
  },
  {
    name: 'two classes, relu, batch norm on one layer',
    net: { inputs: 3, outputs: 1, hidden: [6, 5], batchNorm: [true, false] },
    activation: 'relu',
  },
  {
    name: 'ten classes, sigmoid, batch norm everywhere',
    net: { inputs: 64, outputs: 10, hidden: [32, 17, 9], batchNorm: [true, true, true] },
    activation: 'sigmoid',
  },
  {
    name: 'a kept bias before batch norm, linear',
    net: { inputs: 3, outputs: 1, hidden: [4], batchNorm: [true], keepBias: true },
    activation: 'linear',
  },
  {
    name: 'no hidden layer',
    net: { inputs: 4, outputs: 3, hidden: [], batchNorm: [] },
    activation: 'tanh',
  },
];

/** Largest |a − b| over max(1, |b|): float32 rounding in a different summation order stays near 1e-6. */
function relativeGap(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

describe.each(Object.entries(NODE_BACKENDS))('the whole-network kernel on %s', (_, use) => {
  it.each(nets)(
    'should give the separate kernels’ cost, gradients and statistics: $name',
    async ({ net, activation }) => {
      await use();
      const rng = createRng(5);
      const layout = paramLayout(net);
      const params = randomParams(layout, N, rng);
      const x = randomTensor([N, BATCH, net.inputs], rng, 2);
      const y = randomTargets(N, BATCH, net.outputs, rng);
      expect(networkFusable(net, params, x, y)).toBe(true);
      const run = (fused: boolean) => {
        setNetworkFusion(fused);
        const before = tf.memory().numTensors;
        const r = costAndGradients(net, layout, params, x, y, activation, 1e-3);
        const stats = r.batchStats.flatMap((s) => (s ? [s.mean, s.variance] : []));
        const all = [r.cost, ...r.grads, ...stats];
        const values = all.map((t) => t.dataSync() as Float32Array);
        tf.dispose(all);
        return { values, left: tf.memory().numTensors - before };
      };
      const separate = run(false);
      const fused = run(true);
      expect(fused.values.length).toBe(separate.values.length);
      fused.values.forEach((v, i) => {
        expect(v.length).toBe(separate.values[i].length);
        expect(relativeGap(v, separate.values[i])).toBeLessThan(2e-5);
      });
      // The fused route leaves only its outputs, which run() disposed.
      expect(fused.left).toBe(0);
      tf.dispose([...params, x, y]);
    },
  );

  const spiral: Experiment = {
    ...DEFAULT_EXPERIMENT,
    hidden: [16, 16],
    activation: 'tanh',
    optimizer: 'adam',
  };
  const bnDigits: Experiment = {
    ...DEFAULT_EXPERIMENT,
    dataset: 'digits',
    hidden: [32, 32],
    activation: 'sigmoid',
    batchNorm: [true, true],
    optimizer: 'sgd',
    learningRate: 1,
    miniBatchSize: 32,
  };

  async function trainModel(
    experiment: Experiment,
    seeds: number[],
    watch: number,
    extra?: Partial<ModelSpec>,
  ): Promise<{ state: ModelState; kernels: string[] }> {
    const data = prepareData(dataConfigOf(experiment), experiment.dataset === 'digits' ? digits : undefined);
    const base = { ...modelSpecOf(experiment), ...extra };
    // Each seed its own learning rate, so the neighbours differ from the watched model in more than data.
    const rate = (seed: number) => base.hyper.learningRate * (seed === 7 ? 1 : 1 + seed / 10);
    const specs = seeds.map((seed) => ({
      ...base,
      seed,
      hyper: { ...base.hyper, learningRate: rate(seed) },
    }));
    const trainer = new Trainer(data, specs, { maxSteps: 100, evalEvery: 1000 });
    for (let s = 0; s < 20; s++) trainer.step();
    await trainer.collect();
    const info = await tf.profile(() => {
      trainer.step();
    });
    const state = trainer.snapshot(watch);
    trainer.dispose();
    return { state, kernels: info.kernels.map((k) => k.name) };
  }

  it.each([
    ['spiral, tanh, Adam', spiral],
    ['digits, sigmoid, batch norm, SGD', bnDigits],
  ] as const)(
    'should train a model alone and in a population to the same numbers, bit for bit: %s',
    async (_, e) => {
      await use();
      const before = tf.memory();
      const alone = await trainModel(e, [7], 0);
      // The same model (seed 7) as the middle of three.
      const crowd = await trainModel(e, [3, 7, 9], 1);
      expect(tf.memory().numTensors).toBe(before.numTensors);
      expect(tf.memory().numBytes).toBe(before.numBytes);
      expect(alone.kernels).toContain(FUSED_NETWORK);
      expect(crowd.kernels).toContain(FUSED_NETWORK);
      // In place of the per-layer kernels: none of tfjs's products run in a step.
      expect(crowd.kernels.filter((k) => /MatMul|PlaygroundDense|PlaygroundBatchNorm/.test(k))).toEqual([]);
      const arrays = (s: ModelState) => [...s.params, ...s.v, ...s.s, ...s.runningMean, ...s.runningVariance];
      const a = arrays(alone.state);
      const b = arrays(crowd.state);
      expect(b.length).toBe(a.length);
      a.forEach((values, i) => {
        expect(Array.from(b[i])).toEqual(Array.from(values));
      });
    },
  );
});
