import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/faults/ is `npm run test:faults` (vitest.faults.config.ts): minutes, not seconds.
    exclude: ['node_modules/**', 'generated/**', '.data/**', 'test/faults/**'],
    // Integration tests share two cores with Redis and Postgres; keep parallelism modest.
    maxWorkers: 2,
    // Generous: CLI tests spawn real processes, and CI shares two cores with Redis and Postgres.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    // No test may resolve or reach a host outside this machine (test/net-guard.mjs).
    setupFiles: ['test/net-guard-setup.ts'],
  },
});
