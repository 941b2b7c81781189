// Where index files live, kept apart from database.ts so that naming the cache folder (`--print-config`)
// does not load SQLite's native module.

import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Where index files live: $XDG_CACHE_HOME/crypto-news-tui when that is absolute, else ~/.cache/crypto-news-tui (XDG base directory spec). */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'crypto-news-tui');
}

/** The index file for these folder arguments under `dir`: a hash of the resolved paths. */
export function indexFile(dir: string, roots: readonly string[]): string {
  const key = createHash('sha256').update(JSON.stringify(roots.map((r) => path.resolve(r)))).digest('hex').slice(0, 20);
  return path.join(dir, `${key}.sqlite`);
}

/** Where a warm check keeps its walk of the folders of `indexFile` (files/walk-listing.ts): beside the index, removed with it. */
export function walkListingFile(indexFile: string): string {
  return `${indexFile}-walk`;
}
