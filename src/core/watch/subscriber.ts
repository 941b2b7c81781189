// Where the folder watch's @parcel/watcher subscriptions live. A subscription's first step is a
// native crawl of the whole folder on libuv's thread pool (seconds at 1M files), and unsubscribe
// waits for it behind the backend's lock; worse, process.exit() joins the thread pool, so a
// process that subscribed cannot end until every crawl it queued is done: Ctrl-C at 1M gave the
// terminal back at once and the shell seconds later. So the built program subscribes in a process
// of its own (watch-process.ts), killed when the watch closes or the program ends, crawl or not;
// its events come over the IPC channel. From sources (the tests), or when no process can be
// started, subscriptions are made here as before.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AsyncSubscription } from '@parcel/watcher';
import { asError } from '../error-message.js';
import { threadScript } from '../files/index.js';
import { guardMissedEvents, type MissedEventsGuard } from './missed-events.js';
import type { WatchIgnore } from './watch-filter.js';
import { watchUnavailable, WatchUnavailable } from './watch-limits.js';
import { WATCH_PROCESS_ROLE, type FromWatchProcess, type ToWatchProcess, type WatchEvent } from './watch-messages.js';

/** Called with a subscription's events, or with the error that ended it. */
export type OnEvents = (error: Error | null, events: WatchEvent[]) => void;

/** The error a subscription ends with when the watch process ended under it (killed, crashed). */
export class WatchProcessEnded extends Error {}

/** Ends one subscription: its events stop at once, its watches are removed soon after; never rejects. */
export type Unsubscribe = () => Promise<void>;

/** Makes and ends the watch's subscriptions. */
export interface Subscriber {
  /**
   * Watches `dir` (absolute) and everything under it but `ignore` (@parcel/watcher's); resolves once the
   * watch is in place (the crawl done). Rejects as @parcel/watcher's subscribe does (an Error,
   * with `code` when the system gave one), or when the subscriber is closed first; with
   * WatchUnavailable when the system leaves no room for a watch (watch-limits.ts). Resolves to
   * what ends this subscription alone (its folder replaced under its name: watch-here.ts).
   */
  subscribe(dir: string, ignore: readonly WatchIgnore[], onEvents: OnEvents): Promise<Unsubscribe>;
  /** Ends every subscription; from the watch's own process at once, crawl or not. */
  close(): Promise<void>;
}

/** How long the watch process may take over @parcel/watcher's first call (microseconds when it works) before it counts as frozen, in ms. */
export const FROZEN_MS = 20_000;

// What a frozen watch process is said to mean when the limit that froze it is no longer to be seen (freed meanwhile).
const FROZE =
  'live updates off: the folder watch froze starting inotify (a limit reached: the open files, `ulimit -n`, or the inotify instances, fs.inotify.max_user_instances); raise it and start again';

// Subscriptions made or being made in this process: while there is one, @parcel/watcher's
// backend (and its inotify instance) exists, and the next one needs no instance of its own.
let hereHeld = 0;

/**
 * Subscriptions in this process: close() waits for the crawls under way, then unsubscribes. One
 * that would freeze the process (watch-limits.ts) is refused with WatchUnavailable instead.
 */
export function subscribeHere(): Subscriber {
  let closed = false;
  const made: (AsyncSubscription & { release: () => void })[] = [];
  const started: Promise<unknown>[] = [];
  const guards: MissedEventsGuard[] = [];
  return {
    subscribe: (dir, ignore, onEvents) => {
      const unavailable = hereHeld === 0 ? watchUnavailable() : null;
      if (unavailable) return Promise.reject(new WatchUnavailable(unavailable));
      hereHeld++;
      let held = true;
      const release = (): void => {
        if (held) hereHeld--;
        held = false;
      };
      // An event parcel drops is looked for again (missed-events.ts), until close().
      const guard = guardMissedEvents(onEvents, path.resolve(dir));
      guards.push(guard);
      // Loaded on first use: a program whose watch runs in its own process never loads it here.
      const one = import('@parcel/watcher')
        .then(({ default: parcel }) => parcel.subscribe(dir, guard.onEvents, { ignore: [...ignore] }))
        // In place once the guard knows every folder too (its first look: a folder moved out
        // before that look lists it would take its files along untold).
        .then(async (sub) => (await guard.looked, sub))
        .then(
          async (sub): Promise<Unsubscribe> => {
            const held = Object.assign(sub, { release });
            if (!closed) {
              made.push(held);
              return async () => {
                guard.close();
                const at = made.indexOf(held);
                if (at < 0) return;
                made.splice(at, 1);
                await held.unsubscribe().catch(() => {}).finally(release);
              };
            }
            await sub.unsubscribe();
            release();
            return async () => {};
          },
          (error: unknown) => {
            release();
            throw error;
          },
        );
      started.push(one.catch(() => {}));
      return one;
    },
    close: async () => {
      closed = true;
      for (const guard of guards) guard.close();
      await Promise.allSettled(started);
      await Promise.allSettled(made.map((sub) => sub.unsubscribe().finally(sub.release)));
    },
  };
}

/** The watch process's script when built (watch-process.ts), else null. */
export function watchProcessScript(): URL | null {
  return threadScript(new URL('./watch-process.js', import.meta.url));
}

// A watch process started ahead of its first subscription (prestartWatchProcess), with the script it runs.
let spare: { script: string; child: ChildProcess; kill: () => void } | null = null;

