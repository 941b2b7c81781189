// A guard against an event @parcel/watcher drops. In 2.6.0 Watcher::triggerCallbacks copies the
// event list (EventList::getEvents) and empties it (EventList::clear) under two separate takes
// of the list's own lock, while the inotify thread adds events under that lock alone: an event
// added between the two is cleared unseen, and the file it named would never be shown. The
// window is a burst's: events still coming while the first are delivered. So once the folders a
// delivery touched have been quiet for RECHECK_MS, their Markdown files are looked at again, and
// one whose inode changed (ctime: a write, a move in, a rename) after the delivery began and that
// no later event named is reported as an event of its own; so is a new link (a loop to warn of,
// a folder to follow: seen lost once in a full run, a link and a file made back to back).
// A burst can drop every event of a folder, not only some: so each look also stats every folder
// under the watched root (learnt once when the guard starts, kept up to date by the looks) and
// reads again each one whose mtime moved since the last look, events or not.
// A dropped `delete` leaves nothing to stat: so each folder's Markdown names are kept as last
// read (one string a folder: ~30 MB at a million files, in the watch's own process), and a name
// gone since, or a file heard of and gone, whose delete no event told, is reported as a `delete`
// (seen lost in a full test run: a file removed in the same burst as a write and a create). The
// same names give the files of a folder gone (moved out: its own event is all inotify tells).
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

// Folders never watched (watch-filter.ts' IGNORED_FOLDERS): not looked at either.
const ignoredFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** A folder as last looked at: its mtime (ms) then, and when (Date.now()) the look began. */
interface Look {
  mtimeMs: number;
  at: number;
}

// The names in `dir` a folder's entries give: Markdown files and links (a link's own delete is news too).
const namesOf = (entries: readonly fs.Dirent[]): string[] => entries.filter((d) => d.isSymbolicLink() || (!d.isDirectory() && isArticleName(d.name))).map((d) => d.name);

/** A guarded subscription's callback, and the end of its guard. */
export interface MissedEventsGuard {
  onEvents: OnEvents;
  /** Settles when the first look (every folder under the root, and its names) is done; never rejects. */
  looked: Promise<void>;
  close(): void;
}

/**
 * Wraps `onEvents` (a subscription's callback): events pass through as they come; a Markdown
 * file in a folder that had events, changed since and named by none, is passed on afterwards as
 * a `create` (the merge reads it and replaces its row when it is already shown). With `root`
 * (the subscribed folder, absolute), every folder under it whose mtime moved since the last look
 * is read again the same way, so a file whose folder had no event at all still arrives. A file
 * gone from a folder looked at again (by its last listing, or heard of before), and every file of
 * a folder whose own `delete` comes (and of the folders under it), is passed on as a `delete`
 * unless its delete was heard. Errors pass through untouched. close() stops the looks still to come.
 */
