import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Cross-origin isolation (COOP/COEP) lets the page post SharedArrayBuffers, which is what
// tfjs-wasm's threaded SIMD build needs; without it (an embed, a static host without these headers)
// tfjs-wasm runs its single-threaded build and the backend readout says why. Everything the app
// loads is same-origin (fonts, data, workers), so require-corp blocks nothing.
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const THREADED_FACTORY = 'function(WasmBackendModuleThreadedSimd) {';

/**
 * tfjs-wasm starts each thread from the *source text* of its threaded factory function (toString()
 * into a Blob). That function reads `_scriptDir` from the closure around it, which the Blob does not
 * have; unbundled it is guarded by `typeof`, but the minifier (seeing it declared) drops the guard,
 * and every thread dies with "_scriptDir is not defined". In a module worker `_scriptDir` is always
 * undefined anyway (no document, no __filename), so declare it inside the function itself.
 */
export function wasmThreadsFix(): Plugin {
  return {
    name: 'tfjs-wasm-threads-fix',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js') || id.includes('worker')) return null;
      if (!code.includes(THREADED_FACTORY)) throw new Error(`${id}: tfjs-wasm's threaded factory changed`);
      return { code: code.replace(THREADED_FACTORY, `${THREADED_FACTORY} var _scriptDir;`), map: null };
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es', plugins: () => [wasmThreadsFix()] },
  // The manifest (dist/.vite/manifest.json) lets e2e/bundle.spec.ts walk the entry's static imports and
  // check that tfjs stays in the worker's chunk, out of the main bundle.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, manifest: true },
  server: { host: '127.0.0.1', port: 5173, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, headers: ISOLATION_HEADERS },
});
