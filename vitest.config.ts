import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most end-to-end tests run the program in the worker (test/support/cli.ts); some spawn the
    // built CLI, and real servers listen on 127.0.0.1. Two cores are the budget.
    pool: 'forks',
    // A worker runs its files one after another in one module graph: the program's first
    // in-process load (the SDK and the CLI, ~0.5 s of CPU) is paid once per worker instead of
    // once per file, which halves the suite's CPU. It asks of every test file what the suite
    // already holds to: no module mocks, and whatever a test changes (the environment, the
    // working directory, fake timers) it restores; runCli owns process.env only during a run.
    // The suite passes in shuffled file orders (`--sequence.shuffle.files`).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/junit.xml' },
  },
});
