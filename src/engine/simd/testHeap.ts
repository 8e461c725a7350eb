// What the SIMD module's tests use of tfjs-wasm's heap in Node: the backend's module (its allocator,
// its float view, its memory) and a small seeded generator for their random blocks.
import { useWasmBackend } from '../testBackend';
import { tf } from '../tf';

export interface WasmHeap {
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  asm: { memory: WebAssembly.Memory };
}

/** Starts the wasm backend and returns its module's heap. */
export async function wasmHeap(): Promise<WasmHeap> {
  // biome-ignore lint/correctness/useHookAtTopLevel: a tfjs set-up function, not a React hook.
  await useWasmBackend();
  return (tf.backend() as unknown as { wasm: WasmHeap }).wasm;
}

/** xorshift32: uniform in [0, 1), repeatable per seed. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
