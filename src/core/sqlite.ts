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

/** `new Database(file, options)` of better-sqlite3, its addon named by path when it can be (see the header); throws as the package does. */
export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  sqlite ??= require('better-sqlite3') as typeof Database;
  const nativeBinding = options.nativeBinding === undefined ? addonPath() : null;
  return new sqlite(file, nativeBinding === null ? options : { ...options, nativeBinding });
}
