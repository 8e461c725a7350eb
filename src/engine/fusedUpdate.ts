// A group's whole update after its gradients, as one kernel: every parameter's optimizer step (SGD,
// momentum, RMSprop or Adam), the batch-norm running averages, and the frozen models kept as they were.
// Unfused this is 2 kernels per parameter for SGD, a flatten/update/split of ~25 kernels for the others
// (the optimizer memories are one flat [N, 1, total] tensor), 3 kernels per running statistic and a
// `where` per tensor for frozen models: for spiral-mlp 24 kernels, for digits-bn-mlp 40. The loops do
// the float32 operations of updateRules.ts and stackedGroup.ts in the same order (fusedStep.test.ts
// holds them to it bit for bit): updateLoopsJs on cpu, their f32x4 twins (kernels/update.ts, the same
// bits: simd/simdUpdate.test.ts) on wasm, where they win at every size (see FUSED_UPDATE_MAX_ELEMENTS).
import type { OptimizerName } from '../core/config';
import type { Tensor } from './forward';
import { type Backend, registerFused, runFused } from './fusedKernel';
import { heapUpdateLoops } from './simd/simdUpdate';
import { tf } from './tf';
import type { UpdateHyper } from './updateRules';

export const FUSED_UPDATE = 'PlaygroundFusedUpdate';

/** The per-model hyperparameter columns each rule reads, in order. */
const HYPER: Record<OptimizerName, (keyof UpdateHyper)[]> = {
  sgd: ['learningRate'],
  momentum: ['learningRate', 'momentum', 'oneMinusMomentum'],
  rmsprop: ['learningRate', 'adamBeta2', 'oneMinusBeta2', 'epsilon'],
  adam: ['adamStepSize', 'adamBeta1', 'oneMinusBeta1', 'adamBeta2', 'oneMinusBeta2', 'adamEpsilon'],
};

const usesV = (o: OptimizerName) => o === 'momentum' || o === 'adam';
const usesS = (o: OptimizerName) => o === 'rmsprop' || o === 'adam';

export interface UpdateInputs {
  optimizer: OptimizerName;
  /** Stacked parameters [N, …] and their gradients, in layout order. */
  params: Tensor[];
  grads: Tensor[];
  /** The flat optimizer memories [N, 1, Σ sizes] (passed through where the rule has none). */
  v: Tensor;
  s: Tensor;
  hyper: UpdateHyper;
  /** Running averages [N, 1, units] and this step's batch statistics, paired. */
  running: Tensor[];
  stats: Tensor[];
  /** The batch-norm momentum m of running := m·running + (1 − m)·statistic. */
  bnMomentum: number;
  /** [N, 1, 1] 1 for a model that steps, 0 for a frozen one (null: all step). */
  active: Tensor | null;
  /**
   * The fused kernel only: per-model values that change every step (the learning rate after decay,
   * Adam's folded step size and ε), taken as numbers instead of `hyper`'s tensors, and whether each
   * model steps instead of `active`: each of those tensors cost an upload (~4–7 µs on wasm) per step.
   */
  values?: Partial<Record<keyof UpdateHyper, number[]>>;
  activeFlags?: boolean[];
}

export interface UpdateOutputs {
  params: Tensor[];
  v: Tensor;
  s: Tensor;
  running: Tensor[];
}

type Arrays = Float32Array[];

interface Layout {
  optimizer: OptimizerName;
  models: number;
  params: number;
  running: number;
  hasActive: boolean;
  bnMomentum: number;
  /** Hyperparameter columns given as numbers (UpdateInputs.values), by name; the others are inputs. */
  values: Record<string, number[]>;
  /** 1 where the model steps, given as numbers (UpdateInputs.activeFlags), or null. */
  activeValues: number[] | null;
}

type F32 = Float32Array;

/**
 * The per-parameter loops of the update over one model's stretch: `count` floats from offset `i` of
 * the parameter, gradient and output arrays and from `o` of the optimizer memories, hyperparameters
 * the model's float32 values. updateLoopsJs here; on wasm the SIMD twins (simd/simdUpdate.ts,
 * kernels/update.ts), the same numbers bit for bit.
 */
export interface UpdateLoops {
  sgd(param: F32, grad: F32, out: F32, i: number, count: number, lr: number): void;
  momentum(
    param: F32,
    grad: F32,
    v: F32,
    out: F32,
    vOut: F32,
    i: number,
    o: number,
    count: number,
    lr: number,
    beta: number,
    oneMinusBeta: number,
  ): void;
  rmsprop(
    param: F32,
    grad: F32,
    s: F32,
    out: F32,
    sOut: F32,
    i: number,
    o: number,
    count: number,
    lr: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
  ): void;
  adam(
    param: F32,
    grad: F32,
    v: F32,
    s: F32,
    out: F32,
    vOut: F32,
    sOut: F32,
    i: number,
    o: number,
    count: number,
    stepSize: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
  ): void;
  /** running := keep·running + take·statistic. */
  running(running: F32, stat: F32, out: F32, i: number, count: number, keep: number, take: number): void;
}

