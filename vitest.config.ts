import { defineConfig } from 'vitest/config';

/**
 * Server test files that replace a module (vi.mock) run in a fresh module graph of their own; the rest share one per
 * worker (`isolate: false`), which halves the suite's time: each file would otherwise load the whole server again.
 * Files sharing the graph must leave module state as they found it (fake timers restored, no global overrides).
 */
const ISOLATED = ['packages/server/test/login-throttle.test.ts'];
const serverTest = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...serverTest,
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { test: { ...serverTest, name: 'server-isolated', include: ISOLATED } },
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
