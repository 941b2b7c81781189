// Preloaded by a terminal test (`node --import <this> dist/cli.js …`): holds the CLI's import of the
// dashboard's module (dashboard.tsx: the index, the facts, then React and ink) until the file named
// by CNT_TEST_HOLD_DASHBOARD exists, so the test sees what is drawn before that module loads.
import { register } from 'node:module';

if (process.env.CNT_TEST_HOLD_DASHBOARD) register(new URL('./hooks.mjs', import.meta.url));
