// What `u` takes back: the last few mark changes this dashboard made (`m`, `*`, `M`), each with
// every article's mark from before it, so an undo restores exactly what was there (a story row's
// `m` that read two of its three articles unreads those two, not the third). In memory only: a
// change made by another dashboard, or in an earlier session, is not undone here. The writes go
// through the store like any mark, one transaction each.
import type { ReadingStore } from './store.js';

/** How many changes `u` can take back, the newest first; older ones are forgotten. */
export const UNDO_DEPTH = 20;

/** Which mark a change set. */
export type MarkKind = 'read' | 'saved';

/**
 * One change: `mark` set to `to` on `keys`, `before[i]` being what `keys[i]` had; `all` when `M`
 * made it. `ids` are the caller's names for the articles (the dashboard's article ids), handed
 * back by undo so it can keep their rows listed; the history never reads them.
 */
export interface MarkChange {
  mark: MarkKind;
  to: boolean;
  all: boolean;
  keys: readonly string[];
  before: readonly boolean[];
  ids: readonly number[];
}

/** What an undo took back: the change's kind, how many articles it had changed, and their `ids`. */
export interface Undone {
  mark: MarkKind;
  to: boolean;
  all: boolean;
  count: number;
  ids: readonly number[];
}

/** The recent changes, newest last; `undo` writes the newest one's `before` marks back. */
export class MarkHistory {
  private readonly changes: MarkChange[] = [];

  /** Remembers a change already written; a change of no article is not one (nothing to take back). */
  push(change: MarkChange): void {
    if (change.keys.length === 0) return;
    this.changes.push(change);
    if (this.changes.length > UNDO_DEPTH) this.changes.shift();
  }

  /** Writes the newest change's earlier marks back through `store` and forgets it; null when there is none. */
  undo(store: ReadingStore): Undone | null {
    const c = this.changes.pop();
    if (!c) return null;
    const set = (keys: string[], value: boolean) => {
      if (keys.length === 0) return;
      if (c.mark === 'read') store.setRead(keys, value);
      else store.setSaved(keys, value);
    };
    // One write per value, those that had the mark and those that had not: a mixed change (a story
    // row read where one article was read already) is two transactions, each whole.
    set(c.keys.filter((_, i) => c.before[i]), true);
    set(c.keys.filter((_, i) => !c.before[i]), false);
    return { mark: c.mark, to: c.to, all: c.all, count: new Set(c.keys).size, ids: c.ids };
  }
}
