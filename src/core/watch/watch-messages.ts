// What the folder watch's process (watch-process.ts) and the process that started it
// (subscriber.ts) say to each other over the IPC channel: structured clones (Node's 'advanced'
// serialization, so the ignore's RegExp survives), one message per piece of work.
import type { WatchIgnore } from './watch-filter.js';

/** Marks a process started as the folder watch's own (its first argument). */
export const WATCH_PROCESS_ROLE = 'crypto-news-tui:watch-process';

/** One event as @parcel/watcher reports it: what happened to an absolute path. */
export interface WatchEvent {
  type: 'create' | 'update' | 'delete';
  path: string;
}

/** To the watch process: subscribe to `dir` (absolute) with @parcel/watcher's `ignore`, `id` naming it in the answers; or end the subscription `id`. */
export type ToWatchProcess = { kind: 'subscribe'; id: number; dir: string; ignore: WatchIgnore[] } | { kind: 'unsubscribe'; id: number };

/**
 * From the watch process: the subscription `id` is being made (`subscribing`, sent just before
 * @parcel/watcher's call, `accepted` just after it returned: between the two the process may
 * freeze, watch-limits.ts), is in place (its crawl done) or could not be made (`code`: the errno
 * name when there is one; `unavailable`: the system left no room for a watch, `message` says
 * which limit), its events, or an error it reported later.
 */
export type FromWatchProcess =
  | { kind: 'subscribing'; id: number }
  | { kind: 'accepted'; id: number }
  | { kind: 'subscribed'; id: number }
  | { kind: 'failed'; id: number; message: string; code?: string; unavailable?: true }
  | { kind: 'events'; id: number; events: WatchEvent[] }
  | { kind: 'error'; id: number; message: string };
