// Optimizers written as update rules over stacked tensors. Every hyperparameter is an [N, 1, 1]
// tensor so each model of a population learns with its own α, β, β1, β2 and ε.
// (tfjs's own MomentumOptimizer leaks a tensor on dispose and ignores setMomentum; these don't.)
import type { OptimizerName } from '../core/config';
import type { Tensor } from './forward';
import { fusedAdam, fusedAdamAvailable } from './fusedAdam';
import { tf } from './tf';

export interface UpdateHyper {
  /** Effective learning rate after decay. */
  learningRate: Tensor;
  momentum: Tensor;
  /** 1 − β, precomputed once per hyperparameter change rather than once per parameter per step. */
  oneMinusMomentum: Tensor;
  adamBeta1: Tensor;
  oneMinusBeta1: Tensor;
  adamBeta2: Tensor;
  oneMinusBeta2: Tensor;
  epsilon: Tensor;
  /**
   * Adam's bias correction folded into two per-model numbers (the usual efficient form):
   * α·v̂/(sqrt(ŝ) + ε) = adamStepSize·v/(sqrt(s) + adamEpsilon), with
   * adamStepSize = α·sqrt(1 − β2^t)/(1 − β1^t) and adamEpsilon = ε·sqrt(1 − β2^t).
   */
  adamStepSize: Tensor;
  adamEpsilon: Tensor;
}

/** The per-model numbers of Adam's folded bias correction at step t. */
export function adamFold(
  learningRate: number,
  adamBeta1: number,
  adamBeta2: number,
  epsilon: number,
  t: number,
): { stepSize: number; epsilon: number } {
  const root = Math.sqrt(1 - adamBeta2 ** t);
  return { stepSize: (learningRate * root) / (1 - adamBeta1 ** t), epsilon: epsilon * root };
}

export interface ParamUpdate {
  param: Tensor;
  v: Tensor;
  s: Tensor;
}

/** The fused kernel takes same-shaped float32 memories and one hyperparameter per model. */
function fusable(param: Tensor, grad: Tensor, v: Tensor, s: Tensor, perModel: Tensor): boolean {
  const n = param.shape[0];
  return (
    [grad, v, s].every((t) => t.size === param.size && t.dtype === 'float32') &&
    param.dtype === 'float32' &&
    perModel.size === n &&
    param.size % n === 0
  );
}

/** One step for one stacked parameter: returns the new parameter and optimizer memories. */
export function applyUpdate(
  optimizer: OptimizerName,
  param: Tensor,
  grad: Tensor,
  v: Tensor,
  s: Tensor,
  h: UpdateHyper,
): ParamUpdate {
  switch (optimizer) {
    case 'sgd':
      // W := W − α·dW
      return { param: tf.sub(param, tf.mul(h.learningRate, grad)), v, s };
    case 'momentum': {
      // v := β·v + (1 − β)·dW;  W := W − α·v
      const vNext = tf.add(tf.mul(h.momentum, v), tf.mul(h.oneMinusMomentum, grad));
      return { param: tf.sub(param, tf.mul(h.learningRate, vNext)), v: vNext, s };
    }
    case 'rmsprop': {
      // s := β2·s + (1 − β2)·dW²;  W := W − α·dW/(sqrt(s) + ε)
      const sNext = tf.add(tf.mul(h.adamBeta2, s), tf.mul(h.oneMinusBeta2, tf.square(grad)));
      const step = tf.div(grad, tf.add(tf.sqrt(sNext), h.epsilon));
      return { param: tf.sub(param, tf.mul(h.learningRate, step)), v, s: sNext };
    }
    case 'adam': {
      // v, s as above with β1, β2; W := W − α·v̂/(sqrt(ŝ) + ε) with v̂ = v/(1 − β1^t), ŝ = s/(1 − β2^t),
      // computed in the folded form (see UpdateHyper.adamStepSize).
      if (fusedAdamAvailable() && fusable(param, grad, v, s, h.adamStepSize))
        return fusedAdam({
          param,
          grad,
          v,
          s,
          stepSize: h.adamStepSize,
          beta1: h.adamBeta1,
          oneMinusBeta1: h.oneMinusBeta1,
          beta2: h.adamBeta2,
          oneMinusBeta2: h.oneMinusBeta2,
          epsilon: h.adamEpsilon,
        });
      const vNext = tf.add(tf.mul(h.adamBeta1, v), tf.mul(h.oneMinusBeta1, grad));
      const sNext = tf.add(tf.mul(h.adamBeta2, s), tf.mul(h.oneMinusBeta2, tf.square(grad)));
      const step = tf.div(vNext, tf.add(tf.sqrt(sNext), h.adamEpsilon));
      return { param: tf.sub(param, tf.mul(h.adamStepSize, step)), v: vNext, s: sNext };
    }
  }
}
