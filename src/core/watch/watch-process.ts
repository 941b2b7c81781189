// The folder watch's own process (subscriber.ts says why it has one): @parcel/watcher subscribes
// here to the folders it is sent and forwards their events over the IPC channel. Nothing here
// is ever closed: the parent kills this process when it closes the watch or ends, and this
// process kills itself the moment the channel closes (its parent gone without a word), where
// process.exit() would wait for a crawl still running on libuv's thread pool.
import path from 'node:path';
import parcel from '@parcel/watcher';
import { errorMessage } from '../error-message.js';
import { runInBackground } from '../background-priority.js';
import { watchUnavailable } from './watch-limits.js';
import { guardMissedEvents } from './missed-events.js';
import { WATCH_PROCESS_ROLE, type FromWatchProcess, type ToWatchProcess } from './watch-messages.js';

const send = (message: FromWatchProcess): void => {
  // The channel closed meanwhile ('disconnect' below ends the process): a write that finds it
  // closed (EPIPE) goes to the callback, not to an 'error' event that would crash the process.
  if (process.connected) process.send!(message, () => {});
};

// Checked once, before the first subscription: the later ones share its inotify instance.
let checked = false;
let unavailable: string | null = null;

// What ends each subscription made here, by its id (its folder replaced under its name: watch-here.ts).
const ends = new Map<number, () => void>();
// Unsubscribes under way, by folder. @parcel/watcher shares a watch by path and its unsubscribe
// completes on the thread pool: a subscription to the same path made before then joins the old
// folder's watch and hears nothing of the new one (seen under load, a test's replaced root).
const ending = new Map<string, Promise<void>>();
function endingUnder(key: string, done: Promise<void>): void {
  const all = (ending.get(key) ?? Promise.resolve()).then(() => done);
  ending.set(key, all);
  void all.then(() => {
    if (ending.get(key) === all) ending.delete(key);
  });
}

function subscribe({ id, dir, ignore }: Extract<ToWatchProcess, { kind: 'subscribe' }>): void {
  if (!checked) [checked, unavailable] = [true, watchUnavailable()];
  if (unavailable) return send({ kind: 'failed', id, message: unavailable, unavailable: true });
  // The parent hears both at once (an IPC send is written before it returns): no `accepted`
  // means this thread froze in the call (watch-limits.ts), and the parent ends this process.
  send({ kind: 'subscribing', id });
  // An event parcel drops is looked for again (missed-events.ts); this process is killed, never closed.
  const guard = guardMissedEvents((error, events) => {
    if (error) send({ kind: 'error', id, message: error.message });
    else send({ kind: 'events', id, events: events.map((e) => ({ type: e.type, path: e.path })) });
  }, path.resolve(dir));
  const subscribed = parcel.subscribe(dir, guard.onEvents, { ignore });
  send({ kind: 'accepted', id });
  // Ended in the call that hears of it, not a microtask later: the channel hands the messages of one
  // read over in one go, and a subscription to the same path right behind it waits for this one's
  // unsubscribe (`ending`) instead of joining it (@parcel/watcher shares a watch by path).
  let made: { unsubscribe(): Promise<void> } | null = null;
  let ended = false;
  let unsubscribed: Promise<void> | null = null;
  const finish = (sub: { unsubscribe(): Promise<void> }): Promise<void> => (unsubscribed ??= sub.unsubscribe().catch(() => {}));
  ends.set(id, () => {
    ended = true;
    guard.close();
    endingUnder(path.resolve(dir), made ? finish(made) : subscribed.then(finish, () => {}));
  });
  subscribed.then((sub) => (ended ? finish(sub) : void (made = sub))).catch(() => {});
  // In place once the guard knows every folder too: a folder moved out before its first look
  // lists it would take its files along untold.
  subscribed.then(
    () => guard.looked.then(() => send({ kind: 'subscribed', id })),
    (error: unknown) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      send({ kind: 'failed', id, message: errorMessage(error), ...(typeof code === 'string' ? { code } : {}) });
    },
  );
}

if (process.argv[2] === WATCH_PROCESS_ROLE && process.send) {
  runInBackground();
  process.on('message', (message: ToWatchProcess) => {
    if (message?.kind === 'subscribe') {
      const before = ending.get(path.resolve(message.dir));
      if (before) void before.then(() => subscribe(message));
      else subscribe(message);
    }
    else if (message?.kind === 'unsubscribe') {
      ends.get(message.id)?.();
      ends.delete(message.id);
    }
  });
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  // Ctrl-C or a hang-up reach the whole process group: the parent decides when this one ends.
  process.on('SIGINT', () => {});
  process.on('SIGHUP', () => {});
}
