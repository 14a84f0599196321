import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most end-to-end tests run the program in the worker (test/support/cli.ts); some spawn the
    // built CLI, and real servers listen on 127.0.0.1. Two cores are the budget.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/junit.xml' },
  },
});
