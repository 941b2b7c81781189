// A CommonJS file run through V8 with a code cache made at build time (scripts/code-cache.mjs):
// the functions a warm `--filter` runs come compiled to bytecode from the cache instead of being
// parsed and compiled from the source as they are first called (the CLI's CommonJS bundle, ~0.5 MB:
// ~60M instructions of a ~1,000M main thread at 10k files). Loaded by the entry dist/cli.cjs
// (written by scripts/bundle.mjs), before anything else of the program.
//
// The cache is code: it is only ever read from the program's own dist/, never written by a run.
// V8 checks it against its version, its flags and the source's length, and rejects it (the
// script is then compiled from its source, as `require` would) when one differs: another Node,
// a `--flag` given to node, a file changed after the build.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A CommonJS file compiled, not yet run. */
export interface CompiledCommonJs {
  /** The compiled script (its `createCachedData()` makes a cache of what has been compiled so far). */
  readonly script: vm.Script;
  /** 'accepted': compiled from the cache; 'rejected': V8 refused it; 'stale': older than the file, not offered; 'none': no cache file could be read. */
  readonly cache: 'accepted' | 'rejected' | 'stale' | 'none';
  /** Runs the file's code as `require` would (its own `require`, `module`, `__filename`, `__dirname`); returns its `module.exports`. */
  run(): unknown;
}

/**
 * The module wrapper of a CommonJS file's source, as Node's own (its parameters and their order).
 * The build's cache and the run's script must be compiled from the same string: V8 checks its length.
 */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/**
 * Compiles the CommonJS file `file` (an absolute path; no `#!` line) with the V8 code cache in
 * `cacheFile` when it can be read. The file must not need `import()`: Node 20 runs none from a
 * `vm.Script` given no loader, and the one it offers (`USE_MAIN_CONTEXT_DEFAULT_LOADER`, 20.12 on,
 * experimental) is lost when the script comes from a cache. Throws what reading `file` or
 * compiling its source throws (a SyntaxError), as `require` would.
 */
export function compileCommonJs(file: string, cacheFile: string): CompiledCommonJs {
  const bytes = fs.readFileSync(file);
  // ASCII (the build escapes the rest) read as one byte a character: the same text without
  // decoding ~0.5 MB of UTF-8 (~9M instructions), and V8 keeps it one byte a character.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  let stale = false;
  try {
    cachedData = fs.readFileSync(cacheFile);
    // V8 checks a cache against the source's length only: a file edited after the build (its
    // cache written last, or both of one install's time) must not run the old file's functions.
    stale = fs.statSync(cacheFile).mtimeMs < fs.statSync(file).mtimeMs;
  } catch {
    // No cache (a build without one, a file removed): compiled from the source.
  }
  const script = new vm.Script(wrapCommonJs(source), { filename: file, cachedData: stale ? undefined : cachedData });
  const cache = cachedData === undefined ? 'none' : stale ? 'stale' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  return {
    script,
    cache,
    run() {
      const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
      const fn = script.runInThisContext() as (...args: unknown[]) => void;
      fn.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
      module.loaded = true;
      return module.exports;
    },
  };
}

/** Runs the CommonJS file `file` with its code cache `cacheFile` (see compileCommonJs); returns its `module.exports`. */
export function runCommonJs(file: string, cacheFile: string): unknown {
  return compileCommonJs(file, cacheFile).run();
}
