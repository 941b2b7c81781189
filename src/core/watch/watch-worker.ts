// The folder watch's walk off the UI thread (see watcher.ts): lists the Markdown files under the
// watched folders and the folder links followed on the way, once the watch is in place, and posts
// them back. At 100k files the walk is a second of work that would otherwise share the thread
// reading keys; the watch itself (native) stays on the calling thread. Run on a worker thread,
// or as a process of its own (argv: the role, then the paths as JSON), which posts its answer
// over the IPC channel and ends: the walk's list of a million entries (~0.5 GB of heap) is then
// never the dashboard's memory, and all of it goes back to the system when the process ends.
// Given a time, it posts only the files of folders changed since then (changed-folders.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../error-message.js';
import { walkPaths } from '../files/index.js';
import { addedSince } from './changed-folders.js';
import { runInBackground } from '../background-priority.js';

/**
 * What the walk posts back: the files found (their paths joined by PATH_SEPARATOR, FILES_A_CHUNK
 * to a string: a few strings to copy, not one per file), the links, or why it could not walk. A
 * walk process sends each chunk as a message of its own (`files`) ahead of `walked`: one message
 * of a million paths through Node's IPC channel took the receiver to +280 MB (measured at 1M).
 */
export type WalkMessage =
  | { kind: 'files'; files: string }
  | { kind: 'walked'; files: string[]; links: string[]; loops: string[] }
  | { kind: 'error'; message: string };

/** Paths joined into one string of a walk's answer (~1 MB of paths at most). */
export const FILES_A_CHUNK = 16_384;

// NUL ends no path a file system gives: the joined paths split back exactly.
const PATH_SEPARATOR = '\0';

/**
 * The paths of a walk's `walked` files (its chunks in order), one at a time (a generator: at a
 * million files an array of their strings is ~100 MB the watch keeps only while it compares them
 * with what is loaded). Each is a slice of its chunk and keeps it alive: one kept for long goes
 * through ownPath.
 */
export function* walkedPaths(chunks: readonly string[]): Generator<string> {
  for (const joined of chunks) {
    if (joined === '') continue;
    for (let from = 0; from <= joined.length; ) {
      let end = joined.indexOf(PATH_SEPARATOR, from);
      if (end < 0) end = joined.length;
      yield joined.slice(from, end);
      from = end + 1;
    }
  }
}

/** `paths` joined by PATH_SEPARATOR, FILES_A_CHUNK to a string. */
export function joinedChunks(paths: readonly string[]): string[] {
  const chunks: string[] = [];
  for (let k = 0; k < paths.length; k += FILES_A_CHUNK) chunks.push(paths.slice(k, k + FILES_A_CHUNK).join(PATH_SEPARATOR));
  return chunks;
}

/** A copy of `file` that holds its own characters, not the string it was sliced from (V8 keeps a slice's parent). */
export const ownPath = (file: string): string => Buffer.from(file, 'utf8').toString('utf8');

/** What the walk thread is started with. */
export interface WalkJob {
  role: typeof WATCH_WALK_ROLE;
  paths: string[];
  /** Only the files of folders changed since (epoch ms; changed-folders.ts), when given. */
  since?: number;
}

/** Marks a worker started for the folder watch's walk. */
export const WATCH_WALK_ROLE = 'crypto-news-tui:watch-walk';

/** The paths of a walk's `symlink loop` warnings (what a Walk reports as `loops`). */
export const loopsOf = (warnings: readonly { path: string; reason: string }[]): string[] =>
  warnings.filter((w) => w.reason === 'symlink loop').map((w) => w.path);

/**
 * The watch's walk of `roots` wherever it runs (this module's thread or process, or the watch's
 * own thread): the Markdown files' paths (with `since`, epoch ms, only those of folders changed
 * since: changed-folders.ts), the folder links followed, the links met that loop. Rejects as walkPaths does.
 */
export async function watchWalk(roots: readonly string[], since?: number): Promise<{ files: string[]; links: string[]; loops: string[] }> {
  const { files, links, warnings } = await walkPaths([...roots]);
  const found = files.map((f) => f.path);
  // The walk's entries let go before the caller joins the paths.
  files.length = 0;
  return { files: since === undefined ? found : addedSince(found, roots, since), links, loops: loopsOf(warnings) };
}

// The walk's answer: the paths joined.
async function walked(paths: string[], since?: number): Promise<WalkMessage> {
  try {
    const { files, links, loops } = await watchWalk(paths, since);
    return { kind: 'walked', files: joinedChunks(files), links, loops };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

const job = workerData as WalkJob | undefined;
if (parentPort && job?.role === WATCH_WALK_ROLE) {
  const port = parentPort;
  void walked(job.paths, job.since).then((message) => port.postMessage(message satisfies WalkMessage));
} else if (!parentPort && process.argv[2] === WATCH_WALK_ROLE && process.send) {
  runInBackground();
  // Its parent gone (the channel closed), the walk is of no use to anyone.
  process.on('disconnect', () => process.exit(0));
  // argv[4]: `since` (epoch ms), or empty for every file.
  const since = process.argv[4] ? Number(process.argv[4]) : undefined;
  void walked(JSON.parse(process.argv[3] ?? '[]') as string[], Number.isFinite(since) ? since : undefined).then((message) => {
    if (message.kind === 'walked') for (const files of message.files.splice(0)) process.send!({ kind: 'files', files } satisfies WalkMessage);
    process.send!(message satisfies WalkMessage, () => process.disconnect());
  });
}
