// Builds the benchmark page (bench/index.html) into bench/dist/page/, served by bench/run.mjs at /bench/.
// The page starts the bench worker (bench/bench.worker.ts), built from the app's own engine and
// backends the way Vite bundles the app's worker (its own chunk, tfjs and the .wasm files inside).
// public/ is shared so data/digits.bin is there.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { wasmThreadsFix } from '../vite.config';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  worker: { format: 'es', plugins: () => [wasmThreadsFix()] },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist/page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
  },
  logLevel: 'warn',
});
