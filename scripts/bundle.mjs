// Bundles the built program (dist/, as tsc emits it) with esbuild, the last step of `npm run build`:
//
// - Each thread's entry into one file beside it, NAME.bundle.js next to NAME.js, which the program
//   starts its threads from (src/core/files/thread-script.ts), packages included but the native
//   ones. A thread is a fresh V8 isolate with an empty module map: from the modules tsc emits it
//   resolves, reads and compiles every module its entry reaches (a parse thread ~65 of them, with
//   date-fns' parser's 60 more) before its first file; from one file it compiles once. Two parse
//   threads from their start to their first batch: ~105 instead of ~210 ms of CPU.
// - The CLI (dist/cli.js, replaced in place) with the modules it reaches, split where it imports
//   on demand (the filter, the dashboard, the loader...) into chunks beside it in dist/; packages
//   stay imports of node_modules (ink's output class is reached by path, react must be one copy)
//   but the few pure ones a warm `--filter` loads (CLI_INLINED).
//   Every process pays the ESM loader for each of ~80 emitted modules before a warm `--filter`
//   answers: ~30-40 ms of CPU less of it at 10k files.
//
// Each bundled module keeps its own `import.meta.url` (rewritten to the URL of the module as
// emitted, which stays in dist/), so what a module finds relative to itself (a worker script, the
// build stamps, data/, a package through createRequire) is found as before. The emitted modules
// stay for everything else: the tests and the benchmark import them, and the build stamps
// (postbuild.mjs) hash them.
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeCodeCache } from './code-cache.mjs';

/**
 * Thread entries, relative to dist/, whether their dynamic imports are bundled too, and the
 * bundle's module format. A CommonJS bundle (NAME.bundle.cjs) starts sooner: a thread whose
 * script is an ES module first sets up Node's ES module loader, ~4 ms and ~9 ms of CPU before
 * its first line (a thread of an empty script: ~24 ms against ~20 ms). Only for a bundle that
 * needs nothing of ES modules (no top-level await, no import left in it).
 */
export const THREAD_ENTRIES = [
  // A parse thread of a cold load only parses: the index's modules it loads for texts (the text
  // build's own thread, below, has them bundled) stay an on-demand import of the emitted modules,
  // which a CommonJS bundle may hold (`import()` is the one ES module form it runs). A cold load
  // starts two parse threads and a text thread: ~5 ms of CPU less each (the 10k cold list, issue 10).
  { entry: 'core/load/parse-worker.js', dynamic: false, format: 'cjs' },
  { entry: 'core/load/text-worker.js', dynamic: true, format: 'cjs' },
  // A warm `--filter` waits for this thread's stat calls (files/walk-thread.ts): its start counts.
  { entry: 'core/files/walk-worker.js', dynamic: true, format: 'cjs' },
];

/**
 * Packages the CLI's bundle carries inside it (every other package stays an import of node_modules):
 * pure code on a warm `--filter`'s path, whose many small modules the ESM loader would each resolve
 * (a package.json looked up per folder), read and link: date-fns' `sub` is nine modules (~6-9 ms of
 * CPU at start-up), fuse.js one (~2-3 ms). Neither keeps state a second copy could split (tests
 * importing dist/'s emitted modules load their own).
 */
export const CLI_INLINED = ['date-fns', 'fuse.js'];

/** The package a bare import names (`date-fns/sub` -> `date-fns`, `@scope/x/y` -> `@scope/x`). */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

