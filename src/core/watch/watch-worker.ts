// The folder watch on a worker thread (see watcher.ts): runs watchHere for the folders it is
// given and posts each batch, each error and warning and the reconcile walk's files to the thread that
// started it, which answers with the files it did not know.
import { parentPort, workerData } from 'node:worker_threads';
import { watchHere, type WatchBatch, type WatchWarning } from './watch-here.js';

/** Messages from the watch thread. */
export type WatchMessage =
  | { kind: 'batch'; batch: WatchBatch }
  | { kind: 'error'; message: string }
  | { kind: 'warning'; warning: WatchWarning }
  | { kind: 'candidates'; files: string[] };

/** Messages to the watch thread: the reconcile answer. */
export interface MissedMessage {
  kind: 'missed';
  files: string[];
}

/** What the watch thread is started with. */
export interface WatchJob {
  role: typeof WATCH_ROLE;
  paths: string[];
  /** Whether the starting thread wants the reconcile walk's files (it has a `known` test). */
  reconcile: boolean;
}

/** Marks a worker started for the folder watch. */
export const WATCH_ROLE = 'crypto-news-tui:watch';

const job = workerData as WatchJob | undefined;
if (parentPort && job?.role === WATCH_ROLE) {
  const port = parentPort;
  let answer: ((files: string[]) => void) | null = null;
  port.on('message', (m: MissedMessage) => {
    if (m.kind === 'missed') answer?.(m.files);
  });
  watchHere(
    job.paths,
    (batch) => port.postMessage({ kind: 'batch', batch } satisfies WatchMessage),
    (error) => port.postMessage({ kind: 'error', message: error.message } satisfies WatchMessage),
    job.reconcile
      ? (files) =>
          new Promise<string[]>((resolve) => {
            answer = resolve;
            port.postMessage({ kind: 'candidates', files } satisfies WatchMessage);
          })
      : undefined,
    (warning) => port.postMessage({ kind: 'warning', warning } satisfies WatchMessage),
  );
}
