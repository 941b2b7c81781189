// The module hooks register.mjs installs: the stories module (the CLI's chunk `stories-HASH.js`, or
// the emitted `core/stories/index.js`) resolves only while the hold file does not exist. Node asks
// the hook again at every dynamic import, so one held after the start holds from then on.
import fs from 'node:fs';

const STORIES = /^\.\/(stories-[A-Z0-9]{8}|core\/stories\/index)\.js$/;

/** Node's resolve hook: waits while the hold file exists before resolving the stories module, passes everything else on. */
export async function resolve(specifier, context, next) {
  const hold = process.env.CNT_TEST_HOLD_STORIES;
  if (hold && STORIES.test(specifier)) while (fs.existsSync(hold)) await new Promise((r) => setTimeout(r, 20));
  return next(specifier, context);
}
