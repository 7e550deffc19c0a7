import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the sites the browser tests load (real data, hostile fixture) once.
    globalSetup: ['test/global-setup.ts'],
    // One browser at a time: the timings of the performance test must not compete with other tests.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
