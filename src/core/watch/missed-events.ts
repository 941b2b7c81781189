// A guard against an event @parcel/watcher drops. In 2.6.0 Watcher::triggerCallbacks copies the
// event list (EventList::getEvents) and empties it (EventList::clear) under two separate takes
// of the list's own lock, while the inotify thread adds events under that lock alone: an event
// added between the two is cleared unseen, and the file it named would never be shown. The
// window is a burst's: events still coming while the first are delivered. So once the folders a
// delivery touched have been quiet for RECHECK_MS, their Markdown files are looked at again, and
// one whose inode changed (ctime: a write, a move in, a rename) after the delivery began and that
// no later event named is reported as an event of its own; so is a new link (a loop to warn of,
// a folder to follow: seen lost once in a full run, a link and a file made back to back).
import fs from 'node:fs';
import path from 'node:path';
import { isArticleName } from '../files/index.js';
import type { WatchEvent } from './watch-messages.js';

/** A subscription's callback: its events, or the error that ended it. */
type OnEvents = (error: Error | null, events: WatchEvent[]) => void;

/** Quiet time after a delivery before its folders are looked at again, in ms. */
export const RECHECK_MS = 1_000;
// A file changed up to this long before a delivery reached this thread may be one whose event
// was dropped from it (the native copy happens before the JS callback runs: milliseconds under load, seconds at worst).
const BEFORE_MS = 2_000;
// The file system's clock is coarser than Date.now() (a tick, ~4 ms): a change this close to an event is that event's.
const TICK_MS = 20;
// Files looked at a time: a folder of 10k files is listed without 10k stats in flight at once.
const STATS_AT_ONCE = 64;

/** A guarded subscription's callback, and the end of its guard. */
export interface MissedEventsGuard {
  onEvents: OnEvents;
  close(): void;
}

/**
 * Wraps `onEvents` (a subscription's callback): events pass through as they come; a Markdown
 * file in a folder that had events, changed since and named by none, is passed on afterwards as
 * a `create` (the merge reads it and replaces its row when it is already shown). Errors pass
 * through untouched. close() stops the looks still to come.
 */
export function guardMissedEvents(onEvents: OnEvents): MissedEventsGuard {
  // When this thread last heard of each path (Date.now()), and the folders to look at again with
  // the time from which a change there counts.
  const heard = new Map<string, number>();
  const folders = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const recheck = async (): Promise<void> => {
    const due = [...folders];
    folders.clear();
    const missed: { type: 'create'; path: string }[] = [];
    for (const [dir, since] of due) {
      let names: string[];
      try {
        names = (await fs.promises.readdir(dir, { withFileTypes: true })).filter((d) => d.isSymbolicLink() || (!d.isDirectory() && isArticleName(d.name))).map((d) => d.name);
      } catch {
        continue; // gone: its own events said so
      }
      for (let k = 0; k < names.length && !closed; k += STATS_AT_ONCE) {
        await Promise.all(
          names.slice(k, k + STATS_AT_ONCE).map(async (name) => {
            const file = path.join(dir, name);
            const st = await fs.promises.lstat(file).catch(() => null);
            if (st && st.ctimeMs >= since && (heard.get(file) ?? -Infinity) < st.ctimeMs - TICK_MS) missed.push({ type: 'create', path: file });
          }),
        );
      }
    }
    // What was heard long before any folder still to look at began counting is of no more use.
    const old = Date.now() - 2 * BEFORE_MS - RECHECK_MS;
    for (const [file, at] of heard) if (at < old) heard.delete(file);
    if (closed || missed.length === 0) return;
    const now = Date.now();
    for (const e of missed) heard.set(e.path, now);
    onEvents(null, missed);
  };

  return {
    onEvents: (error, events) => {
      if (closed) return;
      if (!error && events.length > 0) {
        const now = Date.now();
        for (const e of events) {
          heard.set(e.path, now);
          const dir = path.dirname(e.path);
          folders.set(dir, Math.min(folders.get(dir) ?? Infinity, now - BEFORE_MS));
        }
        clearTimeout(timer);
        timer = setTimeout(() => void recheck().catch(() => {}), RECHECK_MS).unref();
      }
      onEvents(error, events);
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