const f = Math.fround;

/** The update rules as JavaScript: float32 operations (Math.fround after each), updateRules.ts's order. */
export const updateLoopsJs: UpdateLoops = {
  // W := W − α·dW
  sgd(param, grad, out, i, count, lr) {
    for (const end = i + count; i < end; i++) out[i] = f(param[i] - f(lr * grad[i]));
  },
  // v := β·v + (1 − β)·dW;  W := W − α·v
  momentum(param, grad, v, out, vOut, i, o, count, lr, beta, oneMinusBeta) {
    for (const end = i + count; i < end; i++, o++) {
      const vNext = f(f(beta * v[o]) + f(oneMinusBeta * grad[i]));
      vOut[o] = vNext;
      out[i] = f(param[i] - f(lr * vNext));
    }
  },
  // s := β2·s + (1 − β2)·dW²;  W := W − α·dW/(sqrt(s) + ε)
  rmsprop(param, grad, s, out, sOut, i, o, count, lr, beta2, oneMinusBeta2, epsilon) {
    for (const end = i + count; i < end; i++, o++) {
      const g = grad[i];
      const sNext = f(f(beta2 * s[o]) + f(oneMinusBeta2 * f(g * g)));
      sOut[o] = sNext;
      out[i] = f(param[i] - f(lr * f(g / f(f(Math.sqrt(sNext)) + epsilon))));
    }
  },
  // The folded form of updateRules.ts: W := W − a·v/(sqrt(s) + ε').
  adam(param, grad, v, s, out, vOut, sOut, i, o, count, a, b1, c1, b2, c2, e) {
    for (const end = i + count; i < end; i++, o++) {
      const g = grad[i];
      const vNext = f(f(b1 * v[o]) + f(c1 * g));
      const sNext = f(f(b2 * s[o]) + f(c2 * f(g * g)));
      vOut[o] = vNext;
      sOut[o] = sNext;
      out[i] = f(param[i] - f(a * f(vNext / f(f(Math.sqrt(sNext)) + e))));
    }
  },
  running(running, stat, out, i, count, keep, take) {
    for (const end = i + count; i < end; i++) out[i] = f(f(keep * running[i]) + f(take * stat[i]));
  },
};

/** Input order: hyper columns, params, grads, v?, s?, running, stats, active?. */
function update(ins: Arrays, outs: Arrays, k: Layout, loops: UpdateLoops): void {
  const { optimizer, models: n, params: count } = k;
  const hyperCount = HYPER[optimizer].length;
  let at = 0;
  const take = (count: number) => {
    const part = ins.slice(at, at + count);
    at += count;
    return part;
  };
  const hyper = take(hyperCount);
  const params = take(count);
  const grads = take(count);
  const v = usesV(optimizer) ? take(1)[0] : null;
  const s = usesS(optimizer) ? take(1)[0] : null;
  const running = take(k.running);
  const stats = take(k.running);
  const active = k.hasActive ? ins[at] : null;
  const outParams = outs.slice(0, count);
  let o = count;
  const vOut = v ? outs[o++] : null;
  const sOut = s ? outs[o++] : null;
  const outRunning = outs.slice(o, o + k.running);
  const total = v ? v.length / n : s ? s.length / n : 0;
  // running := m·running + (1 − m)·statistic, with both factors float32 as tf.mul(number, t) makes them.
  const keep = f(k.bnMomentum);
  const takeStat = f(1 - k.bnMomentum);

  for (let m = 0; m < n; m++) {
    const steps = active ? active[m] !== 0 : true;
    const h = hyper.map((col) => col[m]);
    let offset = m * total;
    for (let p = 0; p < count; p++) {
      const per = params[p].length / n;
      const start = m * per;
      const param = params[p];
      const grad = grads[p];
      const out = outParams[p];
      if (!steps) {
        out.set(param.subarray(start, start + per), start);
        if (v && vOut) vOut.set(v.subarray(offset, offset + per), offset);
        if (s && sOut) sOut.set(s.subarray(offset, offset + per), offset);
        offset += per;
        continue;
      }
      const vIn = v as F32;
      const sIn = s as F32;
      const vNew = vOut as F32;
      const sNew = sOut as F32;
      // One loop per rule, so the rule is not decided per element.
      switch (optimizer) {
        case 'sgd':
          loops.sgd(param, grad, out, start, per, h[0]);
          break;
        case 'momentum':
          loops.momentum(param, grad, vIn, out, vNew, start, offset, per, h[0], h[1], h[2]);
          break;
        case 'rmsprop':
          loops.rmsprop(param, grad, sIn, out, sNew, start, offset, per, h[0], h[1], h[2], h[3]);
          break;
        case 'adam':
          loops.adam(
            param,
            grad,
            vIn,
            sIn,
            out,
            vNew,
            sNew,
            start,
            offset,
            per,
            h[0],
            h[1],
            h[2],
            h[3],
            h[4],
            h[5],
          );
          break;
      }
      offset += per;
    }
    for (let r = 0; r < k.running; r++) {
      const per = running[r].length / n;
      const start = m * per;
      const out = outRunning[r];
      if (steps) loops.running(running[r], stats[r], out, start, per, keep, takeStat);
      else out.set(running[r].subarray(start, start + per), start);
    }
  }
}