function forkWatch(script: URL): ChildProcess {
  const child = fork(fileURLToPath(script), [WATCH_PROCESS_ROLE], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [], serialization: 'advanced' });
  // Neither the process nor its channel keeps this one alive: the dashboard's terminal does.
  child.unref();
  child.channel?.unref();
  return child;
}

function takeSpare(script: URL): ChildProcess | null {
  if (!spare || spare.script !== script.href || spare.child.exitCode !== null || spare.child.signalCode !== null) return null;
  const { child, kill } = spare;
  spare = null;
  process.off('exit', kill);
  child.removeAllListeners('error');
  return child;
}

/**
 * Starts the watch process now, for the first subscribeInProcess of the built script to take:
 * its start (a Node process, ~50 ms of CPU; seconds of wall time on a loaded machine) then
 * overlaps the load instead of delaying the watch after the list, when a file copied in is
 * noticed only once the watch is in place. Nothing when the script is not built or it cannot start.
 */
export function prestartWatchProcess(): void {
  const script = watchProcessScript();
  if (!script || spare) return;
  try {
    const child = forkWatch(script);
    const kill = (): void => void child.kill('SIGKILL');
    child.on('error', () => {}); // a spare that could not start is not taken (takeSpare)
    process.on('exit', kill);
    spare = { script: script.href, child, kill };
  } catch {
    // No spare: the first subscription starts its own.
  }
}

/**
 * Subscriptions in a process of their own, started from `script` (or the one prestartWatchProcess started). Until it has answered once, a
 * process that could not be started hands every subscription to `subscribeHere`; one that ends
 * later (killed, crashed) ends its subscriptions with WatchProcessEnded. The process never keeps
 * this one alive and is killed when this one exits.
 */
export function subscribeInProcess(script: URL): Subscriber {
  let child: ChildProcess | null = null;
  let ended: Error | null = null;
  let answered = false;
  let closed = false;
  let here: Subscriber | null = null;
  const waiting = new Map<number, { resolve: (end: Unsubscribe) => void; reject: (error: Error) => void; dir: string; ignore: readonly WatchIgnore[]; onEvents: OnEvents }>();
  const listening = new Map<number, OnEvents>();
  let next = 0;
  let frozen: NodeJS.Timeout | undefined;
  const kill = (): void => {
    clearTimeout(frozen);
    try {
      child?.kill('SIGKILL');
    } catch {
      // Gone already.
    }
  };
  // The process is gone (or never came): what waits is answered, what listened is told.
  const end = (error: Error): void => {
    if (ended) return;
    ended = error;
    process.off('exit', kill);
    const pending = [...waiting.values()];
    waiting.clear();
    if (!answered && !closed) {
      // It never started: the subscriptions are made here instead.
      here = subscribeHere();
      listening.clear();
      for (const w of pending) here.subscribe(w.dir, w.ignore, w.onEvents).then(w.resolve, w.reject);
      return;
    }
    for (const w of pending) w.reject(error);
    for (const onEvents of listening.values()) onEvents(error, []);
    listening.clear();
  };
  try {
    child = takeSpare(script) ?? forkWatch(script);
  } catch (error) {
    end(asError(error));
  }
  if (child) {
    process.on('exit', kill);
    child.on('error', (error) => end(error));
    child.on('exit', (code, signal) => end(new WatchProcessEnded(`the watch process ended (${signal ?? `exit ${code}`})`)));
    child.on('message', (m: FromWatchProcess) => {
      answered = true;
      if (m.kind === 'subscribing') {
        // No `accepted` in time: the process froze in @parcel/watcher's call (watch-limits.ts). Killed, and said why.
        frozen = setTimeout(() => {
          kill();
          end(new WatchUnavailable(watchUnavailable() ?? FROZE));
        }, FROZEN_MS).unref();
        return;
      }
      if (m.kind === 'accepted') return clearTimeout(frozen);
      if (m.kind === 'events' || m.kind === 'error') {
        listening.get(m.id)?.(m.kind === 'error' ? new Error(m.message) : null, m.kind === 'events' ? m.events : []);
        return;
      }
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.kind === 'subscribed') return w.resolve(unsubscribe(m.id));
      listening.delete(m.id);
      w.reject(m.unavailable ? new WatchUnavailable(m.message) : Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
    });
  }
  // Its events dropped here at once; the process told to end it (nothing to tell once it is gone).
  const unsubscribe = (id: number): Unsubscribe => async () => {
    if (!listening.delete(id) || ended) return;
    try {
      child!.send({ kind: 'unsubscribe', id } satisfies ToWatchProcess);
    } catch {
      // The channel closed meanwhile: the process ends with it, and its watches.
    }
  };
  return {
    subscribe: (dir, ignore, onEvents) => {
      if (here) return here.subscribe(dir, ignore, onEvents);
      if (ended) return Promise.reject(ended);
      return new Promise<Unsubscribe>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject, dir, ignore, onEvents });
        listening.set(id, onEvents);
        try {
          child!.send({ kind: 'subscribe', id, dir, ignore: [...ignore] } satisfies ToWatchProcess);
        } catch (error) {
          end(asError(error));
        }
      });
    },
    close: async () => {
      closed = true;
      listening.clear();
      kill();
      end(new WatchProcessEnded('the watch was closed'));
      await here?.close();
    },
  };
}
