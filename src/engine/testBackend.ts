// Engine tests run on tfjs's plain-JavaScript CPU backend in Node, and where a test says so on the
// wasm backend (its .wasm files read from node_modules, single-threaded as in a page that is not
// cross-origin isolated).
import '@tensorflow/tfjs-backend-cpu';
import { fileURLToPath } from 'node:url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf';

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export async function useWasmBackend(): Promise<void> {
  const dist = fileURLToPath(
    new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
  );
  setWasmPaths(dist);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start in Node');
  await tf.ready();
}

/** The backends the engine's exactness tests run on in Node. */
export const NODE_BACKENDS = { cpu: useCpuBackend, wasm: useWasmBackend } as const;
