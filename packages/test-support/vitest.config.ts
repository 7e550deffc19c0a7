import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The guard this package provides, over its own tests too.
    globalSetup: ['./src/temp-guard.mjs'],
    // A guard against a hang, not a speed limit: tests must pass on a busy machine.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
