// The module hooks register.mjs installs: the dashboard's own module (the CLI's chunk
// `dashboard-HASH.js`, or the emitted `dashboard.js`) resolves only once the release file exists.
// dashboard-start.js, which draws the first frames, is never held.
import fs from 'node:fs';

const DASHBOARD = /^\.\/dashboard(-[A-Z0-9]{8})?\.js$/;

/** Node's resolve hook: waits for the release file before resolving the dashboard's module, passes everything else on. */
export async function resolve(specifier, context, next) {
  const release = process.env.CNT_TEST_HOLD_DASHBOARD;
  if (release && DASHBOARD.test(specifier)) while (!fs.existsSync(release)) await new Promise((r) => setTimeout(r, 20));
  return next(specifier, context);
}
