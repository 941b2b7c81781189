// Whether the system leaves room for a native folder watch, asked before @parcel/watcher is.
// @parcel/watcher 2.6.0 starts its inotify backend on the calling (JS) thread and waits there
// for the backend's thread to say it started (Backend::run, mStartedSignal); when pipe2 or
// inotify_init1 fails (EMFILE: the process's open files, or the user's inotify instances, 128
// by default), that thread throws before it says so and the wait never ends: the whole process
// freezes, process.exit included. So the two limits are checked first, and a watch that would
// hit one is not started: live updates are off, and the warning names the limit and its remedy.
import fs from 'node:fs';

/** Open files a subscription needs besides those already open: pipe2 (2), inotify (1), the crawl's folders. */
export const FILES_A_WATCH_NEEDS = 16;

/** Why the system leaves no room for a folder watch: the limit reached, with how to raise it. */
export class WatchUnavailable extends Error {}

/** What the checks read; the system's own files by default, replaced in tests. */
export interface LimitSources {
  /** The text of /proc/self/limits (throws when there is no /proc). */
  limits(): string;
  /** How many files this process has open. */
  openFiles(): number;
  /** The user's inotify instance limit (max_user_instances), or null when unknown. */
  maxInstances(): number | null;
  /** The inotify instances the user's processes hold, as far as they can be seen. */
  usedInstances(): number;
}

const readNumber = (file: string): number | null => {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
};

// Only this user's processes: another user's instances do not count against this user's limit
// (root can list every process's files, and would otherwise count them all).
function inotifyFdsOfVisibleProcesses(): number {
  const uid = process.getuid?.();
  let n = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let fds: string[];
    try {
      if (uid !== undefined && fs.statSync(`/proc/${pid}`).uid !== uid) continue;
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === 'anon_inode:inotify') n++;
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return n;
}

/** The system's own: /proc (Linux). */
export const systemSources: LimitSources = {
  limits: () => fs.readFileSync('/proc/self/limits', 'utf8'),
  openFiles: () => fs.readdirSync('/proc/self/fd').length,
  // The user namespace's own limit when there is one (a container's), else the system's.
  maxInstances: () => readNumber('/proc/sys/user/max_inotify_instances') ?? readNumber('/proc/sys/fs/inotify/max_user_instances'),
  usedInstances: inotifyFdsOfVisibleProcesses,
};

/** The soft limit of open files in /proc/self/limits' text, or null when it has none ("unlimited"). */
export function openFilesLimit(limits: string): number | null {
  const line = /^Max open files\s+(\S+)/m.exec(limits);
  const n = line ? Number.parseInt(line[1], 10) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * Why a native folder watch cannot start now (a sentence naming the limit and how to raise it),
 * or null when there is room or the limits cannot be read (not Linux: nothing to check; other
 * systems' backends do not freeze this way). Reads a few /proc files and, once, every visible
 * process's open files (~10-50 ms): call it off the thread reading keys, or once.
 */
export function watchUnavailable(sources: LimitSources = systemSources): string | null {
  if (process.platform !== 'linux' && sources === systemSources) return null;
  try {
    const limit = openFilesLimit(sources.limits());
    if (limit !== null && sources.openFiles() + FILES_A_WATCH_NEEDS > limit) {
      return `live updates off: too many open files for a folder watch (this process's limit is ${limit}, \`ulimit -n\`); start it from a shell with a higher limit (\`ulimit -n 4096\`)`;
    }
    const max = sources.maxInstances();
    if (max !== null) {
      const used = sources.usedInstances();
      if (used >= max) {
        return `live updates off: the system's limit of inotify instances is reached (${used} of ${max} per user, fs.inotify.max_user_instances: other programs' watches hold them); raise it with \`sudo sysctl fs.inotify.max_user_instances=1024\`, or close some of them`;
      }
    }
  } catch {
    // No /proc to read: nothing known, the watch is tried.
  }
  return null;
}
