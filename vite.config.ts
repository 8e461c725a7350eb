import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No COOP/COEP headers on purpose: without cross-origin isolation tfjs-wasm picks its
// single-threaded SIMD build, which works in the production bundle (the threaded one does not).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // The manifest (dist/.vite/manifest.json) lets e2e/bundle.spec.ts walk the entry's static imports and
  // check that tfjs stays in the worker's chunk, out of the main bundle.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, manifest: true },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
