// The gradients of a stacked population's costs, written out by hand. tfjs's tape (engine.gradients)
// gets the same numbers but adds a Reshape, Identity or broadcast Sum around most ops: for the tiny nets
// of this playground, time goes per kernel, not per flop, and the hand-written pass runs about a third
// fewer kernels per step. backprop.test.ts checks it against the tape on every kind of layer.
import type { Activation } from '../core/config';
import { type BatchStats, costPerModel, forwardPass, type LayerCache, paramOf, type Tensor } from './forward';
import { fusedBinaryOutput } from './fusedCost';
import { fusedDenseBackward } from './fusedDense';
import { fusionAvailable } from './fusedKernel';
import { fusedNetworkGradients, networkFusable } from './fusedNetwork';
import type { NetworkShape, ParamInfo } from './modelState';
import { stackedMatMul } from './perModelMatMul';
import { tf } from './tf';

export interface CostAndGradients {
  /** Each model's mean cost on its mini-batch, [N]. */
  cost: Tensor;
  /** d(cost of model k)/d(parameters of model k), one tensor per layout entry, stacked like the parameters. */
  grads: Tensor[];
  /** The batch statistics of each hidden layer (null where batch norm is off), for the running averages. */
  batchStats: (BatchStats | null)[];
}

/** da/dz̃ of the activation, from what the forward pass kept. */
function activationSlope(layer: LayerCache, activation: Activation): Tensor | null {
  switch (activation) {
    case 'tanh':
      return tf.sub(1, tf.square(layer.a));
    case 'sigmoid':
      return tf.mul(layer.a, tf.sub(1, layer.a));
    case 'relu':
      return tf.step(layer.zTilde);
    case 'linear':
      return null;
  }
}

/**
 * Forward pass in training mode, cost per model and its gradients (call inside a tidy). x is
 * [N, batch, inputs]; targets are [N, batch, outputs] (0/1 for two classes, one-hot otherwise).
 */
export function costAndGradients(
  net: NetworkShape,
  layout: ParamInfo[],
  params: Tensor[],
  x: Tensor,
  targets: Tensor,
  activation: Activation,
  bnEpsilon: number,
): CostAndGradients {
  // A small network: the whole pass in one kernel (fusedNetwork.ts).
  if (networkFusable(net, params, x, targets))
    return fusedNetworkGradients(net, layout, params, x, targets, activation, bnEpsilon);
  // Two classes, small enough: the output layer's bias, cost and gradient in one kernel (fusedCost.ts).
  const outBias = paramOf(layout, params, net.hidden.length, 'bias');
  const fuseOutput =
    net.outputs === 1 &&
    targets.rank === 3 &&
    x.rank === 3 &&
    outBias.shape[0] === targets.shape[0] &&
    fusionAvailable(targets.size);
  const pass = forwardPass(net, layout, params, x, activation, bnEpsilon, { kind: 'train' }, !fuseOutput);
  const { batchStats, layers } = pass;
  const batch = x.shape[1] ?? 1;
  const grads: Tensor[] = new Array(layout.length);
  const setGrad = (layer: number, kind: ParamInfo['kind'], grad: Tensor) => {
    grads[layout.findIndex((p) => p.layer === layer && p.kind === kind)] = grad;
  };
  const out = net.hidden.length;
  let dz: Tensor;
  let cost: Tensor;
  if (fuseOutput) {
    const o = fusedBinaryOutput(pass.logits, outBias, targets);
    dz = o.dz;
    cost = o.cost;
    setGrad(out, 'bias', o.bias);
  } else {
    // dJ/dlogits for the mean cost over the batch: (σ(z) − y)/b for sigmoid + binary cross-entropy,
    // (softmax(z) − y)/b for softmax cross-entropy.
    const predicted = net.outputs === 1 ? tf.sigmoid(pass.logits) : tf.softmax(pass.logits);
    dz = tf.mul(tf.sub(predicted, targets), 1 / batch);
    cost = costPerModel(pass.logits, targets, net.outputs);
    setGrad(out, 'bias', tf.sum(dz, 1, true));
  }
  const last = layers[out - 1];
  setGrad(out, 'weight', stackedMatMul(last ? last.a : x, dz, true, false));
  let dA = out > 0 ? stackedMatMul(dz, paramOf(layout, params, out, 'weight'), false, true) : null;

  for (let l = out - 1; l >= 0; l--) {
    const layer = layers[l];
    if (fusionAvailable((dA as Tensor).size) && (dA as Tensor).shape[0] === outBias.shape[0]) {
      // The same numbers as the ops below, in one kernel (fusedDense.ts).
      const bn = net.batchNorm[l];
      const g = fusedDenseBackward({
        dA: dA as Tensor,
        slopeFrom: activation === 'relu' ? layer.zTilde : layer.a,
        activation,
        batchNorm: bn
          ? {
              zNorm: layer.zNorm as Tensor,
              gamma: paramOf(layout, params, l, 'bnGamma'),
              invStd: layer.invStd as Tensor,
              keepBias: net.keepBias ?? false,
            }
          : null,
      });
      dz = g.dz;
      if (g.dBeta) setGrad(l, 'bnBeta', g.dBeta);
      if (g.dGamma) setGrad(l, 'bnGamma', g.dGamma);
      if (g.bias) setGrad(l, 'bias', g.bias);
      setGrad(l, 'weight', stackedMatMul(layer.input, dz, true, false));
      if (l > 0) dA = stackedMatMul(dz, paramOf(layout, params, l, 'weight'), false, true);
      continue;
    }
    const slope = activationSlope(layer, activation);
    // dJ/dz̃ = dJ/da ⊙ da/dz̃
    const dTilde = slope ? tf.mul(dA as Tensor, slope) : (dA as Tensor);
    if (net.batchNorm[l]) {
      const zNorm = layer.zNorm as Tensor;
      const dBeta = tf.sum(dTilde, 1, true);
      const dGamma = tf.sum(tf.mul(dTilde, zNorm), 1, true);
      setGrad(l, 'bnBeta', dBeta);
      setGrad(l, 'bnGamma', dGamma);
      // Through the normalisation, the batch mean and the batch variance together:
      // dJ/dz = γ/σ · (dJ/dz̃ − mean(dJ/dz̃) − z_norm · mean(dJ/dz̃ ⊙ z_norm)).
      const scale = tf.mul(paramOf(layout, params, l, 'bnGamma'), layer.invStd as Tensor);
      const centred = tf.sub(
        tf.sub(dTilde, tf.mul(dBeta, 1 / batch)),
        tf.mul(zNorm, tf.mul(dGamma, 1 / batch)),
      );
      dz = tf.mul(scale, centred);
      // A bias before batch norm: its gradient is the sum of dJ/dz over the batch, zero up to rounding.
      if (net.keepBias) setGrad(l, 'bias', tf.sum(dz, 1, true));
    } else {
      dz = dTilde;
      setGrad(l, 'bias', tf.sum(dz, 1, true));
    }
    setGrad(l, 'weight', stackedMatMul(layer.input, dz, true, false));
    if (l > 0) dA = stackedMatMul(dz, paramOf(layout, params, l, 'weight'), false, true);
  }
  return { cost, grads, batchStats };
}
