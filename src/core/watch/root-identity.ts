// Whether a folder given on the command line (a root) is still the folder being watched. An
// inotify watch (and FSEvents', ReadDirectoryChangesW's) holds the folder, not its name: once the
// root is moved away, removed, swapped for another by a sync tool, or is a link pointed at another
// folder (`current -> releases/N`), its subscription watches the old folder, or nothing, and the
// new one under the root's name is never heard of. So each root's identity (the device and inode
// its path leads to, through a link, and its birth time where the file system keeps one: an inode
// number freed by `rm -rf` can come back at once for the next `git clone`) is looked at every
// ROOT_POLL_MS, and the watch is told when it changes: gone (nothing, or no folder, there) or
// another folder. A poll rather than a watch on the parent: watching a parent would take an
// inotify watch on every folder beside the root (parcel's watch is recursive), and a plain
// fs.watch of it misses a parent that is itself moved or a link re-pointed further up; one stat a
// root every 1.5 s costs nothing, sees every way a folder can be replaced, and needs nothing torn
// down when the parent goes too.
import fs, { type Stats } from 'node:fs';

/** How often each root's identity is looked at, in ms. */
export const ROOT_POLL_MS = 1_500;

/** A folder's identity (`dev:ino:birthtime`), or null when no folder is at the path. */
export type Identity = string | null;

const identity = (st: Stats | null): Identity => (st?.isDirectory() ? `${st.dev}:${st.ino}:${st.birthtimeMs}` : null);

/** The identity of the folder `root` leads to now (following links); null when it is gone or not a folder. */
export function identityNow(root: string): Identity {
  try {
    return identity(fs.statSync(root));
  } catch {
    return null;
  }
}

/** The roots' poll: close() ends it; lost() says a root's own folder was deleted (its event heard). */
export interface RootPoll {
  /** The folder at `root` was heard deleted: whatever is there at the next look is a new one, the same inode number or not; looked at at once. */
  lost(root: string): void;
  close(): void;
}

/**
 * Looks at each of `roots` (absolute folder paths, or links to folders) every `every` ms, from the
 * identity each has now, and calls `onChange(root, now)` when it differs: null when the root is
 * gone, else the new folder's identity (called again for each later change). A look never throws.
 */
export function pollRoots(roots: readonly string[], onChange: (root: string, now: Identity) => void, every = ROOT_POLL_MS): RootPoll {
  // `undefined`: lost, so any folder there next is news.
  const last = new Map<string, Identity | undefined>(roots.map((r) => [r, identityNow(r)]));
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const look = async (): Promise<void> => {
    for (const root of roots) {
      const now = identity(await fs.promises.stat(root).catch(() => null));
      if (closed) return;
      const before = last.get(root);
      if (now === before) continue;
      last.set(root, now);
      onChange(root, now);
    }
  };
  let looking = Promise.resolve();
  const again = (delay: number): void => {
    clearTimeout(timer);
    // The poll never keeps the process alive (the dashboard's terminal does).
    timer = setTimeout(() => {
      looking = looking.then(look).catch(() => {});
      void looking.then(() => closed || again(every));
    }, delay).unref();
  };
  if (roots.length > 0) again(every);
  return {
    lost: (root) => {
      if (!last.has(root) || closed) return;
      last.set(root, undefined);
      again(0);
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
