import { defineConfig } from 'vitest/config';

/**
 * One suite for both dialects: tests that need a database use `test/db-harness.ts`, which runs
 * them on SQLite always and on PostgreSQL when GOLIVE_TEST_PG_URL is set. With GOLIVE_REQUIRE_ALL=1
 * (set by .ci/run) a missing database or browser fails the run instead of skipping.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
