// One model's whole state as plain arrays: what a snapshot stores and what a stacked group is
// built from. Keeping it on the CPU side makes snapshots, restores and regrouping one code path.
import type { ModelSpec } from '../core/config';
import { createRng, deriveSeed } from '../core/rng';
import { type BatchOrderState, copyBatchOrder, initialBatchOrder } from './batchOrder';

export type ParamKind = 'weight' | 'bias' | 'bnGamma' | 'bnBeta';

export interface ParamInfo {
  kind: ParamKind;
  /** Layer index: 0 .. hidden.length (the last is the output layer). */
  layer: number;
  /** Shape of one model's tensor (the stacked tensor has N in front). */
  shape: [number, number];
}

export interface NetworkShape {
  inputs: number;
  /** 1 for the two-class sets (sigmoid + binary cross-entropy), else the number of classes (softmax). */
  outputs: number;
  hidden: number[];
  batchNorm: boolean[];
  /** Hidden layers with batch norm keep a bias before it (see ModelSpec.keepBias). */
  keepBias?: boolean;
}

/**
 * The trainable tensors in order. A hidden layer with batch norm has no bias: the mean subtraction
 * would cancel it, and bnBeta does its job (unless keepBias asks for one, placed before bnGamma).
 */
export function paramLayout(net: NetworkShape): ParamInfo[] {
  const sizes = [net.inputs, ...net.hidden, net.outputs];
  const layout: ParamInfo[] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    layout.push({ kind: 'weight', layer: l, shape: [fanIn, fanOut] });
    const bn = l < net.hidden.length && net.batchNorm[l];
    if (bn) {
      if (net.keepBias) layout.push({ kind: 'bias', layer: l, shape: [1, fanOut] });
      layout.push({ kind: 'bnGamma', layer: l, shape: [1, fanOut] });
      layout.push({ kind: 'bnBeta', layer: l, shape: [1, fanOut] });
    } else {
      layout.push({ kind: 'bias', layer: l, shape: [1, fanOut] });
    }
  }
  return layout;
}

export interface ModelState {
  spec: ModelSpec;
  /** One array per paramLayout entry. */
  params: Float32Array[];
  /** Optimizer memories per param: v (momentum / Adam's first moment) and s (RMSprop / Adam's second). */
  v: Float32Array[];
  s: Float32Array[];
  /** Running mean and variance per hidden layer (empty arrays where batch norm is off). */
  runningMean: Float32Array[];
  runningVariance: Float32Array[];
  order: BatchOrderState;
  /** Steps taken so far. */
  step: number;
}

export function networkShapeOf(spec: ModelSpec, inputs: number, classes: number): NetworkShape {
  return {
    inputs,
    outputs: classes === 2 ? 1 : classes,
    hidden: [...spec.hidden],
    batchNorm: spec.hidden.map((_, i) => spec.batchNorm[i] ?? false),
    ...(spec.keepBias ? { keepBias: true } : {}),
  };
}

function initialStd(spec: ModelSpec, fanIn: number, fanOut: number): number {
  switch (spec.init) {
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'glorot':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'normal':
      return spec.initStd;
  }
}

/** A fresh model: weights drawn from its own seed, biases and bnBeta 0, bnGamma 1, running variance 1. */
export function initialModelState(spec: ModelSpec, net: NetworkShape, trainSize: number): ModelState {
  const rng = createRng(deriveSeed(spec.seed, 'weights'));
  const layout = paramLayout(net);
  const params = layout.map((p) => {
    const a = new Float32Array(p.shape[0] * p.shape[1]);
    if (p.kind === 'weight') {
      const std = initialStd(spec, p.shape[0], p.shape[1]);
      for (let i = 0; i < a.length; i++) a[i] = rng.normal() * std;
    } else if (p.kind === 'bnGamma') {
      a.fill(1);
    }
    return a;
  });
  const zeros = () => layout.map((p) => new Float32Array(p.shape[0] * p.shape[1]));
  return {
    spec: structuredClone(spec),
    params,
    v: zeros(),
    s: zeros(),
    runningMean: net.hidden.map((units, l) => new Float32Array(net.batchNorm[l] ? units : 0)),
    runningVariance: net.hidden.map((units, l) => new Float32Array(net.batchNorm[l] ? units : 0).fill(1)),
    order: initialBatchOrder(trainSize, spec.seed),
    step: 0,
  };
}

export function copyModelState(m: ModelState): ModelState {
  const copy = (list: Float32Array[]) => list.map((a) => a.slice());
  return {
    spec: structuredClone(m.spec),
    params: copy(m.params),
    v: copy(m.v),
    s: copy(m.s),
    runningMean: copy(m.runningMean),
    runningVariance: copy(m.runningVariance),
    order: copyBatchOrder(m.order),
    step: m.step,
  };
}

/** Models that can share one stacked computation: same shapes, same mini-batch size, same rules. */
export function groupKey(spec: ModelSpec): string {
  return JSON.stringify([
    spec.hidden,
    spec.hidden.map((_, i) => spec.batchNorm[i] ?? false),
    spec.activation,
    spec.optimizer,
    spec.hyper.miniBatchSize,
    spec.bnMomentum,
    spec.bnEpsilon,
    ...(spec.keepBias ? ['keepBias'] : []),
  ]);
}
