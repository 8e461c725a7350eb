// The fused kernels of a training step (fusedUpdate.ts, fusedDense.ts) against tfjs's separate kernels
// (setFusion(false)): the same population trained both ways must hold the same numbers bit for bit —
// weights, optimizer memories, running averages — for every optimizer and activation, with one model
// frozen part of the way, on both backends that run in Node. And nothing is left behind. The
// whole-network kernel (fusedNetwork.ts, its own test) is off here: it would take every layer's place.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelSpec, OptimizerName } from '../core/config';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import type { ModelState } from './modelState';
import { setFusedAdam } from './fusedAdam';
import { setFusion } from './fusedKernel';
import { setNetworkFusion } from './fusedNetwork';
import { prepareData } from './preparedData';
import { NODE_BACKENDS } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

const digits = new Uint8Array(readFileSync(new URL('../../public/data/digits.bin', import.meta.url)));

beforeEach(() => setNetworkFusion(false));

afterEach(() => {
  setNetworkFusion(true);
  setFusion(true);
  setFusedAdam(true);
});

const cases: [string, Experiment, Partial<ModelSpec>?][] = [
  ['spiral, tanh, Adam', { ...DEFAULT_EXPERIMENT, hidden: [8, 8], activation: 'tanh', optimizer: 'adam' }],
  [
    'spiral, relu, momentum, batch norm on one layer',
    {
      ...DEFAULT_EXPERIMENT,
      hidden: [8, 6],
      activation: 'relu',
      batchNorm: [true, false],
      optimizer: 'momentum',
    },
  ],
  [
    'spiral, linear, RMSprop',
    { ...DEFAULT_EXPERIMENT, hidden: [5], activation: 'linear', batchNorm: [false], optimizer: 'rmsprop' },
  ],
  [
    'digits, sigmoid, batch norm everywhere, SGD',
    {
      ...DEFAULT_EXPERIMENT,
      dataset: 'digits',
      hidden: [20, 12],
      activation: 'sigmoid',
      batchNorm: [true, true],
      optimizer: 'sgd' as OptimizerName,
      miniBatchSize: 30,
    },
  ],
  [
    'spiral, relu, Adam, batch norm with a kept bias',
    { ...DEFAULT_EXPERIMENT, hidden: [6, 6], activation: 'relu', batchNorm: [true, true], optimizer: 'adam' },
    { keepBias: true },
  ],
];

async function train(
  experiment: Experiment,
  extra: Partial<ModelSpec> | undefined,
  fused: boolean,
): Promise<{ states: ModelState[]; costs: number[]; kernels: string[] }> {
  setFusion(fused);
  setFusedAdam(fused);
  const data = prepareData(dataConfigOf(experiment), experiment.dataset === 'digits' ? digits : undefined);
  const base = { ...modelSpecOf(experiment), ...extra };
  const spec = (learningRate: number, seed: number): ModelSpec => ({
    ...base,
    seed,
    hyper: { ...base.hyper, learningRate },
  });
  const trainer = new Trainer(data, [spec(0.01, 1), spec(0.1, 2), spec(0.03, 3)], {
    maxSteps: 100,
    evalEvery: 1000,
  });
  const costs: number[] = [];
  for (let i = 0; i < 12; i++) {
    // Model 1 sits out steps 4–7: the fused kernel must keep a frozen model's numbers as they were.
    if (i === 4) trainer.setModelActive(1, false);
    if (i === 8) trainer.setModelActive(1, true);
    trainer.step();
    const c = await trainer.collect();
    costs.push(...c.train.cost);
  }
  // One more step under the profiler: which kernels ran.
  const info = await tf.profile(() => {
    trainer.step();
  });
  const states = [0, 1, 2].map((m) => trainer.snapshot(m));
  trainer.dispose();
  return { states, costs, kernels: info.kernels.map((k) => k.name) };
}

const arraysOf = (s: ModelState) => [...s.params, ...s.v, ...s.s, ...s.runningMean, ...s.runningVariance];

describe.each(Object.entries(NODE_BACKENDS))('fused step kernels on %s', (_, use) => {
  it.each(cases)(
    'should train %s to the same numbers as the unfused kernels, bit for bit, leaving no tensors',
    async (_, experiment, extra) => {
      await use();
      const before = tf.memory().numTensors;
      const bytes = tf.memory().numBytes;
      const unfused = await train(experiment, extra, false);
      const run = await train(experiment, extra, true);
      // Memory returns to where it started once the runs are disposed: tensors and their bytes.
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.memory().numBytes).toBe(bytes);
      // The fused kernels really ran, each where its layer kind is present.
      expect(run.kernels).toContain('PlaygroundFusedUpdate');
      expect(run.kernels).toContain('PlaygroundDenseBackward');
      expect(run.kernels).toContain('PlaygroundBatchGather');
      const plainLayer = experiment.hidden.some((_, l) => !experiment.batchNorm[l]);
      if (plainLayer && experiment.activation !== 'linear')
        expect(run.kernels).toContain('PlaygroundDenseForward');
      if (experiment.batchNorm.some(Boolean)) expect(run.kernels).toContain('PlaygroundBatchNormForward');
      if (experiment.dataset === 'spiral') expect(run.kernels).toContain('PlaygroundBinaryOutput');
      expect(
        unfused.kernels.some((k) => k.startsWith('Playground') && k !== 'PlaygroundPerModelMatMul'),
      ).toBe(false);
      // Every mini-batch cost along the way, then every number each model holds.
      expect(run.costs.length).toBeGreaterThan(30);
      expect(run.costs).toEqual(unfused.costs);
      unfused.states.forEach((state, m) => {
        const a = arraysOf(state);
        const b = arraysOf(run.states[m]);
        expect(b.length).toBe(a.length);
        a.forEach((values, i) => {
          expect(b[i].length).toBe(values.length);
          expect(Array.from(b[i])).toEqual(Array.from(values));
        });
        expect(run.states[m].step).toBe(state.step);
      });
      expect(run.states[0].step).toBe(13);
    },
  );
});
