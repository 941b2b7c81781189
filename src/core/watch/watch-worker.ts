// The folder watch's walk on a worker thread (see watcher.ts): lists the Markdown files under the
// watched folders and the folder links followed on the way, once the watch is in place, and posts
// them back. At 100k files the walk is a second of work that would otherwise share the thread
// reading keys; the watch itself (native) stays on the calling thread.
import { parentPort, workerData } from 'node:worker_threads';
import { walkPaths } from '../files/index.js';

/** What the walk thread posts back: the files and links found, or why it could not walk. */
export type WalkMessage = { kind: 'walked'; files: string[]; links: string[]; loops: string[] } | { kind: 'error'; message: string };

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
    ({ files, links, warnings }) =>
      port.postMessage({ kind: 'walked', files: files.map((f) => f.path), links, loops: loopsOf(warnings) } satisfies WalkMessage),
    (error: unknown) => port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WalkMessage),
  );
}
