import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/stack/global-setup.ts'],
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.data/**'],
    // Each file runs in a process of its own; Temporal workers hold native resources best kept apart.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
