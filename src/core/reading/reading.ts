// The reading subsystem's public face: read, saved and new for articles (not keys), the undo of
// the last mark changes (mark-history.ts), the search history, and the session end. Everything
// persists through ReadingStore; everything here is in memory and synchronous, so the list can
// ask per row.
import { articleKey, earlierKeys, type Identified } from './identity.js';
import { MarkHistory, type MarkChange, type MarkKind, type Undone } from './mark-history.js';
import { ReadProbe } from './read-probe.js';
import { nextSlice, SCAN_FROM, SLICE_MS } from './see-slices.js';
import { READ_PAGE, ReadingStore } from './store.js';
import { unsavedMessage } from './unavailable.js';

export { articleKey } from './identity.js';
export { HISTORY_SIZE, ReadingStore, STATE_FILE } from './store.js';
export { UNDO_DEPTH, type Undone } from './mark-history.js';
export { SCAN_FROM, SLICE_MS } from './see-slices.js';
export { readingPredicate, splitReadingTerms, type ReadingLookup, type ReadingTerm } from './terms.js';

type A = Identified;

/** Reading state for a session; `version` grows with every change so views can memoise on it. */
export class Reading {
  version = 0;
  private readonly changes = new MarkHistory();

  constructor(readonly store: ReadingStore) {}

  /** Opens the store in the state folder. */
  static open(dir: string): Reading {
    return new Reading(ReadingStore.open(dir));
  }

  isRead(a: A): boolean {
    return this.store.isRead(this.keyOf(a));
  }

