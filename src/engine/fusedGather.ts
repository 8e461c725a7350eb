// A step's mini-batches for every model, as one kernel: the rows of the inputs and of the targets at
// the step's example indices, already shaped [N, batch, ·]. Unfused that is a Gather and a Reshape for
// each (4 kernels); the kernel copies the same float32 values, so it is exact by construction.
import type { Tensor } from './forward';
import { registerFused, runFused } from './fusedKernel';
import type { tf } from './tf';

export const FUSED_BATCH_GATHER = 'PlaygroundBatchGather';

function gather(ins: Float32Array[], outs: Float32Array[], widths: number[], indices: Int32Array): void {
  for (let t = 0; t < 2; t++) {
    const from = ins[t];
    const to = outs[t];
    const w = widths[t];
    // Narrow rows element by element (a subarray per row, an object each, cost more than the copy for
    // the 2-input sets); wide rows (64 digit pixels) as one block copy each.
    if (w < 16) {
      for (let r = 0; r < indices.length; r++) {
        const at = indices[r] * w;
        const out = r * w;
        for (let i = 0; i < w; i++) to[out + i] = from[at + i];
      }
    } else {
      for (let r = 0; r < indices.length; r++)
        to.set(from.subarray(indices[r] * w, indices[r] * w + w), r * w);
    }
  }
}

function plan(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) {
  const x = inputs.x as tf.TensorInfo;
  const y = inputs.y as tf.TensorInfo;
  // The indices come as an attribute, not a tensor: an int32 upload per step cost ~4 µs on wasm.
  const { models, batch, indices } = attrs as unknown as {
    models: number;
    batch: number;
    indices: Int32Array;
  };
  const widths = [x.shape[1], y.shape[1]];
  return {
    inputs: [x, y],
    outputs: widths.map((w) => [models, batch, w]),
    compute: (ins: Float32Array[], outs: Float32Array[]) => gather(ins, outs, widths, indices),
  };
}

/** x [examples, inputs] and y [examples, outputs] at `indices` (models·batch of them). */
export function fusedBatchGather(
  x: Tensor,
  y: Tensor,
  indices: Int32Array,
  models: number,
  batch: number,
): { xb: Tensor; yb: Tensor } {
  registerFused(FUSED_BATCH_GATHER, plan);
  const attrs = { models, batch, indices } as unknown as tf.NamedAttrMap;
  const [xb, yb] = runFused(FUSED_BATCH_GATHER, { x, y }, attrs);
  return { xb, yb };
}
