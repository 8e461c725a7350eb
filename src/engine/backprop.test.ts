import { beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../core/config';
import { createRng } from '../core/rng';
import { costAndGradients } from './backprop';
import { costPerModel, forward, tanhFromSigmoid } from './forward';
import { type NetworkShape, paramLayout } from './modelState';
import { useCpuBackend } from './testBackend';
import { randomParams, randomTargets, randomTensor } from './testTensors';
import { tf } from './tf';

beforeAll(useCpuBackend);

const N = 3;
const BATCH = 7;

const cases: { name: string; net: NetworkShape; activation: Activation }[] = [
  {
    name: 'two classes, tanh, no batch norm',
    net: { inputs: 2, outputs: 1, hidden: [5, 4], batchNorm: [false, false] },
    activation: 'tanh',
  },
  {
    name: 'two classes, relu, batch norm on the first layer',
    net: { inputs: 3, outputs: 1, hidden: [6, 4], batchNorm: [true, false] },
    activation: 'relu',
  },
  {
    name: 'four classes, sigmoid, batch norm everywhere',
    net: { inputs: 5, outputs: 4, hidden: [6, 5, 4], batchNorm: [true, true, true] },
    activation: 'sigmoid',
  },
  {
    name: 'a kept bias before batch norm, linear',
    net: { inputs: 3, outputs: 1, hidden: [4], batchNorm: [true], keepBias: true },
    activation: 'linear',
  },
  {
    name: 'no hidden layer (logistic regression)',
    net: { inputs: 4, outputs: 1, hidden: [], batchNorm: [] },
    activation: 'tanh',
  },
];

describe('hand-written backpropagation', () => {
  for (const { name, net, activation } of cases) {
    it(`should give tfjs's tape gradients and costs: ${name}`, () => {
      const rng = createRng(11);
      const layout = paramLayout(net);
      const params = randomParams(layout, N, rng);
      const x = randomTensor([N, BATCH, net.inputs], rng, 2);
      const y = randomTargets(N, BATCH, net.outputs, rng);
      const eps = 1e-3;
      const tape = tf
        .engine()
        .gradients(
          () =>
            costPerModel(
              forward(net, layout, params, x, activation, eps, { kind: 'train' }).logits,
              y,
              net.outputs,
            ),
          params,
        );
      const mine = tf.tidy(() => {
        const r = costAndGradients(net, layout, params, x, y, activation, eps);
        return { cost: r.cost, grads: r.grads };
      });
      expect(mine.grads).toHaveLength(layout.length);
      expect(Array.from(mine.cost.dataSync())).toEqual(
        Array.from(tape.value.dataSync()).map((v) => expect.closeTo(v, 5)),
      );
      layout.forEach((p, i) => {
        const expected = tape.grads[i].dataSync();
        const got = mine.grads[i].dataSync();
        expect(mine.grads[i].shape, `${p.kind} ${p.layer}`).toEqual(tape.grads[i].shape);
        const scale = Math.max(1e-3, ...Array.from(expected, Math.abs));
        const worst = Math.max(...Array.from(got, (g, k) => Math.abs(g - expected[k])));
        expect(worst / scale, `${p.kind} of layer ${p.layer}`).toBeLessThan(1e-4);
      });
      tf.dispose([...params, x, y, tape.value, ...tape.grads, mine.cost, ...mine.grads]);
    });
  }

  it('should leave no tensor behind', () => {
    const net: NetworkShape = { inputs: 2, outputs: 3, hidden: [4, 4], batchNorm: [true, false] };
    const layout = paramLayout(net);
    const rng = createRng(5);
    const params = layout.map((p) => randomTensor([N, ...p.shape], rng));
    const x = randomTensor([N, BATCH, 2], rng);
    const y = randomTargets(N, BATCH, 3, rng);
    const before = tf.memory().numTensors;
    const kept = tf.tidy(() => costAndGradients(net, layout, params, x, y, 'relu', 1e-3).grads);
    expect(tf.memory().numTensors).toBe(before + layout.length);
    tf.dispose([...kept, ...params, x, y]);
  });
});

describe('tanh from the sigmoid', () => {
  it('should equal tanh (2σ(2z) − 1) within float32 rounding', () => {
    const z = tf.linspace(-12, 12, 2001);
    const got = tanhFromSigmoid(z).dataSync();
    const expected = tf.tanh(z).dataSync();
    const worst = Math.max(...Array.from(got, (g, k) => Math.abs(g - expected[k])));
    expect(worst).toBeLessThan(1e-6);
    tf.dispose(z);
  });
});
