// Imported first by the bench worker: the page names the worker "threads=N" to time wasm on N threads
// (src/engine/wasmThreads.ts reads this before tfjs-wasm starts). Must stay the worker's first import.
const match = /threads=(\d+)/.exec(self.name);
if (match) globalThis.__wasmThreads = Number(match[1]);
