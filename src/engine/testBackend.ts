// Engine tests run on tfjs's plain-JavaScript CPU backend in Node.
import '@tensorflow/tfjs-backend-cpu';
import { tf } from './tf';

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
