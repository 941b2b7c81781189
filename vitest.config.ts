import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    setupFiles: ['tests/setup/compositor.ts'],
    hookTimeout: 60_000,
    // Tests (and the CLI they spawn) must never touch the user's real cache, nor write read marks
    // and session times into the runner's ~/.local/state.
    env: {
      XDG_CACHE_HOME: path.join(os.tmpdir(), `cnt-test-cache-${process.pid}`),
      XDG_STATE_HOME: path.join(os.tmpdir(), `cnt-test-state-${process.pid}`),
    },
  },
});
