// The real-Optuna check alone (npm run test:optuna): it runs Python processes, so it stays out of the
// unit tests' `vitest run` and has its own time limit.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['scripts/optuna/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One file, its tests in order: the last one leaves results.json behind.
    fileParallelism: false,
  },
});