  /**
   * How many of the articles `ids[from..to)` name are read: exactly isRead's answer, asked only of
   * the articles ReadProbe cannot clear (~1 us an index's article, a third of isRead's cost; nothing
   * when nothing is read). Until the probe holds every read key (more than a page of them: see
   * probeReady) each article is asked (~1-5 us, its row looked up once). An id `article` throws
   * for (an index replaced since) counts as read: it is not shown.
   */
  countRead(ids: ArrayLike<number>, article: (id: number) => A, from = 0, to = ids.length): number {
    const probe = this.probeReady() ? this.readProbe! : null;
    if (probe?.empty) return 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      let a: A;
      try {
        a = article(ids[i]);
      } catch {
        n += 1;
        continue;
      }
      if ((probe === null || probe.mayBeRead(a)) && this.isRead(a)) n += 1;
    }
    return n;
  }

  // The probe over the read keys: made on first use, filled from the store a page of read keys at a
  // time (READ_PAGE), and kept up to date by the store from its start (a mark made mid-way is in
  // it whichever page its key falls in). `probeAfter`: the last key paged in; null before the first.
  private readProbe: ReadProbe | null = null;
  private probeAfter: string | null = null;
  private probeWhole = false;
  private probeFilling: Promise<void> | null = null;

  private probePage(): void {
    if (this.probeWhole) return;
    const probe = this.readProbe!;
    const keys = this.store.readKeyPage(this.probeAfter);
    for (const key of keys) probe.set(key, true);
    if (keys.length < READ_PAGE) this.probeWhole = true;
    else this.probeAfter = keys[keys.length - 1];
  }

  /**
   * Whether countRead's probe holds every read key. The first ask makes it and reads the first
   * page (a usual state's every read key, a few ms); a state with more (a mark-all over a big
   * archive: a million read keys are ~5 s of CPU and ~100 MB to hold) is filled only by
   * whenProbeReady, between turns, which is worth it for a big folder's counts alone: asking each
   * article costs less at 10k.
   */
  probeReady(): boolean {
    if (!this.readProbe) {
      const probe = new ReadProbe([]);
      this.store.onRead = (key, read) => probe.set(key, read);
      this.readProbe = probe;
      this.probePage();
    }
    return this.probeWhole;
  }

  /**
   * Resolves when the probe holds every read key, a page read per `pause()` (~10-30 ms each, at a
   * million read keys 100 pages), so the keys are read between pages. Resolves too when the store
   * could not be read (closed at exit, a broken file): countRead then asks each article.
   */
  whenProbeReady(pause: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<void> {
    this.probeFilling ??= (async () => {
      try {
        while (!this.probeReady()) {
          await pause();
          this.probePage();
        }
      } catch {
        // Nothing to add: a later countRead meets the same error where it can report it.
      }
    })();
    return this.probeFilling;
  }

  isSaved(a: A): boolean {
    return this.store.isSaved(this.keyOf(a));
  }

  isNew(a: A): boolean {
    return this.store.isNew(this.keyOf(a));
  }

  /**
   * The marks `--print json` gives articles chosen in the dashboard, read now (the state closes
   * with the session, before they are printed): read, as choosing reads them; saved and new as held.
   */
  chosenMarks(articles: readonly A[]): (a: A) => { read: boolean; saved: boolean; new: boolean } {
    const marks = new Map(articles.map((a) => [a, { read: true, saved: this.isSaved(a), new: this.isNew(a) }]));
    return (a) => marks.get(a) ?? { read: this.isRead(a), saved: this.isSaved(a), new: this.isNew(a) };
  }

  /** Records the articles as seen (first sight at `now`); returns how many of those `counted` accepts (all without it; the dashboard's: new-since.ts newCounted) are new since the previous session. */
  see<T extends A>(articles: readonly T[], now = Date.now(), counted?: (a: T) => boolean): number {
    const keys = this.own(articles, now);
    return keys.reduce((n, k, i) => n + (this.store.isNew(k) && (!counted || counted(articles[i])) ? 1 : 0), 0);
  }

  /**
   * see(), up to `slice` articles at a time (fewer when they take longer than SLICE_MS) with
   * `pause()` awaited between slices, so a UI reads keys meanwhile (a warm start's 100k articles
   * are ~0.2 s of keys and lookups in one piece; each key is a row looked up in the state, ~2-5 us
   * quiet, 15-50 us at load 15). The marks read the same
   * before and after (an article not seen yet is unread, unsaved and new).
   */
  async seeInSlices<T extends A>(articles: readonly T[], pause: () => Promise<void>, slice = 2_000, now = Date.now(), counted?: (a: T) => boolean): Promise<number> {
    // As many articles as the state has rows (a big folder's first sight): the rows read in key
    // order, a page a turn, cost a third of a lookup each (1M: ~4 s of CPU against ~12-16 s at load 15-20).
    // The count (~20 ms at 100k rows) and each page are a turn of their own, keys read between.
    if (articles.length >= SCAN_FROM) {
      await pause();
      if (articles.length * 3 >= this.store.rowCount()) {
        do await pause();
        while (this.store.loadRowPage());
      }
    }
    let fresh = 0;
    let size = slice;
    for (let start = 0; start < articles.length; ) {
      if (start > 0) await pause();
      const began = performance.now();
      const part = articles.slice(start, start + size);
      fresh += this.see(part, now, counted);
      start += part.length;
      size = nextSlice(part.length, performance.now() - began, slice);
    }
    return fresh;
  }

  /**
   * `m`: when any of them is unread they all become read, else all unread. Returns the new value.
   * `ids` (the caller's names for the articles) come back from the `undo` that takes it back.
   */
  toggleRead(articles: readonly A[], ids: readonly number[] = []): boolean {
    return this.toggle('read', this.own(articles), ids);
  }

  /** `*`: saves them all unless all are saved already. Returns the new value; `ids` as for toggleRead. */
  toggleSaved(articles: readonly A[], ids: readonly number[] = []): boolean {
    return this.toggle('saved', this.own(articles), ids);
  }

  private toggle(mark: MarkKind, keys: string[], ids: readonly number[]): boolean {
    const before = keys.map((k) => (mark === 'read' ? this.store.isRead(k) : this.store.isSaved(k)));
    const to = before.some((b) => !b);
    if (mark === 'read') this.store.setRead(keys, to);
    else this.store.setSaved(keys, to);
    this.changed({ mark, to, all: false, keys, before, ids });
    return to;
  }

  private changed(change: MarkChange): void {
    this.changes.push(change);
    this.version += 1;
  }

  /**
   * A live update's renames and edits (`[old version, new version]`): where the new version is keyed
   * otherwise (a file with neither externalId nor url is keyed by its path), its key takes the old
   * one's marks and first sight. Marks are only added, never cleared, so two dashboards following
   * the same rename, or one marking meanwhile, lose nothing.
   */
  carry(moves: readonly (readonly [A, A])[], now = Date.now()): void {
    // One write of each kind for the whole batch: a folder renamed at once (`git mv`) moves
    // thousands of articles, and each write is a transaction of its own.
    const keys: string[] = [];
    const was: string[] = [];
    const read: string[] = [];
    const saved: string[] = [];
    for (const [from, to] of moves) {
      const before = this.keyOf(from);
      const key = articleKey(to);
      const old = key === before ? undefined : this.store.get(before);
      if (!old) continue;
      keys.push(key);
      was.push(before);
      if (old.read && !this.store.isRead(key)) read.push(key);
      if (old.saved && !this.store.isSaved(key)) saved.push(key);
    }
    if (keys.length === 0) return;
    this.store.see(keys, now, (i) => [was[i]]);
    if (read.length > 0) this.store.setRead(read, true, now);
    if (saved.length > 0) this.store.setSaved(saved, true, now);
    this.version += 1;
  }

  /** Marks read (Enter, `o`); no undo. */
  markRead(articles: readonly A[]): void {
    const keys = this.own(articles).filter((k) => !this.store.isRead(k));
    if (keys.length === 0) return;
    this.store.setRead(keys, true);
    this.version += 1;
  }

  /** `M`: marks every one read, to be taken back by `undo`. Returns how many changed; `ids` as for toggleRead. */
  markAll(articles: readonly A[], ids: readonly number[] = []): number {
    const keys = [...new Set(this.own(articles))].filter((k) => !this.store.isRead(k));
    this.store.setRead(keys, true);
    this.changed({ mark: 'read', to: true, all: true, keys, before: keys.map(() => false), ids });
    return keys.length;
  }

  /**
   * `u`: the last change of `m`, `*` or `M` still remembered (UNDO_DEPTH) is taken back, each
   * article's mark as it was before it; null when there is nothing to undo. An undo is not undone.
   */
  undo(): Undone | null {
    const undone = this.changes.undo(this.store);
    if (undone) this.version += 1;
    return undone;
  }

  get previousEnd(): number | null {
    return this.store.previousEnd;
  }

  history(): string[] {
    return this.store.history();
  }

  addHistory(query: string): void {
    this.store.addHistory(query);
  }

  /** Ends the session (the time `is:new` counts from), marks still queued tried last (ReadingStore.endSession), and closes; what stayed unwritten, for stderr (null: nothing). */
  endSession(now = Date.now()): string | null {
    this.store.endSession(now);
    this.store.close(0); // endSession's try waited already
    const { unsaved } = this.store.writer.state;
    return unsaved > 0 ? unsavedMessage(unsaved, this.store.writer.failure, this.store.file) : null;
  }

  close(): void {
    this.store.close();
  }

  // The key whose marks an article has now: its own when stored, else the first key an earlier
  // build stored it under (identity.ts), so `--filter is:read` sees those marks without writing.
  // Once an article's own key has a row it is its key for good (rows are never removed), so it is
  // kept per article: the list asks for 1,000 hits' marks per keystroke, and making the key string
  // again (and V8 hashing it again) for each cost ~10 ms a keystroke at 10k.
  private keyOf(a: A): string {
    const known = this.ownKeys.get(a);
    if (known !== undefined) return known;
    const key = articleKey(a);
    if (this.store.has(key)) {
      this.ownKeys.set(a, key);
      return key;
    }
    return earlierKeys(a).find((k) => this.store.has(k)) ?? key;
  }

  private readonly ownKeys = new WeakMap<A, string>();

  // The articles' own keys, each given a row first (taking over marks stored under an earlier
  // key), so a change written to it keeps the other mark.
  private own(articles: readonly A[], now = Date.now()): string[] {
    const keys = articles.map(articleKey);
    this.store.see(keys, now, (i) => earlierKeys(articles[i]));
    return keys;
  }
}
