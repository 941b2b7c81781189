import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Generous: CI runs on a machine as slow as a developer's, maybe loaded (two cores, load
    // 8-20), where a test that spawns the CLI or builds an index takes 3-20x its quiet time
    // (20-25 s for tests of 1-2 s quiet, at load 23-27). A limit only catches a hang; speed targets
    // live in the bench. A test that needs more says so itself.
    testTimeout: 120_000,
    setupFiles: ['tests/setup/compositor.ts'],
    hookTimeout: 180_000,
    // Tests (and the CLI they spawn) must never touch the user's real cache, nor write read marks
    // and session times into the runner's ~/.local/state.
    env: {
      XDG_CACHE_HOME: path.join(os.tmpdir(), `cnt-test-cache-${process.pid}`),
      XDG_STATE_HOME: path.join(os.tmpdir(), `cnt-test-state-${process.pid}`),
    },
  },
});
