// better-sqlite3, loaded the way a warm `--filter` pays least for it: through `require`, not an
// ES import (which first runs Node's CommonJS export lexer over the package's modules), and its
// native addon named by path where the package's install puts it (else the package asks
// `bindings` to search a dozen candidate folders for it). Together ~7 ms of a ~0.2 s warm run at
// 10k files. Every module that opens a database opens it here. The `--filter` CLI's bundle carries
// the package's JavaScript in place of the one `require` below (scripts/bundle.mjs inlineSqlite):
// keep it one call naming the package.
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

const require = createRequire(import.meta.url);

let sqlite: typeof Database | null = null;
// Where better-sqlite3's install (prebuilt or compiled) writes its addon; null when it is not
// there (another build layout): the package then finds it itself.
let addon: string | null | undefined;

function addonPath(): string | null {
  if (addon === undefined) {
    try {
      // Resolving a file checks that it is there.
      addon = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      addon = null;
    }
  }
  return addon;
}

/**
 * The page cache of each connection opened here, in KiB: SQLite's own default
 * (SQLITE_DEFAULT_CACHE_SIZE, -2000), not the 16,000 better-sqlite3 builds in (deps/defines.gypi).
 * Most of what this program reads it reads once (a warm load's rows, the facts' snapshot, a word's
 * doclist), so a bigger cache only fills with pages not asked for again, and its memory, freed at
 * close, stays in malloc's arena of the thread: at 100k articles the warm dashboard settled ~5 MB
 * lower with it, and a warm 1M `--filter` took as long (BENCHMARKS.md, the thirty-first round).
 * The pages are in the OS's cache all the same. In-memory and temporary databases (`db.memory`) are
 * their cache: left as they are.
 */
export const PAGE_CACHE_KIB = 2000;

/** `new Database(file, options)` of better-sqlite3, its addon named by path when it can be (see the header), with a page cache of PAGE_CACHE_KIB; throws as the package does. */
export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  sqlite ??= require('better-sqlite3') as typeof Database;
  const nativeBinding = options.nativeBinding === undefined ? addonPath() : null;
  const db = new sqlite(file, nativeBinding === null ? options : { ...options, nativeBinding });
  if (!db.memory) db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return db;
}
