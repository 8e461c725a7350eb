// Optimizers written as update rules over stacked tensors. Every hyperparameter is an [N, 1, 1]
// tensor so each model of a population learns with its own α, β, β1, β2 and ε.
// (tfjs's own MomentumOptimizer leaks a tensor on dispose and ignores setMomentum; these don't.)
import type { OptimizerName } from '../core/config';
import type { Tensor } from './forward';
import { tf } from './tf';

export interface UpdateHyper {
  /** Effective learning rate after decay. */
  learningRate: Tensor;
  momentum: Tensor;
  adamBeta1: Tensor;
  adamBeta2: Tensor;
  epsilon: Tensor;
  /** Adam's bias corrections 1/(1 − β1^t) and 1/(1 − β2^t). */
  correction1: Tensor;
  correction2: Tensor;
}

export interface ParamUpdate {
  param: Tensor;
  v: Tensor;
  s: Tensor;
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
      const vNext = tf.add(tf.mul(h.momentum, v), tf.mul(tf.sub(1, h.momentum), grad));
      return { param: tf.sub(param, tf.mul(h.learningRate, vNext)), v: vNext, s };
    }
    case 'rmsprop': {
      // s := β2·s + (1 − β2)·dW²;  W := W − α·dW/(sqrt(s) + ε)
      const sNext = tf.add(tf.mul(h.adamBeta2, s), tf.mul(tf.sub(1, h.adamBeta2), tf.square(grad)));
      const step = tf.div(grad, tf.add(tf.sqrt(sNext), h.epsilon));
      return { param: tf.sub(param, tf.mul(h.learningRate, step)), v, s: sNext };
    }
    case 'adam': {
      // v, s as above with β1, β2; bias-corrected v̂ = v/(1 − β1^t), ŝ = s/(1 − β2^t);  W := W − α·v̂/(sqrt(ŝ) + ε)
      const vNext = tf.add(tf.mul(h.adamBeta1, v), tf.mul(tf.sub(1, h.adamBeta1), grad));
      const sNext = tf.add(tf.mul(h.adamBeta2, s), tf.mul(tf.sub(1, h.adamBeta2), tf.square(grad)));
      const vHat = tf.mul(vNext, h.correction1);
      const sHat = tf.mul(sNext, h.correction2);
      const step = tf.div(vHat, tf.add(tf.sqrt(sHat), h.epsilon));
      return { param: tf.sub(param, tf.mul(h.learningRate, step)), v: vNext, s: sNext };
    }
  }
}
