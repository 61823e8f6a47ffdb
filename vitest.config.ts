import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Forks, not threads: better-sqlite3 is a native module and several tests spawn child processes.
    pool: 'forks',
    testTimeout: 30000,
    // Setting up a store signs operators in (scrypt); on a loaded 2-core machine that can pass 10 s.
    hookTimeout: 60000,
  },
});