// Bare imports stay external (react must be one copy; ink's output class is reached by path) but `inlined`'s.
const packagesExternal = (inlined = CLI_INLINED) => ({
  name: 'packages-external-but-inlined',
  setup(b) {
    // A `#name` is a bundled package's own subpath import (chalk's `#ansi-styles`): resolved inside it.
    b.onResolve({ filter: /^[^./#]/ }, (args) => (args.kind === 'entry-point' || inlined.includes(packageOf(args.path)) ? undefined : { path: args.path, external: true }));
  },
});

/**
 * ink and every package it depends on, found through node_modules' package.json files from `root`
 * (the repository), but React's: the dashboard's bundle carries them (bundleCli). ink 6.8 imports
 * `throttle` from `es-toolkit/compat`, an index of ~294 modules: `import('ink')` through Node's ES
 * module loader took 540-690 ms here and held ~300 files open at once (`ulimit -n 64`: EMFILE at
 * start); from the bundle, 190-230 ms (BENCHMARKS, twenty-fourth round). React stays one copy in
 * node_modules, shared by ink, the app and react-reconciler (which requires it: CHUNK_REQUIRE).
 */
export function inkPackages(root) {
  const found = new Set();
  const todo = ['ink'];
  while (todo.length > 0) {
    const name = todo.pop();
    if (found.has(name) || INK_EXTERNAL.includes(name)) continue;
    found.add(name);
    const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
    todo.push(...Object.keys(pkg.dependencies ?? {}));
  }
  return [...found].sort();
}

/** What ink's bundle leaves to node_modules: React (one copy), and the devtools ink loads only when DEV=true. */
const INK_EXTERNAL = ['react', 'react-dom', 'react-devtools-core'];

// A CommonJS package inside an ES module bundle (react-reconciler, scheduler) asks for `require`,
// which an ES module has not.
const CHUNK_REQUIRE = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

// ink's output.js: the frame buffer class its renderer writes into (not in ink's export map).
const INK_OUTPUT = path.join('ink', 'build', 'output.js');
const OUTPUT_CLASS_MODULE = path.join('ui', 'frame', 'ink-output-class.js');

/**
 * The CLI bundle's ui/frame/ink-output-class.js. The emitted module finds ink's Output class by
 * resolving ink in node_modules at run time; with ink inside the bundle that would be another copy
 * than the one the dashboard draws with, and the frame compositor's patch would silently miss. Here
 * the class is imported from the very file ink's renderer imports, one module in the bundle. Throws
 * when the emitted module no longer has the one export this replaces.
 */
export function inkOutputClassModule(emitted, root) {
  const exports = [...emitted.matchAll(/^export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/gm)].map((m) => m[1]);
  if (exports.join() !== 'inkOutputPrototype') throw new Error(`${OUTPUT_CLASS_MODULE}: expected the one export inkOutputPrototype, found ${exports.join(', ') || 'none'}`);
  return `// scripts/bundle.mjs's ${OUTPUT_CLASS_MODULE} for the CLI's bundle: ink's Output as the bundled ink uses it.
import Output from ${JSON.stringify(path.join(root, 'node_modules', INK_OUTPUT))};
export async function inkOutputPrototype() {
  const proto = Output?.prototype;
  return proto && typeof proto.get === 'function' ? proto : undefined;
}
`;
}

const inkInside = (root) => ({
  name: 'ink-inside',
  setup(b) {
    b.onLoad({ filter: /ink-output-class\.js$/ }, async (args) =>
      args.path.endsWith(path.sep + OUTPUT_CLASS_MODULE) ? { contents: inkOutputClassModule(await readFile(args.path, 'utf8'), root), loader: 'js', resolveDir: path.dirname(args.path) } : undefined,
    );
    // ink imports its devtools on demand, only when DEV=true; they need react-devtools-core, which
    // is not installed: left as a bare import that fails there, which ink reports itself.
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (args.importer.endsWith(path.join('ink', 'build', 'reconciler.js')) ? { path: 'ink/build/devtools.js', external: true } : undefined));
  },
});

/** Packages with native code, never bundled into a thread's file (FILTER_CLI carries better-sqlite3's JavaScript: inlineSqlite). */
const NATIVE = ['better-sqlite3', '@parcel/watcher', 'koffi'];

/** The bundle's file for an entry file (`x.js` -> `x.bundle.js`, or `x.bundle.cjs` for a CommonJS bundle). */
export const bundleOf = (file, format = 'esm') => file.replace(/\.js$/, format === 'cjs' ? '.bundle.cjs' : '.bundle.js');

/** The CLI's chunks in dist/ (esbuild's `[name]-[hash]`), told apart from emitted modules by the hash. */
export const isCliChunk = (name) => /-[A-Z0-9]{8}\.js$/.test(name);

// `import.meta.url` of every module read from `outdir`'s outputs (all in that one folder) stays the
// module's own URL as emitted. `rewrite(file, text)` may change a module's text first.
function keepImportMetaUrl(outdir, rewrite = (_file, text) => text) {
  return {
    name: 'keep-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const read = await readFile(args.path, 'utf8');
        const text = rewrite(args.path, read);
        if (!text.includes('import.meta.url') && text === read) return undefined;
        const rel = path.relative(outdir, args.path).split(path.sep).join('/');
        const own = `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', own), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

// How core/sqlite.js (src/core/sqlite.ts) loads better-sqlite3's JavaScript, and what FILTER_CLI's
// bundle puts there instead.
const SQLITE_MODULE = path.join('core', 'sqlite.js');
const SQLITE_REQUIRE = "require('better-sqlite3')";
const SQLITE_BUNDLED = '__betterSqlite3';

/**
 * FILTER_CLI's rewrite of core/sqlite.js: better-sqlite3's JavaScript (pure code, ~12 small CommonJS
 * modules) inside the bundle, so a warm `--filter` takes it from the bundle and its code cache
 * instead of resolving, reading and compiling it from node_modules (~2.5 ms of the main thread at
 * start-up); its native addon is still required by path (core/sqlite.ts), `bindings` (which only
 * an install without that path asks) from node_modules. Throws when the module no longer loads
 * the package as expected, rather than bundling it twice.
 */
export function inlineSqlite(file, text) {
  if (!file.endsWith(path.sep + SQLITE_MODULE)) return text;
  if (text.split(SQLITE_REQUIRE).length !== 2) throw new Error(`${SQLITE_MODULE}: expected one ${SQLITE_REQUIRE}`);
  return `import ${SQLITE_BUNDLED} from 'better-sqlite3';\n${text.replace(SQLITE_REQUIRE, SQLITE_BUNDLED)}`;
}

const dynamicExternal = {
  name: 'dynamic-imports-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const COMMON = { bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' };

/** Writes the bundle of every thread entry under `dist` (an absolute folder). */
export async function bundleThreads(dist) {
  await Promise.all(
    THREAD_ENTRIES.map(({ entry, dynamic, format }) => {
      const outfile = path.join(dist, bundleOf(entry, format));
      // The other format's bundle of an earlier build would be started instead (threadScript prefers .cjs).
      rmSync(path.join(dist, bundleOf(entry, format === 'cjs' ? 'esm' : 'cjs')), { force: true });
      return build({
        ...COMMON,
        format,
        entryPoints: [path.join(dist, entry)],
        outfile,
        external: NATIVE,
        ...(format === 'cjs'
          ? // A CommonJS bundle has no import.meta: its modules' URLs (keepImportMetaUrl) are made from the bundle's own.
            { banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__bundleUrl' } }
          : // A CommonJS package inside the bundle asks for `require`, which an ES module has not.
            { banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" } }),
        plugins: dynamic ? [keepImportMetaUrl(path.dirname(outfile))] : [dynamicExternal, keepImportMetaUrl(path.dirname(outfile))],
      });
    }),
  );
}

/** The CLI of a `--filter` run as one CommonJS file, and the ES module bundle of every other run, in dist/. */
export const FILTER_CLI = 'cli-filter.bundle.cjs';
export const CLI_MAIN = 'cli-main.js';
/** FILTER_CLI's V8 code cache (scripts/code-cache.mjs), beside it in dist/. */
export const FILTER_CACHE = 'cli-filter.bundle.v8cache';
/**
 * Which of CLI_MAIN's outputs holds each emitted module, in dist/: `{ "core/load/load.js":
 * "load-HASH.js", ... }` (paths relative to dist/, `/`-separated), every module the CLI's ES module
 * bundle took in. A program that must run what the CLI runs reads it (the bench's cold child,
 * scripts/bench/cli-modules.mjs): the CLI's dashboard loads these chunks, never the emitted modules
 * (99 emitted modules through the ES module loader against 19 outputs: ~25 ms of the start at 10k).
 */
export const CLI_MODULES = 'cli-modules.json';

/** CLI_MODULES's map from esbuild's `metafile` of the CLI's split build, whose outputs are all in `dist`. */
export function cliModules(metafile, dist) {
  const map = {};
  const rel = (file) => path.relative(dist, path.resolve(file)).split(path.sep).join('/');
  const outputs = Object.entries(metafile.outputs);
  for (const [out, { inputs }] of outputs) {
    for (const input of Object.keys(inputs)) if (!rel(input).startsWith('../')) map[rel(input)] = rel(out);
  }
  // A module the CLI imports on demand is its own output (which may only re-export a shared chunk): the one the CLI imports.
  for (const [out, { entryPoint }] of outputs) if (entryPoint !== undefined && !rel(entryPoint).startsWith('../')) map[rel(entryPoint)] = rel(out);
  return map;
}

/**
 * The dashboard's bare skeleton drawn by the entry before CLI_MAIN's graph loads (src/skeleton.ts
 * drawEarlyFrame): the emitted skeleton.js with the three small modules it needs (the terminal, the
 * layout, the hand-over slot: ~15 KB) as one CommonJS file, required synchronously by the entry. Its
 * ES modules instead: a dynamic import's round of the ES module loader after the entry's own, four
 * modules resolved, read and linked (~20 ms under strace before the first frame, loaded machine).
 */
export const EARLY_FRAME = 'skeleton.bundle.cjs';

// dist/cli.js as the build writes it: a `--filter` run (the arguments parsed by the emitted args.js,
// which imports node:util alone) runs FILTER_CLI with its V8 code cache FILTER_CACHE (code-cache.js,
// written by scripts/code-cache.mjs); every other run, or arguments that do not parse (reported
// there), imports CLI_MAIN. Either is the whole CLI (src/cli.ts): no class of the program
// (PathError, QueryError...) exists twice in one run. A dashboard on the process's terminal gets
// its skeleton from EARLY_FRAME first (a --filter run never loads it), before CLI_MAIN's graph
// loads; the CLI takes that terminal over (src/early-frame.ts).
const CLI_ENTRY = `#!/usr/bin/env node
// Written by scripts/bundle.mjs: the CLI (src/cli.ts) from ${FILTER_CLI} for --filter, else from ${CLI_MAIN}
// after the dashboard's first frame (${EARLY_FRAME}: src/skeleton.ts drawEarlyFrame).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './args.js';
import { runCommonJs } from './code-cache.js';
let command = null;
try {
  command = parseCommandLine(process.argv.slice(2));
} catch {
  // Reported by the CLI itself.
}
if (command !== null && command.kind === 'run' && command.options.filter !== null) {
  runCommonJs(fileURLToPath(new URL('./${FILTER_CLI}', import.meta.url)), fileURLToPath(new URL('./${FILTER_CACHE}', import.meta.url)));
} else {
  if (command !== null) createRequire(import.meta.url)('./${EARLY_FRAME}').drawEarlyFrame(command);
  // A CommonJS entry has no top-level await: a failure to load the CLI rejects this promise, which
  // Node reports and exits on as it would an uncaught error.
  import('./${CLI_MAIN}');
}
`;

/**
 * package.json's `bin`: the entry above as CommonJS. Node runs a `.js` entry of a `"type": "module"`
 * package through its ES module loader, ~15-25 ms of CPU before the first line runs (BENCHMARKS,
 * twenty-fourth and twenty-fifth rounds); a `.cjs` entry starts on the CommonJS loader, and the ES
 * module loader starts only when the dashboard imports CLI_MAIN, after its skeleton is drawn.
 */
export const CLI_BIN = 'cli.cjs';

// dist/cli.js, what `node dist/cli.js` runs: the same CLI, through CLI_BIN.
const CLI_SHIM = `#!/usr/bin/env node
// Written by scripts/bundle.mjs: runs ${CLI_BIN}, the CLI's entry (package.json's bin), which starts
// sooner as CommonJS; this file stays so that \`node dist/cli.js\` keeps working.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('./${CLI_BIN}');
`;

// The dashboard's modules (ink, react: ES modules only) and its first frames' (dashboard-start.js)
// stay out of the CommonJS CLI, an import of the emitted module left in their place: a --filter
// run never loads them.
const dashboardExternal = {
  name: 'dashboard-external',
  setup(b) {
    b.onResolve({ filter: /\/dashboard(-start)?\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * JavaScript `text` with every non-ASCII UTF-16 unit written as its `\uXXXX` escape: the same
 * program wherever such a character may stand in JavaScript (a string, a template, a regex, with
 * or without its `u` flag: a surrogate pair's escapes are one code point there; an identifier; a
 * comment), but in `String.raw` and a regex's `source`, which the CLI does not use on them. A
 * character a backslash escapes (`\’`) becomes the escape alone (`\u2019`).
 */
export const escapeNonAscii = (text) =>
  text.replace(/(\\*)([^\x00-\x7f])/g, (_m, slashes, c) => `${slashes.length % 2 === 1 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Writes CLI_ENTRY as CLI_BIN and replaces dist/cli.js (as emitted) with CLI_SHIM, beside CLI_MAIN and its on-demand parts as
 * chunks (the last build's removed first), and FILTER_CLI: the whole CLI with every on-demand part
 * but the dashboard in one file a warm --filter loads with one read and no ES module loader (no
 * module resolved, read through the thread pool and linked one by one: ~25 ms of CPU at 10k files).
 */
export async function bundleCli(dist) {
  const root = path.resolve(dist, '..');
  for (const name of readdirSync(dist)) if (isCliChunk(name)) rmSync(path.join(dist, name));
  // The last build's cache, of another bundle (scripts/code-cache.mjs writes this one's).
  rmSync(path.join(dist, FILTER_CACHE), { force: true });
  const entry = path.join(dist, 'cli.js');
  const [split] = await Promise.all([
    build({
      ...COMMON,
      entryPoints: { [CLI_MAIN.replace(/\.js$/, '')]: entry },
      outdir: dist,
      splitting: true,
      chunkNames: '[name]-[hash]',
      metafile: true,
      banner: { js: CHUNK_REQUIRE },
      plugins: [inkInside(root), packagesExternal([...CLI_INLINED, ...inkPackages(root)]), keepImportMetaUrl(dist)],
    }),
    build({
      ...COMMON,
      format: 'cjs',
      entryPoints: [entry],
      outfile: path.join(dist, FILTER_CLI),
      banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__bundleUrl' },
      plugins: [dashboardExternal, packagesExternal([...CLI_INLINED, 'better-sqlite3']), keepImportMetaUrl(dist, inlineSqlite)],
    }),
  ]);
  // Run as a function's body (code-cache.js), where a `#!` line is not JavaScript; and ASCII, which
  // code-cache.js reads without decoding UTF-8 (esbuild leaves a regex's characters as they are).
  const filterCli = path.join(dist, FILTER_CLI);
  writeFileSync(filterCli, escapeNonAscii(readFileSync(filterCli, 'utf8').replace(/^#!.*\n/, '')));
  await build({
    ...COMMON,
    format: 'cjs',
    entryPoints: [path.join(dist, 'skeleton.js')],
    outfile: path.join(dist, EARLY_FRAME),
    // Node's modules alone: the skeleton's few modules need no package.
    plugins: [packagesExternal([])],
  });
  // The entry with args.js and code-cache.js bundled in: one CommonJS file, requiring node's modules
  // alone (and importing CLI_MAIN on demand). Two local modules fewer are ~1% of a warm --filter's
  // instructions at 10k (BENCHMARKS, twenty-fourth round); CommonJS is the larger part (CLI_BIN).
  const [shebang, ...body] = CLI_ENTRY.split('\n');
  const bin = path.join(dist, CLI_BIN);
  await build({
    ...COMMON,
    format: 'cjs',
    stdin: { contents: body.join('\n'), resolveDir: dist, sourcefile: 'cli-entry.js', loader: 'js' },
    outfile: bin,
    external: [`./${CLI_MAIN}`],
    banner: { js: [shebang, ...body.filter((line) => line.startsWith('//')), "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;"].join('\n') },
    define: { 'import.meta.url': '__bundleUrl' },
  });
  writeFileSync(entry, CLI_SHIM);
  for (const file of [bin, entry]) chmodSync(file, 0o755);
  writeFileSync(path.join(dist, CLI_MODULES), `${JSON.stringify(cliModules(split.metafile, dist), null, 1)}\n`);
}

// `npm run build` runs this after tsc and postbuild.mjs; a test imports the parts alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  await Promise.all([bundleThreads(dist), bundleCli(dist)]);
  const verdict = writeCodeCache(dist, FILTER_CLI, FILTER_CACHE, fileURLToPath(new URL('../data/', import.meta.url)));
  if (verdict !== 'accepted') process.stderr.write(`build: no V8 code cache for ${FILTER_CLI} (${verdict}): a warm --filter compiles it as it runs\n`);
}
