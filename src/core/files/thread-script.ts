// Which file a thread starts from. The build bundles each thread's entry module with everything
// it reaches into NAME.bundle.js (or .cjs) beside NAME.js (scripts/bundle.mjs): a new thread is an
// isolate with an empty module map, and one file compiles in about half the CPU that resolving,
// reading and compiling the ~65 emitted modules of a parse thread takes. Run from the TypeScript
// sources (the tests) there is neither file, and the caller does the work on its own thread.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';

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

/**
 * What a thread script exports to run on a thread started for another role (a parse thread
 * whose parse is over, load/parse-worker.ts HandOverRequest): `runHere(port, data)` does what the
 * script does on a thread of its own, with `port` as its parentPort and `data` as its workerData.
 */
export interface ThreadRole {
  runHere(port: MessagePort, data: unknown): Promise<void>;
}

/**
 * The ThreadRole of the thread script `script` (a URL's href, as threadScript gives it), loaded
 * into the calling thread: a CommonJS bundle through require (no ES module loader to set up
 * there), else as a module. Rejects when it cannot be loaded.
 */
export function threadRole(script: string): Promise<ThreadRole> {
  if (!script.endsWith('.cjs')) return import(script) as Promise<ThreadRole>;
  try {
    return Promise.resolve(createRequire(import.meta.url)(fileURLToPath(script)) as ThreadRole);
  } catch (error) {
    return Promise.reject(error);
  }
}
