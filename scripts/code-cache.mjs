// Writes the V8 code cache of the CLI's CommonJS bundle (scripts/bundle.mjs's FILTER_CLI), the
// last step of `npm run build`: a warm `--filter` over the bundled articles (data/) runs the bundle
// once, and the bytecode of every function it compiled is written beside it in dist/ (FILTER_CACHE).
// A warm `--filter` then takes those functions from the cache instead of parsing and compiling them
// as each is first called (src/code-cache.ts, which dist/cli.js runs the bundle through).
//
// The cache is made in processes of its own, with V8's default flags (NODE_OPTIONS left out):
// V8 accepts a cache only under the flags it was made with. The run turns TurboFan's inlining off
// for the index's answer (core/jit-flags.ts); it is back on before the cache is written. The cache
// is then read back by another process and kept only if V8 accepts it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

/** The query the cache's run answers: a word, a negated word, a coin and a source (the bench's field query), so each kind of term's code is compiled. */
export const CACHE_QUERY = 'solana -etf -coin:btc -source:decrypt';

const self = fileURLToPath(import.meta.url);

/** What `compileCommonJs` of dist/code-cache.js says of `cache` for `bundle` in a fresh process: 'accepted', 'rejected' or 'none'. */
export function cacheVerdict(dist, bundle, cache, env = cleanEnv()) {
  const r = spawnSync(process.execPath, [self, '--check', dist, bundle, cache], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code cache check failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

// The environment of the cache's processes: no NODE_OPTIONS (its V8 flags would be the cache's),
// no colour, and cache, config and state folders of their own.
function cleanEnv(home) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  if (home) Object.assign(env, { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state') });
  return env;
}

/**
 * Writes dist/`cacheName`, the code cache of dist/`bundleName` (the CLI as one CommonJS file), from a
 * warm `--filter CACHE_QUERY` over `data` (an absolute folder of articles). The entry dist/cli.js
 * must be built. Returns V8's verdict on the written cache; a cache V8 rejects is removed (the CLI
 * runs without one, compiling as before). Throws when the runs fail.
 */
export function writeCodeCache(dist, bundleName, cacheName, data) {
  const bundle = path.join(dist, bundleName);
  const cache = path.join(dist, cacheName);
  rmSync(cache, { force: true });
  const home = mkdtempSync(path.join(os.tmpdir(), 'cnt-code-cache-'));
  try {
    const env = cleanEnv(home);
    const args = ['--filter', CACHE_QUERY, '--print', 'path', data];
    // The first run builds the index, so the second answers from it as a warm run does.
    for (const argv of [[path.join(dist, 'cli.js'), ...args], [self, '--write', dist, bundle, cache, '--', ...args]]) {
      const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`code cache run exited ${r.status}: ${r.stderr.trim()}`);
    }
    if (!existsSync(cache)) throw new Error('code cache run wrote no cache');
    // The entry takes a cache no older than the bundle (src/code-cache.ts).
    const { mtime } = statSync(bundle);
    if (statSync(cache).mtime < mtime) utimesSync(cache, mtime, mtime);
    const verdict = cacheVerdict(dist, bundle, cache, env);
    if (verdict !== 'accepted') rmSync(cache, { force: true });
    return verdict;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

// The cache's processes: `--write DIST BUNDLE CACHE -- CLI-ARGS` runs the bundle as the CLI with
// CLI-ARGS and writes its cache as the process exits; `--check DIST BUNDLE CACHE` prints V8's verdict.
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const [mode, dist, bundle, cache] = process.argv.slice(2, 6);
  const { compileCommonJs } = await import(pathToFileURL(path.join(dist, 'code-cache.js')).href);
  if (mode === '--check') {
    process.stdout.write(`${compileCommonJs(bundle, cache).cache}\n`);
  } else if (mode === '--write') {
    const compiled = compileCommonJs(bundle, path.join(dist, 'no-cache-while-writing'));
    process.on('exit', () => {
      // V8's defaults back (the run's answer turned inlining off): the cache carries the flags' hash.
      v8.setFlagsFromString('--turbo-inlining');
      writeFileSync(cache, compiled.script.createCachedData());
    });
    process.argv = [process.argv[0], bundle, ...process.argv.slice(process.argv.indexOf('--') + 1)];
    compiled.run();
  } else {
    process.stderr.write('usage: code-cache.mjs --write|--check DIST BUNDLE CACHE [-- CLI-ARGS]\n');
    process.exit(2);
  }
}
