// The benchmark's reference engine: a plain TypeScript MLP with no tfjs, trained the way simple
// in-browser playgrounds do it. One model at a time; each mini-batch loops over its examples, running a
// forward and a backward pass per example on arrays of numbers, sums the gradients, then takes one Adam
// step. Binary classification only: tanh (or another activation) hidden layers, a sigmoid output unit
// and binary cross-entropy. It exists to be compared with the tfjs engine, not to be used by the app.
import { createRng, type Rng } from '../src/core/rng';

export type ReferenceActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';

export interface ReferenceOptions {
  inputs: number;
  hidden: number[];
  activation: ReferenceActivation;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  miniBatchSize: number;
  seed: number;
}

function activate(kind: ReferenceActivation, z: number): number {
  switch (kind) {
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(z, 0);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'linear':
      return z;
  }
}

/** Derivative of the activation, from its output a (and input z for relu). */
function derivative(kind: ReferenceActivation, a: number, z: number): number {
  switch (kind) {
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'sigmoid':
      return a * (1 - a);
    case 'linear':
      return 1;
  }
}

export class ReferenceMlp {
  /** Units per layer, inputs first, the single output unit last. */
  readonly sizes: number[];
  /** weights[l][j][i]: from unit i of layer l to unit j of layer l + 1. */
  readonly weights: number[][][];
  readonly biases: number[][];
  private readonly gradW: number[][][];
  private readonly gradB: number[][];
  private readonly mW: number[][][];
  private readonly vW: number[][][];
  private readonly mB: number[][];
  private readonly vB: number[][];
  /** Pre-activations and activations of every layer for the current example (z[0] is unused). */
  private readonly z: number[][];
  private readonly a: number[][];
  private readonly delta: number[][];
  private readonly rng: Rng;
  private order: number[] = [];
  private cursor = 0;
  private t = 0;

  constructor(private readonly options: ReferenceOptions) {
    this.sizes = [options.inputs, ...options.hidden, 1];
    this.rng = createRng(options.seed);
    const layers = this.sizes.length - 1;
    const zeros = (n: number): number[] => new Array<number>(n).fill(0);
    const matrix = (l: number): number[][] =>
      Array.from({ length: this.sizes[l + 1] }, () => zeros(this.sizes[l]));
    this.weights = [];
    this.biases = [];
    this.gradW = [];
    this.gradB = [];
    this.mW = [];
    this.vW = [];
    this.mB = [];
    this.vB = [];
    for (let l = 0; l < layers; l++) {
      // Glorot uniform, as the engine's default initialisation.
      const limit = Math.sqrt(6 / (this.sizes[l] + this.sizes[l + 1]));
      this.weights.push(
        Array.from({ length: this.sizes[l + 1] }, () =>
          Array.from({ length: this.sizes[l] }, () => (2 * this.rng.next() - 1) * limit),
        ),
      );
      this.biases.push(zeros(this.sizes[l + 1]));
      this.gradW.push(matrix(l));
      this.gradB.push(zeros(this.sizes[l + 1]));
      this.mW.push(matrix(l));
      this.vW.push(matrix(l));
      this.mB.push(zeros(this.sizes[l + 1]));
      this.vB.push(zeros(this.sizes[l + 1]));
    }
    this.z = this.sizes.map(zeros);
    this.a = this.sizes.map(zeros);
    this.delta = this.sizes.map(zeros);
  }

  /** Probability of class 1 for one example (leaves the activations of every layer in this.a). */
  forward(x: ArrayLike<number>, offset = 0): number {
    const { sizes, weights, biases, z, a } = this;
    const last = sizes.length - 1;
    for (let i = 0; i < sizes[0]; i++) a[0][i] = x[offset + i];
    for (let l = 1; l <= last; l++) {
      const w = weights[l - 1];
      const b = biases[l - 1];
      const prev = a[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        let sum = b[j];
        const row = w[j];
        for (let i = 0; i < prev.length; i++) sum += row[i] * prev[i];
        z[l][j] = sum;
        a[l][j] = l === last ? 1 / (1 + Math.exp(-sum)) : activate(this.options.activation, sum);
      }
    }
    return a[last][0];
  }

  /** Adds this example's gradients to the sums (after forward() on the same example). */
  private backward(label: number): void {
    const { sizes, weights, z, a, delta, gradW, gradB } = this;
    const last = sizes.length - 1;
    // Sigmoid + binary cross-entropy: dJ/dz of the output is simply a − y.
    delta[last][0] = a[last][0] - label;
    for (let l = last; l >= 1; l--) {
      const prev = a[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        const d = delta[l][j];
        gradB[l - 1][j] += d;
        const g = gradW[l - 1][j];
        for (let i = 0; i < prev.length; i++) g[i] += d * prev[i];
      }
      if (l > 1) {
        for (let i = 0; i < sizes[l - 1]; i++) {
          let sum = 0;
          for (let j = 0; j < sizes[l]; j++) sum += weights[l - 1][j][i] * delta[l][j];
          delta[l - 1][i] = sum * derivative(this.options.activation, a[l - 1][i], z[l - 1][i]);
        }
      }
    }
  }

  private nextBatch(count: number): number[] {
    const batch: number[] = [];
    const size = Math.min(this.options.miniBatchSize, count);
    while (batch.length < size) {
      if (this.cursor >= this.order.length) {
        // A fresh shuffle each epoch (Fisher-Yates).
        this.order = Array.from({ length: count }, (_, i) => i);
        for (let i = count - 1; i > 0; i--) {
          const k = this.rng.int(i + 1);
          [this.order[i], this.order[k]] = [this.order[k], this.order[i]];
        }
        this.cursor = 0;
      }
      batch.push(this.order[this.cursor++]);
    }
    return batch;
  }

  /** One Adam step on the next mini-batch of (x, y); returns the mini-batch's mean cost. */
  step(x: Float32Array, y: Uint8Array): number {
    const { inputs, learningRate, beta1, beta2, epsilon } = this.options;
    const batch = this.nextBatch(y.length);
    for (const g of this.gradW) for (const row of g) row.fill(0);
    for (const g of this.gradB) g.fill(0);
    let cost = 0;
    for (const r of batch) {
      const p = this.forward(x, r * inputs);
      const label = y[r];
      const clipped = Math.min(1 - 1e-7, Math.max(1e-7, p));
      cost -= label * Math.log(clipped) + (1 - label) * Math.log(1 - clipped);
      this.backward(label);
    }
    const n = batch.length;
    this.t++;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const update = (value: number[], grad: number[], m: number[], v: number[]) => {
      for (let i = 0; i < value.length; i++) {
        const g = grad[i] / n;
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        value[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
      }
    };
    for (let l = 0; l < this.weights.length; l++) {
      for (let j = 0; j < this.weights[l].length; j++) {
        update(this.weights[l][j], this.gradW[l][j], this.mW[l][j], this.vW[l][j]);
      }
      update(this.biases[l], this.gradB[l], this.mB[l], this.vB[l]);
    }
    return cost / n;
  }

  /** Mean binary cross-entropy over every row of (x, y). */
  cost(x: Float32Array, y: Uint8Array): number {
    let total = 0;
    for (let r = 0; r < y.length; r++) {
      const p = Math.min(1 - 1e-7, Math.max(1e-7, this.forward(x, r * this.options.inputs)));
      total -= y[r] * Math.log(p) + (1 - y[r]) * Math.log(1 - p);
    }
    return total / Math.max(1, y.length);
  }
}
