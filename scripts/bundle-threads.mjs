// Bundles each thread's entry module of the build (dist/) into one file beside it,
// NAME.bundle.js next to NAME.js, which the program starts its threads from (src/core/files/
// thread-script.ts). A thread is a fresh V8 isolate with an empty module map: from the modules tsc
// emits it resolves, reads and compiles every module its entry reaches (a parse thread ~65 of
// them, with date-fns' parser's 60 more) before its first file; from one bundled file it
// compiles once. Measured on a parse thread: about half the CPU from start to the first batch
// parsed. The modules stay as tsc emits them for everything else (the CLI, the tests, imports of
// the same modules on the main thread).
//
// Each bundled module keeps its own `import.meta.url` (rewritten to the URL of the module as
// emitted beside the bundle), so what a module finds relative to itself (a worker script, the
// build stamps, a package through createRequire) is found as before. Packages with native code
// stay outside the bundle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Thread entries, relative to dist/, and whether their dynamic imports are bundled too. */
export const THREAD_ENTRIES = [
  // A parse thread of a cold load only parses: the index's modules it loads for texts (the text
  // build's own thread, below, has them bundled) stay an on-demand import of the emitted modules.
  { entry: 'core/load/parse-worker.js', dynamic: false },
  { entry: 'core/load/text-worker.js', dynamic: true },
  { entry: 'core/files/walk-worker.js', dynamic: true },
];

const NATIVE = ['better-sqlite3', '@parcel/watcher'];

/** The bundle's file for an entry file (`x.js` -> `x.bundle.js`). */
export const bundleOf = (file) => file.replace(/\.js$/, '.bundle.js');

function keepImportMetaUrl(outfile) {
  return {
    name: 'keep-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
        const own = `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', own), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

const dynamicExternal = {
  name: 'dynamic-imports-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** Writes the bundle of every thread entry under `dist` (an absolute folder). */
export async function bundleThreads(dist) {
  await Promise.all(
    THREAD_ENTRIES.map(({ entry, dynamic }) => {
      const outfile = path.join(dist, bundleOf(entry));
      return build({
        entryPoints: [path.join(dist, entry)],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        external: NATIVE,
        // A CommonJS package inside the bundle asks for `require`, which an ES module has not.
        banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
        plugins: dynamic ? [keepImportMetaUrl(outfile)] : [dynamicExternal, keepImportMetaUrl(outfile)],
        logLevel: 'warning',
      });
    }),
  );
}

// `npm run build` runs this after tsc and postbuild.mjs; a test imports bundleThreads alone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleThreads(fileURLToPath(new URL('../dist/', import.meta.url)));
}
