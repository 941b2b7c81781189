// The module hooks register.mjs installs: the dashboard's own module (the CLI's chunk
// `dashboard-HASH.js`, or the emitted `dashboard.js`) resolves only once the file
// CNT_TEST_HOLD_DASHBOARD exists, and the CLI's ES module bundle (`cli-main.js`, which the entry
// dist/cli.js imports after the early frame: src/early-frame.ts) once CNT_TEST_HOLD_CLI exists.
// dashboard-start.js and skeleton.js, which draw the first frames, are never held.
import fs from 'node:fs';

const HELD = [
  [/^\.\/dashboard(-[A-Z0-9]{8})?\.js$/, 'CNT_TEST_HOLD_DASHBOARD'],
  [/^\.\/cli-main\.js$/, 'CNT_TEST_HOLD_CLI'],
];

/** Node's resolve hook: waits for the release file before resolving a held module, passes everything else on. */
export async function resolve(specifier, context, next) {
  for (const [pattern, name] of HELD) {
    const release = process.env[name];
    if (release && pattern.test(specifier)) while (!fs.existsSync(release)) await new Promise((r) => setTimeout(r, 20));
  }
  return next(specifier, context);
}
