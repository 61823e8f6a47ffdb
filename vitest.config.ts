import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Forks, not threads: better-sqlite3 is a native module and several tests spawn child processes.
    pool: 'forks',
    testTimeout: 30000,
  },
});
