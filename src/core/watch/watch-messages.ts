// What the folder watch's process (watch-process.ts) and the process that started it
// (subscriber.ts) say to each other over the IPC channel: JSON, one message per line of work.

/** Marks a process started as the folder watch's own (its first argument). */
export const WATCH_PROCESS_ROLE = 'crypto-news-tui:watch-process';

/** One event as @parcel/watcher reports it: what happened to an absolute path. */
export interface WatchEvent {
  type: 'create' | 'update' | 'delete';
  path: string;
}

/** To the watch process: subscribe to `dir` (absolute) with @parcel/watcher's `ignore` globs; `id` names it in the answers. */
export type ToWatchProcess = { kind: 'subscribe'; id: number; dir: string; ignore: string[] };

/**
 * From the watch process: the subscription `id` is in place (its crawl done) or could not be
 * made (`code`: the errno name when there is one), its events, or an error it reported later.
 */
export type FromWatchProcess =
  | { kind: 'subscribed'; id: number }
  | { kind: 'failed'; id: number; message: string; code?: string }
  | { kind: 'events'; id: number; events: WatchEvent[] }
  | { kind: 'error'; id: number; message: string };
