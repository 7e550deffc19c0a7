import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real exports, DuckDB and child processes: generous timeouts.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
