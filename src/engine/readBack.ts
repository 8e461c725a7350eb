// Reading tensors back to the CPU is the expensive moment on a GPU backend (it waits for the queue):
// read many small tensors as one concatenated transfer.
import type { Tensor } from './forward';
import { tf } from './tf';

/** Reads the tensors with one transfer, as float32 copies, then disposes them. */
export async function readTensors(tensors: Tensor[]): Promise<Float32Array[]> {
  if (tensors.length === 0) return [];
  const sizes = tensors.map((t) => t.size);
  const flat = tf.tidy(() => tf.concat(tensors.map((t) => tf.reshape(tf.cast(t, 'float32'), [-1]))));
  const values = (await flat.data()) as Float32Array;
  flat.dispose();
  for (const t of tensors) t.dispose();
  const out: Float32Array[] = [];
  let offset = 0;
  for (const size of sizes) {
    out.push(values.slice(offset, offset + size));
    offset += size;
  }
  return out;
}
