import { defineConfig } from 'vitest/config';

/**
 * Fault-injection tests (`npm run test:faults`): worker processes SIGKILLed, Redis restarted,
 * PostgreSQL cut off. Kept out of `npm test` because each takes a minute or two; run one file at a
 * time, since they measure recovery and share two cores with Redis and Postgres.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    // No test may resolve or reach a host outside this machine (test/net-guard.mjs).
    setupFiles: ['test/net-guard-setup.ts'],
  },
});