export function guardMissedEvents(onEvents: OnEvents, root?: string): MissedEventsGuard {
  // When this thread last heard of each path (Date.now()), and the folders to look at again with
  // the time from which a change there counts.
  const heard = new Map<string, number>();
  // Paths whose last event heard was a delete (kept as long as `heard` keeps them).
  const deleted = new Set<string>();
  // Each folder's Markdown names (and links) as last read, by the first look or a recheck, joined by newlines.
  const listed = new Map<string, string>();
  const folders = new Map<string, number>();
  // Every folder under `root` (links not followed) as last looked at.
  const looked = new Map<string, Look>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const hear = (e: WatchEvent, at: number): void => {
    heard.set(e.path, at);
    if (e.type === 'delete') deleted.add(e.path);
    else deleted.delete(e.path);
  };

  // Deletes for the `names` of `dir` not `present` (none, when not given) whose delete was not heard.
  const unsaid = (dir: string, names: Iterable<string>, present?: ReadonlySet<string>): WatchEvent[] => {
    const out: WatchEvent[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      if (name !== '' && !present?.has(name) && !deleted.has(file)) out.push({ type: 'delete', path: file });
    }
    return out;
  };

  // The files of a folder gone and of the folders under it, as deletes (but those already heard),
  // its listings forgotten. A folder moved out from under the root is told of alone (inotify's
  // IN_MOVED_FROM for the folder, nothing for what it held), and so may be one removed whole when
  // its files' events were dropped.
  const emptied = (gone: string): WatchEvent[] => {
    const out: WatchEvent[] = [];
    const under = gone + path.sep;
    for (const [dir, names] of listed) {
      if (dir !== gone && !dir.startsWith(under)) continue;
      listed.delete(dir);
      looked.delete(dir);
      out.push(...unsaid(dir, names.split('\n')));
    }
    return out;
  };

  // Notes `dir`'s mtime as of now (before it is read: a change during the read moves it again).
  const look = async (dir: string): Promise<void> => {
    const at = Date.now();
    const st = await fs.promises.stat(dir).catch(() => null);
    if (st) looked.set(dir, { mtimeMs: st.mtimeMs, at });
    else looked.delete(dir);
  };
  // The first look: every folder under the root, so that a later move of any of them is seen. It
  // counts from the guard's start: a folder that moved since then (while this look went on) is
  // noted as moved, to be read at the first look after a delivery.
  const started = Date.now();
  const learnt = (async () => {
    for (let todo = root ? [root] : []; todo.length > 0 && !closed; ) {
      const dir = todo.pop()!;
      const st = await fs.promises.stat(dir).catch(() => null);
      if (st) looked.set(dir, { mtimeMs: st.mtimeMs >= started - TICK_MS ? NaN : st.mtimeMs, at: started });
      const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => null);
      if (!entries) continue;
      listed.set(dir, namesOf(entries).join('\n'));
      for (const d of entries) if (d.isDirectory() && !ignoredFolder(d.name)) todo.push(path.join(dir, d.name));
    }
  })().catch(() => {});

  // Adds to `due` each known folder whose mtime moved since its last look (a file made, moved or
  // removed there), counting changes from that look on.
  const moved = async (due: Map<string, number>): Promise<void> => {
    const dirs = [...looked.keys()].filter((d) => !due.has(d));
    for (let k = 0; k < dirs.length && !closed; k += STATS_AT_ONCE) {
      await Promise.all(
        dirs.slice(k, k + STATS_AT_ONCE).map(async (dir) => {
          const before = looked.get(dir)!;
          const st = await fs.promises.stat(dir).catch(() => null);
          if (!st) return void looked.delete(dir);
          if (st.mtimeMs !== before.mtimeMs) due.set(dir, before.at - TICK_MS);
        }),
      );
    }
  };

  const recheck = async (): Promise<void> => {
    await learnt;
    const due = new Map(folders);
    folders.clear();
    if (root) await moved(due);
    const missed: WatchEvent[] = [];
    // The files heard of in each folder due, to tell which of them are gone unsaid.
    const heardIn = new Map<string, string[]>();
    for (const file of heard.keys()) {
      const dir = path.dirname(file);
      if (!due.has(dir) || !isArticleName(path.basename(file))) continue;
      const files = heardIn.get(dir);
      if (files) files.push(file);
      else heardIn.set(dir, [file]);
    }
    for (const [dir, since] of due) {
      let names: string[];
      try {
        if (root) await look(dir);
        const entries = await fs.promises.readdir(dir, { withFileTypes: true });
        // A folder new since the last look is read in full, as of the same time (its own events may be the ones lost).
        if (root) for (const d of entries) if (d.isDirectory() && !ignoredFolder(d.name) && !looked.has(path.join(dir, d.name)) && !due.has(path.join(dir, d.name))) due.set(path.join(dir, d.name), since);
        names = namesOf(entries);
        // Gone since the last read, or heard of and gone, and no delete heard: its delete was dropped.
        const before = listed.get(dir);
        const gone = new Set([...(before ? before.split('\n') : []), ...(heardIn.get(dir) ?? []).map((f) => path.basename(f))]);
        missed.push(...unsaid(dir, gone, new Set(names)));
        listed.set(dir, names.join('\n'));
      } catch {
        listed.delete(dir);
        continue; // gone: its own events said so
      }
      for (let k = 0; k < names.length && !closed; k += STATS_AT_ONCE) {
        await Promise.all(
          names.slice(k, k + STATS_AT_ONCE).map(async (name) => {
            const file = path.join(dir, name);
            const st = await fs.promises.lstat(file).catch(() => null);
            // Never a change from before this guard began: no event of its subscription can have
            // named it, and the load read the file (a dashboard started right after another one
            // added files re-read them all at its first burst, as new rows: their counts lost).
            if (st && st.ctimeMs >= Math.max(since, started - TICK_MS) && (heard.get(file) ?? -Infinity) < st.ctimeMs - TICK_MS) missed.push({ type: 'create', path: file });
          }),
        );
      }
    }
    // What was heard long before any folder still to look at began counting is of no more use.
    const old = Date.now() - 2 * BEFORE_MS - RECHECK_MS;
    for (const [file, at] of heard) {
      if (at >= old) continue;
      heard.delete(file);
      deleted.delete(file);
    }
    if (closed || missed.length === 0) return;
    const now = Date.now();
    for (const e of missed) hear(e, now);
    onEvents(null, missed);
  };

  return {
    looked: learnt,
    onEvents: (error, given) => {
      if (closed) return;
      let events = given;
      if (!error && events.length > 0) {
        const now = Date.now();
        for (const e of events) hear(e, now);
        // A folder gone takes its files along, told or not.
        const along = events.flatMap((e) => (e.type === 'delete' && listed.has(e.path) ? emptied(e.path) : []));
        for (const e of along) hear(e, now);
        if (along.length > 0) events = [...events, ...along];
        for (const e of events) {
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
