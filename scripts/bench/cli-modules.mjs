// The bench's children run the program's code as the CLI runs it. The CLI never loads the modules
// tsc emits into dist/: it runs esbuild's bundle of them (scripts/bundle.mjs), cli-main.js and
// its chunks, 19 files for the loader and the search engine where the emitted modules are 99 (each
// resolved, read, compiled and linked by the ES module loader: ~25 ms of a cold start at 10k files).
// A child that imported the emitted modules measured a start no user runs.
import fs from 'node:fs';

/** The build's map of emitted module -> the CLI's output holding it (scripts/bundle.mjs's CLI_MODULES). */
export const CLI_MODULES = 'cli-modules.json';
/** The CLI's entry among those outputs (scripts/bundle.mjs's CLI_MAIN): importing it runs the CLI. */
export const CLI_MAIN = 'cli-main.js';

const maps = new Map();
function cliModules(dist) {
  if (!maps.has(dist.href)) {
    let map = null;
    try {
      map = JSON.parse(fs.readFileSync(new URL(CLI_MODULES, dist), 'utf8'));
    } catch (error) {
      // A build from before the map (BENCH_DIST at an older one): its emitted modules.
      if (error.code !== 'ENOENT') throw error;
    }
    maps.set(dist.href, map);
  }
  return maps.get(dist.href);
}

/**
 * The exports `names` of the emitted module `module` (a path relative to `dist`, the built dist/
 * folder as a file: URL ending in `/`), imported as the CLI imports it: from the output of the CLI's
 * bundle that holds it; the emitted module itself when the bundle does not hold it (the CLI never
 * loads it, so no other copy of it runs) or the build wrote no map. Resolves to `{ name: value }`.
 * Rejects when the module is in the CLI's entry (importing that runs the CLI) or its output does not
 * export a name as the module does (esbuild renamed it): measuring another copy would be silent.
 */
export async function importAsCli(dist, module, names) {
  const out = cliModules(dist)?.[module];
  if (out === CLI_MAIN) throw new Error(`${module} is inside ${CLI_MAIN}, which runs the CLI when imported`);
  const exports = await import(new URL(out ?? module, dist).href);
  const picked = {};
  for (const name of names) {
    if (!(name in exports)) throw new Error(`${out ?? module} exports no ${name} (${module} in the CLI's bundle)`);
    picked[name] = exports[name];
  }
  return picked;
}
