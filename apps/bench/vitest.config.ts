import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run if its tests leave anything in the temporary folder (see @encrochat-ledger/test-support).
    globalSetup: ['@encrochat-ledger/test-support/temp-guard'],
    // A guard against a hang, not a speed limit: tests must pass on a busy machine (speed is measured
    // in `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
