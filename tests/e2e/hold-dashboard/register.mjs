// Preloaded by a terminal test (`node --import <this> dist/cli.js …`): holds the CLI's import of the
// dashboard's module (dashboard.tsx: the index, the facts, then React and ink) until the file named
// by CNT_TEST_HOLD_DASHBOARD exists, and the entry's import of the CLI itself (cli-main.js) until
// the file CNT_TEST_HOLD_CLI exists, so the test sees what is drawn before that module loads.
import { register } from 'node:module';

if (process.env.CNT_TEST_HOLD_DASHBOARD || process.env.CNT_TEST_HOLD_CLI) register(new URL('./hooks.mjs', import.meta.url));