function plan(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) {
  const layout = attrs as unknown as Layout;
  const list = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => inputs[`${prefix}${i}`] as tf.TensorInfo);
  const o = layout.optimizer;
  const params = list('param', layout.params);
  const running = list('running', layout.running);
  const memories = [usesV(o) ? inputs.v : null, usesS(o) ? inputs.s : null].filter(
    (t): t is tf.TensorInfo => t != null,
  );
  // Columns given as numbers become float32 arrays here, as the tensors they replace would hold them.
  const given = (name: string) => layout.values?.[name];
  const hyperTensors = HYPER[o].filter((name) => !given(name)).map((name) => inputs[name] as tf.TensorInfo);
  const fromValues = (values: number[]) => Float32Array.from(values);
  const ins = [
    ...hyperTensors,
    ...params,
    ...list('grad', layout.params),
    ...memories,
    ...running,
    ...list('stat', layout.running),
    ...(layout.hasActive && !layout.activeValues ? [inputs.active as tf.TensorInfo] : []),
  ];
  return {
    inputs: ins,
    outputs: [...params, ...memories, ...running].map((t) => t.shape),
    compute: (i: Arrays, out: Arrays, backend: Backend) => {
      // On wasm every array here is a view of the heap (the numbers-given columns come after).
      const loops = (backend === 'wasm' && heapUpdateLoops([...i, ...out])) || updateLoopsJs;
      let next = 0;
      const hyper = HYPER[o].map((name) => {
        const values = given(name);
        return values ? fromValues(values) : i[next++];
      });
      const rest = i.slice(next);
      if (layout.activeValues) rest.push(fromValues(layout.activeValues));
      update([...hyper, ...rest], out, layout, loops);
    },
  };
}

/** Whether the fused update takes these tensors (float32, one hyperparameter per model). */
export function fusableUpdate(u: UpdateInputs): boolean {
  const n = u.params[0]?.shape[0] ?? 0;
  const all = [...u.params, ...u.grads, u.v, u.s, ...u.running, ...u.stats];
  // The kernel reads hyperparameter column m as model m's value: exactly one float32 per model.
  const hyperOk = HYPER[u.optimizer].every((name) => {
    const values = u.values?.[name];
    if (values) return values.length === n;
    const t = u.hyper[name];
    return t !== undefined && t.dtype === 'float32' && t.size === n;
  });
  return (
    n > 0 &&
    all.every((t) => t.dtype === 'float32' && t.shape[0] === n) &&
    hyperOk &&
    (u.activeFlags === undefined || u.activeFlags.length === n)
  );
}

/** The update in one kernel (fusionAvailable() and fusableUpdate() first). */
export function fusedUpdate(u: UpdateInputs): UpdateOutputs {
  registerFused(FUSED_UPDATE, plan);
  const inputs: tf.NamedTensorMap = {};
  const values: Record<string, number[]> = {};
  for (const name of HYPER[u.optimizer]) {
    const given = u.values?.[name];
    // Rounded to float32 here, as a float32 column tensor would hold them.
    if (given) values[name] = given.map(Math.fround);
    else inputs[name] = u.hyper[name];
  }
  u.params.forEach((t, i) => {
    inputs[`param${i}`] = t;
    inputs[`grad${i}`] = u.grads[i];
  });
  u.running.forEach((t, i) => {
    inputs[`running${i}`] = t;
    inputs[`stat${i}`] = u.stats[i];
  });
  if (usesV(u.optimizer)) inputs.v = u.v;
  if (usesS(u.optimizer)) inputs.s = u.s;
  const flags = u.activeFlags && !u.activeFlags.every(Boolean) ? u.activeFlags.map((a) => (a ? 1 : 0)) : null;
  const active = !flags && u.active ? tf.cast(u.active, 'float32') : null;
  if (active) inputs.active = active;
  const layout: Layout = {
    optimizer: u.optimizer,
    models: u.params[0].shape[0],
    params: u.params.length,
    running: u.running.length,
    hasActive: active != null || flags != null,
    bnMomentum: u.bnMomentum,
    values,
    activeValues: flags,
  };
  const outs = runFused(FUSED_UPDATE, inputs, layout as unknown as tf.NamedAttrMap);
  active?.dispose();
  let at = u.params.length;
  const params = outs.slice(0, at);
  const v = usesV(u.optimizer) ? outs[at++] : u.v;
  const s = usesS(u.optimizer) ? outs[at++] : u.s;
  return { params, v, s, running: outs.slice(at) };
}
