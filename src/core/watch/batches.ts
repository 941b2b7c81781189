// What the folder watch reports, gathered into settled batches: events are held until the folders
// have been quiet for BATCH_QUIET_MS (or BATCH_MAX_MS has passed), so a burst of thousands of
// files is one batch, and a file with an event less than SETTLE_MS ago waits for the next round
// (chokidar's awaitWriteFinish rule, without a stat per file: every write is an event), so one
// still being written is read whole; a removal waits with it, so a rename's halves share a batch.

/** One batch of changes, as absolute paths; a path is in at most one list. */
export interface WatchBatch {
  added: string[];
  changed: string[];
  removed: string[];
  /**
   * Watched folders (command-line roots) found replaced by another folder under the same name (moved
   * away and another moved in, removed and cloned again, a link pointed elsewhere): `added` lists
   * every Markdown file under each of them now, and anything else shown under them is gone.
   */
  renewed?: string[];
}

/** Quiet time that ends a batch, in ms. */
export const BATCH_QUIET_MS = 250;
/** Longest a batch is held while events keep coming, in ms. */
export const BATCH_MAX_MS = 1000;
/** How long a file must go without an event before it counts as written, in ms. */
export const SETTLE_MS = 300;

/** Longest a removal waits for the creation that would make it a rename, in ms. */
export const PAIR_MS = 1000;

/** What an event did to a file. */
export type Kind = 'added' | 'changed' | 'removed';

/** Gathers events into batches for `onBatch`. */
export interface Batcher {
  /** Notes what happened to `abs`; `quietAgain` false: the caller notes many files at once and restarts the quiet time once. */
  note(kind: Kind, abs: string, quietAgain?: boolean): void;
  /** Forgets what is pending for the paths `drop` picks (events of a folder replaced since). */
  forget(drop: (file: string) => boolean): void;
  /** Holds back the paths `held` picks until called with null (a folder being read whole: its own batch comes first). */
  hold(held: ((file: string) => boolean) | null): void;
  /** Drops whatever is pending; nothing is delivered after. */
  close(): void;
}

/** A Batcher that delivers to `onBatch`. */
export function batcher(onBatch: (batch: WatchBatch) => void): Batcher {
  // What each file did since the last batch, and when its last event came (Date.now()).
  const pending = new Map<string, Kind>();
  const lastEvent = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let first = 0;
  let closed = false;
  let holding: ((file: string) => boolean) | null = null;
  const schedule = (delay: number): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  const flush = (): void => {
    timer = null;
    const batch: WatchBatch = { added: [], changed: [], removed: [] };
    const now = Date.now();
    const age = (file: string): number => now - (lastEvent.get(file) ?? 0);
    // Written a moment ago: it may still be growing (a download, an editor's slow save).
    const young = (file: string): boolean => age(file) < SETTLE_MS;
    const paired = (file: string): boolean => age(file) < PAIR_MS;
    let growing = false;
    for (const [file, kind] of pending) if (kind !== 'removed' && young(file)) growing = true;
    // A rename (`mv a.md b.md`) is a removal and a creation at once, and in one batch the updater
    // can tell it is the same article (live-updates.ts) while the UI keeps it selected. So a
    // removal waits while it is young or a file grows, and while any removal waits every creation
    // does too, each PAIR_MS at most: the two events can come apart (a watch process starved on a
    // loaded machine), in either order, and another file written meanwhile must not part them.
    const removalWaits = (file: string): boolean => paired(file) && (young(file) || growing);
    let removing = false;
    for (const [file, kind] of pending) if (kind === 'removed' && removalWaits(file)) removing = true;
    let again = false;
    for (const [file, kind] of pending) {
      const waits = kind === 'removed' ? removalWaits(file) : young(file) || (kind === 'added' && removing && paired(file));
      again ||= waits;
      if (waits || holding?.(file)) continue;
      batch[kind].push(file);
      pending.delete(file);
      lastEvent.delete(file);
    }
    if (again) {
      first = now;
      schedule(SETTLE_MS);
    }
    if (batch.added.length + batch.changed.length + batch.removed.length > 0) onBatch(batch);
  };
  return {
    note: (kind, abs, quietAgain = true) => {
      if (closed) return;
      const before = pending.get(abs);
      // Added then changed is still new; added then removed is nothing; removed then added is a change.
      const now = Date.now();
      lastEvent.set(abs, now);
      if (before === 'added' && kind === 'changed') return;
      if (before === 'added' && kind === 'removed') pending.delete(abs);
      else pending.set(abs, before === 'removed' && kind === 'added' ? 'changed' : kind);
      if (timer === null) first = now;
      if (quietAgain || timer === null) schedule(now - first >= BATCH_MAX_MS ? 0 : BATCH_QUIET_MS);
    },
    forget: (drop) => {
      for (const file of pending.keys()) {
        if (!drop(file)) continue;
        pending.delete(file);
        lastEvent.delete(file);
      }
    },
    hold: (held) => {
      holding = held;
      if (!held && pending.size > 0 && timer === null && !closed) schedule(BATCH_QUIET_MS);
    },
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      pending.clear();
      lastEvent.clear();
    },
  };
}
