import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The performance measurement belongs to `npm run bench` (npm run perf), not to `npm test`.
    exclude: process.env.VIEWER_PERF ? [] : ['test/perf.test.ts'],
    // First, the guard that fails the run if its tests leave anything in the temporary folder (see
    // @encrochat-ledger/test-support); then the build of the sites the browser tests load (real data,
    // hostile fixture), once.
    globalSetup: ['@encrochat-ledger/test-support/temp-guard', 'test/global-setup.ts'],
    // One browser at a time: the performance measurement must not compete with other tests.
    fileParallelism: false,
    // A guard against a hang, not a speed limit: tests must pass on a busy machine (speed is measured
    // in `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
