// Which file a thread starts from. The build bundles each thread's entry module with everything
// it reaches into NAME.bundle.js (or .cjs) beside NAME.js (scripts/bundle.mjs): a new thread is an
// isolate with an empty module map, and one file compiles in about half the CPU that resolving,
// reading and compiling the ~65 emitted modules of a parse thread takes. Run from the TypeScript
// sources (the tests) there is neither file, and the caller does the work on its own thread.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundle of the emitted module `url` when built (NAME.bundle.cjs, a CommonJS bundle, which a
 * thread starts sooner, else NAME.bundle.js), else `url` itself when it exists, else null.
 */
export function threadScript(url: URL): URL | null {
  for (const ending of ['.bundle.cjs', '.bundle.js']) {
    const bundle = new URL(url.href.replace(/\.js$/, ending));
    if (bundle.href !== url.href && fs.existsSync(fileURLToPath(bundle))) return bundle;
  }
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}
