// `npx vitest run --config bench/vitest.profile.config.ts`: the engine's throughput and kernel profile
// in Node (cpu and wasm), the quick loop for working on the engine; `npm run bench` is the real measure.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['bench/**/*.test.ts'], environment: 'node', testTimeout: 600_000, pool: 'forks' },
});
