// Live updates: the folders the dashboard shows are watched and what changed arrives in batches
// (watch-here.ts says how). The native watch runs in a process of its own when the built script
// is there (subscriber.ts: the program's exit never waits for its crawl); the walk it does once
// it is in place (to catch files that landed before it was, and to find folder links to follow)
// runs in a process of its own too when the built script is there (at 1M files its list of
// entries is ~0.5 GB, measured as the dashboard's own memory on a thread: BENCHMARKS.md, issue
// 10), and a later walk of a folder that appeared on a worker thread; either way off the thread
// reading keys. From sources (tests) it runs here.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { subscribeHere, subscribeInProcess, watchProcessScript } from './subscriber.js';
import { watchHere, type FolderWatch, type Walk, type WatchBatch, type WatchWarning } from './watch-here.js';
import { ownPath, walkedPaths, watchWalk, WATCH_WALK_ROLE, type WalkJob, type WalkMessage } from './watch-worker.js';

export { BATCH_MAX_MS, BATCH_QUIET_MS, SETTLE_MS, type FolderWatch, type WatchBatch, type WatchWarning } from './watch-here.js';
export { ROOT_POLL_MS } from './root-identity.js';

/** The built walk worker next to this module, or null when running from sources. */
function workerUrl(): URL | null {
  const url = new URL('./watch-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

// A walk as the watch takes it, given `since`: only the files of folders changed since (changed-folders.ts).
type WalkSince = (roots: readonly string[], since?: number) => ReturnType<Walk>;

// The watch's walk on this thread (from sources, or when no worker can start).
const walkOnThisThread: WalkSince = watchWalk;

// The walk on a thread of its own, ended as soon as it answers; on this thread when no worker can start.
function walkOnWorker(url: URL, workers: Set<Worker>): WalkSince {
  return (roots, since) =>
    new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(url, { workerData: { role: WATCH_WALK_ROLE, paths: roots.map((p) => path.resolve(p)), since } satisfies WalkJob });
      } catch {
        walkOnThisThread(roots, since).then(resolve, reject);
        return;
      }
      // The walk never keeps the process alive on its own (the dashboard's terminal does).
      worker.unref();
      workers.add(worker);
      const done = (): void => {
        workers.delete(worker);
        void worker.terminate();
      };
      worker.once('message', (m: WalkMessage) => {
        done();
        if (m.kind === 'walked') resolve({ files: walkedPaths(m.files), links: m.links, loops: m.loops });
        else reject(new Error(m.kind === 'error' ? m.message : 'the walk thread answered out of turn'));
      });
      worker.once('error', (error) => {
        done();
        reject(error);
      });
    });
}

// The walk in a process of its own, ended as soon as it answers (or the watch closes, or this
// process exits); on a thread when no process can start.
function walkInProcess(url: URL, children: Set<ChildProcess>, orThread: WalkSince): WalkSince {
  return (roots, since) =>
    new Promise((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = fork(fileURLToPath(url), [WATCH_WALK_ROLE, JSON.stringify(roots.map((p) => path.resolve(p))), String(since ?? '')], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [], serialization: 'advanced' });
      } catch {
        orThread(roots, since).then(resolve, reject);
        return;
      }
      // Neither the process nor its channel keeps this one alive (the dashboard's terminal does).
      child.unref();
      child.channel?.unref();
      children.add(child);
      const kill = (): void => void child.kill('SIGKILL');
      process.on('exit', kill);
      let answered = false;
      const done = (): void => {
        children.delete(child);
        process.off('exit', kill);
      };
      const chunks: string[] = [];
      child.on('message', (m: WalkMessage) => {
        if (m.kind === 'files') return void chunks.push(m.files);
        answered = true;
        done();
        if (m.kind === 'walked') resolve({ files: walkedPaths([...chunks, ...m.files]), links: m.links, loops: m.loops });
        else reject(new Error(m.message));
      });
      child.once('error', () => {
        if (answered) return;
        answered = true;
        done();
        orThread(roots, since).then(resolve, reject);
      });
      child.once('exit', () => {
        if (answered) return;
        answered = true;
        done();
        reject(new Error('the walk process ended without an answer'));
      });
    });
}

/**
 * Watches `paths` (folders or files) and calls `onBatch` with what changed since the watch began.
 * `known` (absolute path -> already shown) closes the gap between the caller's own walk and the
 * watch being in place: once the watch is ready, every Markdown file under the folders neither
 * known nor already reported is reported as added; with `since` (epoch ms: when the caller's walk
 * began, or earlier), only among the files of folders changed since (changed-folders.ts). `onWarning` hears of the links it will not
 * follow (a symlink loop made while it runs) and the paths it cannot watch, once each. A folder
 * given that goes away or is replaced under its name is watched again when a folder is back
 * there (watch-here.ts): `onRoot` hears `gone` true while none is, false once one is back.
 */
export function watchFolders(
  paths: readonly string[],
  onBatch: (batch: WatchBatch) => void,
  onError: (error: Error) => void = () => {},
  known?: (file: string) => boolean,
  onWarning: (warning: WatchWarning) => void = () => {},
  since?: number,
  onRoot?: (root: string, gone: boolean) => void,
): FolderWatch {
  const url = workerUrl();
  const workers = new Set<Worker>();
  const children = new Set<ChildProcess>();
  const onThread = url ? walkOnWorker(url, workers) : walkOnThisThread;
  // The first walk (every watched folder, once the watch is in place) in a process; a folder that appears later on a thread.
  let first = url !== null;
  const walk: Walk = (roots, gap) => {
    const from = gap ? since : undefined;
    return first ? ((first = false), walkInProcess(url!, children, onThread)(roots, from)) : onThread(roots, from);
  };
  const reconcile = known
    ? async (files: Iterable<string>) => {
        const unknown: string[] = [];
        // The few kept are copied: a slice of the walk's string would keep all of it for the session.
        for (const file of files) if (!known(file)) unknown.push(ownPath(file));
        return unknown;
      }
    : undefined;
  const script = watchProcessScript();
  const watch = watchHere(paths, onBatch, onError, walk, reconcile, onWarning, script ? subscribeInProcess(script) : subscribeHere(), onRoot);
  return {
    ready: watch.ready,
    close: async () => {
      for (const child of children) child.kill('SIGKILL');
      await Promise.all([watch.close(), ...[...workers].map((w) => w.terminate())]);
    },
  };
}
