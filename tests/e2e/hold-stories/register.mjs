// Preloaded by a terminal test (`node --import <this> dist/cli.js …`): while the file named by
// CNT_TEST_HOLD_STORIES exists, holds each import of the stories module (core/stories/index.ts),
// which the dashboard's facts runner (dashboard-facts.ts) awaits before it hands a live update to
// the facts worker: the test sees what is drawn while the facts lack the articles just added.
import { register } from 'node:module';

if (process.env.CNT_TEST_HOLD_STORIES) register(new URL('./hooks.mjs', import.meta.url));
