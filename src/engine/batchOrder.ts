// Which examples each mini-batch holds, per model. Every model shuffles with its own seeded
// generator, and the whole position (permutation, cursor, epoch, generator state) is plain data,
// so a snapshot can put a model back exactly where its data order was.
import { createRng, deriveSeed, shuffleInPlace } from '../core/rng';

export interface BatchOrderState {
  permutation: Int32Array;
  cursor: number;
  /** Completed passes over the training set; learning-rate decay counts these. */
  epoch: number;
  rngState: number;
}

export function initialBatchOrder(trainSize: number, seed: number): BatchOrderState {
  const rng = createRng(deriveSeed(seed, 'mini-batches'));
  const permutation = new Int32Array(trainSize);
  for (let i = 0; i < trainSize; i++) permutation[i] = i;
  shuffleInPlace(rng, permutation);
  return { permutation, cursor: 0, epoch: 0, rngState: rng.state() };
}

export function copyBatchOrder(s: BatchOrderState): BatchOrderState {
  return { ...s, permutation: s.permutation.slice() };
}

/**
 * Writes the next `size` example indices into `out` at `offset`, reshuffling when the epoch runs out.
 * The leftover of an epoch smaller than a mini-batch is dropped so that every batch has the same size.
 */
export function nextBatch(s: BatchOrderState, size: number, out: Int32Array, offset: number): void {
  const n = s.permutation.length;
  const b = Math.min(size, n);
  if (s.cursor + b > n) {
    const rng = createRng(s.rngState);
    shuffleInPlace(rng, s.permutation);
    s.rngState = rng.state();
    s.cursor = 0;
    s.epoch += 1;
  }
  out.set(s.permutation.subarray(s.cursor, s.cursor + b), offset);
  s.cursor += b;
}
