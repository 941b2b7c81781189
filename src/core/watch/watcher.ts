// Live updates: the folders the dashboard shows are watched and what changed arrives in batches
// (watch-here.ts says how). The watch runs on a worker thread when the built worker is there:
// chokidar stats every file it finds and keeps a watch per file, which at 100k files kept the
// dashboard's thread busy for tens of seconds after the list showed (keys, resize and Ctrl-C
// waited), and closing it took seconds more. From sources (tests) it runs on this thread.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { watchHere, type FolderWatch, type WatchBatch, type WatchWarning } from './watch-here.js';
import { WATCH_ROLE, type MissedMessage, type WatchJob, type WatchMessage } from './watch-worker.js';

export { BATCH_MAX_MS, BATCH_QUIET_MS, SETTLE_MS, type FolderWatch, type WatchBatch, type WatchWarning } from './watch-here.js';

/** The built watch worker next to this module, or null when running from sources. */
function workerUrl(): URL | null {
  const url = new URL('./watch-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Watches `paths` (folders or files) and calls `onBatch` with what changed since the watch began.
 * `known` (absolute path -> already shown) closes the gap between the caller's own walk and the
 * watch being in place: once the watch is ready, every Markdown file under the folders neither
 * known nor already reported is reported as added. `onWarning` hears of the links it will not
 * follow (a symlink loop made while it runs) and the paths it cannot read, once each.
 */
export function watchFolders(
  paths: readonly string[],
  onBatch: (batch: WatchBatch) => void,
  onError: (error: Error) => void = () => {},
  known?: (file: string) => boolean,
  onWarning: (warning: WatchWarning) => void = () => {},
): FolderWatch {
  const url = workerUrl();
  const reconcile = known ? async (files: string[]) => files.filter((file) => !known(file)) : undefined;
  if (!url) return watchHere(paths, onBatch, onError, reconcile, onWarning);
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData: { role: WATCH_ROLE, paths: paths.map((p) => path.resolve(p)), reconcile: known !== undefined } satisfies WatchJob });
  } catch {
    return watchHere(paths, onBatch, onError, reconcile, onWarning);
  }
  // The watch never keeps the process alive on its own (the dashboard's terminal does).
  worker.unref();
  let closed = false;
  worker.on('message', (m: WatchMessage) => {
    if (closed) return;
    if (m.kind === 'batch') onBatch(m.batch);
    else if (m.kind === 'error') onError(new Error(m.message));
    else if (m.kind === 'warning') onWarning(m.warning);
    else if (m.kind === 'candidates') worker.postMessage({ kind: 'missed', files: known ? m.files.filter((file) => !known(file)) : [] } satisfies MissedMessage);
  });
  worker.on('error', (error) => {
    if (!closed) onError(error);
  });
  return {
    close: async () => {
      closed = true;
      await worker.terminate();
    },
  };
}
