import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One throwaway PostgreSQL cluster for the whole run (test/helpers/pg-cluster.ts).
    globalSetup: ['./test/helpers/pg-cluster.ts'],
    pool: 'forks',
    clearMocks: true,
    restoreMocks: true,
  },
});
