// The optimizer update rules and the batch-norm running averages in f32x4 (AssemblyScript, built by
// build.mjs). src/engine/fusedUpdate.ts's updateLoopsJs are their scalar twins: the JavaScript rounds
// every operation to float32 (Math.fround after each op on float32 operands), and a double +, −, ×, ÷
// or sqrt of float32 values rounded once to float32 is the float32 operation itself. So here: the same
// operations in the same order as f32x4 lanes (four parameters at a time), the last 0–3 as scalar f32
// (the same operations), the model's hyperparameters splatted. No fused multiply-add. They agree bit
// for bit (any NaN matching any NaN).
//
// Pointers are BYTE addresses in the imported memory and need no alignment; `count` is in floats.
// Each loop reads all of an element's inputs before it writes that element's outputs, and writes
// nothing but the outputs' `count` floats.

// ---- SGD: W := W − α·dW ----

export function sgd(param: usize, grad: usize, out: usize, count: i32, lr: f32): void {
  const a = f32x4.splat(lr);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(out + o, f32x4.sub(v128.load(param + o), f32x4.mul(a, v128.load(grad + o))));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(out + o, load<f32>(param + o) - lr * load<f32>(grad + o));
  }
}

// ---- momentum: v := β·v + (1 − β)·dW;  W := W − α·v ----

export function momentum(
  param: usize,
  grad: usize,
  v: usize,
  out: usize,
  vOut: usize,
  count: i32,
  lr: f32,
  beta: f32,
  oneMinusBeta: f32,
): void {
  const a = f32x4.splat(lr);
  const b = f32x4.splat(beta);
  const c = f32x4.splat(oneMinusBeta);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    const vNext = f32x4.add(f32x4.mul(b, v128.load(v + o)), f32x4.mul(c, v128.load(grad + o)));
    const p = v128.load(param + o);
    v128.store(vOut + o, vNext);
    v128.store(out + o, f32x4.sub(p, f32x4.mul(a, vNext)));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    const vNext = beta * load<f32>(v + o) + oneMinusBeta * load<f32>(grad + o);
    const p = load<f32>(param + o);
    store<f32>(vOut + o, vNext);
    store<f32>(out + o, p - lr * vNext);
  }
}

// ---- RMSprop: s := β2·s + (1 − β2)·dW²;  W := W − α·dW/(sqrt(s) + ε) ----

export function rmsprop(
  param: usize,
  grad: usize,
  s: usize,
  out: usize,
  sOut: usize,
  count: i32,
  lr: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  epsilon: f32,
): void {
  const a = f32x4.splat(lr);
  const b = f32x4.splat(beta2);
  const c = f32x4.splat(oneMinusBeta2);
  const e = f32x4.splat(epsilon);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    const g = v128.load(grad + o);
    const sNext = f32x4.add(f32x4.mul(b, v128.load(s + o)), f32x4.mul(c, f32x4.mul(g, g)));
    const p = v128.load(param + o);
    v128.store(sOut + o, sNext);
    const step = f32x4.div(g, f32x4.add(f32x4.sqrt(sNext), e));
    v128.store(out + o, f32x4.sub(p, f32x4.mul(a, step)));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    const g = load<f32>(grad + o);
    const sNext = beta2 * load<f32>(s + o) + oneMinusBeta2 * (g * g);
    const p = load<f32>(param + o);
    store<f32>(sOut + o, sNext);
    store<f32>(out + o, p - lr * (g / (sqrt<f32>(sNext) + epsilon)));
  }
}

// ---- Adam, folded: v := β1·v + (1 − β1)·g;  s := β2·s + (1 − β2)·g²;  W := W − a·v/(sqrt(s) + ε') ----

export function adam(
  param: usize,
  grad: usize,
  v: usize,
  s: usize,
  out: usize,
  vOut: usize,
  sOut: usize,
  count: i32,
  stepSize: f32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  epsilon: f32,
): void {
  const a = f32x4.splat(stepSize);
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const e = f32x4.splat(epsilon);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    const g = v128.load(grad + o);
    const vNext = f32x4.add(f32x4.mul(b1, v128.load(v + o)), f32x4.mul(c1, g));
    const sNext = f32x4.add(f32x4.mul(b2, v128.load(s + o)), f32x4.mul(c2, f32x4.mul(g, g)));
    const p = v128.load(param + o);
    v128.store(vOut + o, vNext);
    v128.store(sOut + o, sNext);
    const step = f32x4.div(vNext, f32x4.add(f32x4.sqrt(sNext), e));
    v128.store(out + o, f32x4.sub(p, f32x4.mul(a, step)));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    const g = load<f32>(grad + o);
    const vNext = beta1 * load<f32>(v + o) + oneMinusBeta1 * g;
    const sNext = beta2 * load<f32>(s + o) + oneMinusBeta2 * (g * g);
    const p = load<f32>(param + o);
    store<f32>(vOut + o, vNext);
    store<f32>(sOut + o, sNext);
    store<f32>(out + o, p - stepSize * (vNext / (sqrt<f32>(sNext) + epsilon)));
  }
}

// ---- running averages: out := keep·running + take·statistic ----

export function runningAverage(
  running: usize,
  stat: usize,
  out: usize,
  count: i32,
  keep: f32,
  take: f32,
): void {
  const k = f32x4.splat(keep);
  const t = f32x4.splat(take);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(out + o, f32x4.add(f32x4.mul(k, v128.load(running + o)), f32x4.mul(t, v128.load(stat + o))));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(out + o, keep * load<f32>(running + o) + take * load<f32>(stat + o));
  }
}
