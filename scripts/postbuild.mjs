// Finishes the build: makes the built entry point executable (tsc keeps the shebang but not the
// mode bit), copies the data files the program reads beside its modules (tsc emits only what
// is imported as code), and writes dist/build-stamps.json (see src/core/build-stamp.ts).
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const STAMPS = path.join(dist, 'build-stamps.json');
chmodSync(path.join(dist, 'cli.js'), 0o755);
for (const file of ['core/coins/asset-manifest.json']) copyFileSync(new URL(`../src/${file}`, import.meta.url), path.join(dist, file));

// Relative module references in emitted JS: static and dynamic imports, re-exports, the
// `new URL('./x.js', import.meta.url)` a worker is started from, and data read through
// `createRequire(import.meta.url)('./x.json')`.
const REFERENCE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*|\)\(\s*)['"](\.{1,2}\/[^'"]+\.(?:js|json))['"]/g;

/**
 * The emitted files `roots` reach through relative references (themselves included), sorted;
 * the files `notFollowed` (paths under dist) are neither included nor followed.
 */
function closure(roots, notFollowed = []) {
  const seen = new Set();
  const skip = new Set(notFollowed.map((r) => path.join(dist, r)));
  const todo = roots.map((r) => path.join(dist, r));
  while (todo.length > 0) {
    const file = todo.pop();
    // The stamps themselves are not code (core/build-stamp.js reads them).
    if (seen.has(file) || file === STAMPS || skip.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(REFERENCE)) todo.push(path.resolve(path.dirname(file), m[1]));
  }
  return [...seen].sort();
}

// A stamp names the code that computes a kind of stored data: a SHA-256 over the package version
// and the bytes of every module that code reaches. Equal bytes compute the same data, so a
// reinstall or a rebuild that changed nothing keeps the stored data, and a change to any module
// the part uses drops it.
function stamp(roots, notFollowed = []) {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  for (const file of closure(roots, notFollowed)) hash.update(`\0${path.relative(dist, file)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

const stamps = {
  // The index's rows hold what the parser gives, the filter columns and coins computed from it
  // (core/index/columns.js) and the full text made of it (core/index/article-text.js): any of them
  // changing drops the rows. The parse worker enters the index's face (core/index/index.js) only
  // to pack a row's texts, which article-text.js is: followed through the face, the stamp took in
  // the word index, the reader and their threads, and a change to how words are read dropped
  // every user's rows (a million files parsed again: minutes, and more memory than a cold start;
  // BENCHMARKS, the twenty-eighth round).
  parser: stamp(['core/load/parse-worker.js', 'core/index/columns.js', 'core/index/article-text.js'], ['core/index/index.js']),
  // The facts snapshot holds each article's facts and its story, named by index row: what
  // computes them is the facts, their builder and stream, and the story grouping (group.js,
  // group-stream.js: left out until the twenty-eighth round, so a change to the grouping rule kept
  // the stories grouped by the old one). A parser change needs no part here: its rows are written
  // again under new ids, which the snapshot does not hold.
  // What the facts are computed from is part of them too: indexed-inputs.js makes the inputs the
  // worker reads from the index (when it added the index's leads, no stamp changed as they went,
  // so the stories grouped on them stayed). The index's face is not followed, as for the parser.
  facts: stamp(['core/stories/facts.js', 'core/stories/facts-builder.js', 'core/stories/facts-stream.js', 'core/stories/group.js', 'core/stories/group-stream.js', 'core/stories/indexed-inputs.js'], ['core/index/index.js']),
};
writeFileSync(STAMPS, `${JSON.stringify(stamps, null, 2)}\n`);
