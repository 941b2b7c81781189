// The folder watch's walk on a worker thread (see watcher.ts): lists the Markdown files under the
// watched folders and the folder links followed on the way, once the watch is in place, and posts
// them back. At 100k files the walk is a second of work that would otherwise share the thread
// reading keys; the watch itself (native) stays on the calling thread.
import { parentPort, workerData } from 'node:worker_threads';
import { walkPaths } from '../files/index.js';

/**
 * What the walk thread posts back: the files found (their paths joined by PATH_SEPARATOR: one
 * string to copy between threads, not one per file), the links, or why it could not walk.
 */
export type WalkMessage = { kind: 'walked'; files: string; links: string[]; loops: string[] } | { kind: 'error'; message: string };

// NUL ends no path a file system gives: the joined paths split back exactly.
const PATH_SEPARATOR = '\0';

/**
 * The paths of a thread's `walked` files, one at a time (a generator: at a million files an array
 * of their strings is ~100 MB the watch keeps only while it compares them with what is loaded).
 * Each is a slice of `joined` and keeps all of it alive: one kept for long goes through ownPath.
 */
export function* walkedPaths(joined: string): Generator<string> {
  if (joined === '') return;
  for (let from = 0; from <= joined.length; ) {
    let end = joined.indexOf(PATH_SEPARATOR, from);
    if (end < 0) end = joined.length;
    yield joined.slice(from, end);
    from = end + 1;
  }
}

/** A copy of `file` that holds its own characters, not the string it was sliced from (V8 keeps a slice's parent). */
export const ownPath = (file: string): string => Buffer.from(file, 'utf8').toString('utf8');

/** What the walk thread is started with. */
export interface WalkJob {
  role: typeof WATCH_WALK_ROLE;
  paths: string[];
}

/** Marks a worker started for the folder watch's walk. */
export const WATCH_WALK_ROLE = 'crypto-news-tui:watch-walk';

/** The paths of a walk's `symlink loop` warnings (what a Walk reports as `loops`). */
export const loopsOf = (warnings: readonly { path: string; reason: string }[]): string[] =>
  warnings.filter((w) => w.reason === 'symlink loop').map((w) => w.path);

const job = workerData as WalkJob | undefined;
if (parentPort && job?.role === WATCH_WALK_ROLE) {
  const port = parentPort;
  walkPaths(job.paths).then(
    ({ files, links, warnings }) => {
      const paths = files.map((f) => f.path);
      // The walk's entries (relative paths, folder names) are not posted: collectable before the join.
      files.length = 0;
      port.postMessage({ kind: 'walked', files: paths.join(PATH_SEPARATOR), links, loops: loopsOf(warnings) } satisfies WalkMessage);
    },
    (error: unknown) => port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WalkMessage),
  );
}
