// Field filters decided by article id from columns, instead of by reading each article and its
// haystack. A `tag:` or `source:` filter, or only the drafts rule, tested every article of the date
// order through its objects (article, haystack, shared lists, strings): ~300-500 ns an article,
// most of it waiting on memory, so 30-50 ms a keystroke at 100k for `tag:m`, `tag:mi`, ... Here
// each article's shared tag/category lists and source/language/sentiment (haystack.ts shares them
// by identity among the articles holding the same ones) get a small group number, and a filter is
// tested once per group with filters.ts's own termTest, then read per article from two typed
// arrays. Dates and the draft and sticky flags are columns too. What must still read haystacks
// (words, negated words) is read in id order, their order in memory (filterInIdOrder, below).
import type { Article } from '../article.js';
import { nextWindowChange, outsideWindow } from '../publication-window.js';
import { termTest, type Predicate } from './filters.js';
import { OwnHay, type Hay, type HayLists, type HayMeta } from './haystack.js';
import type { Term } from './query.js';

const DRAFT = 1;
const STICKY = 2;
// A date guessed from the file's time (it never delays a listing), and a publish or expiry date
// of the article's own (in `windows`): core/publication-window.ts.
const GUESSED = 4;
const WINDOW = 8;
const NO_ARTICLE = {} as Article;
const NO_BODY = Buffer.alloc(0);

// The group number of `part`, a new one when it is first seen.
function groupOf<T>(ids: Map<T, number>, parts: T[], part: T): number {
  let g = ids.get(part);
  if (g === undefined) {
    g = parts.length;
    parts.push(part);
    ids.set(part, g);
  }
  return g;
}

function grown<A extends Int32Array | Uint8Array | Float64Array>(old: A, n: number, make: (n: number) => A): A {
  if (old.length >= n) return old;
  const bigger = make(Math.max(n, old.length * 2));
  bigger.set(old);
  return bigger;
}

/** Columns of `docs` (article id = position) for the filters that read no text; `docs` may grow. */
export class FilterColumns {
  private covered = 0;
  private flagsCovered = 0;
  private listsOf = new Int32Array(0);
  private metaOf = new Int32Array(0);
  private flags = new Uint8Array(0);
  private published = new Float64Array(0);
  // The few articles with a publish or expiry date of their own, by id.
  private readonly windows = new Map<number, Article>();
  private readonly lists: HayLists[] = [];
  private readonly metas: HayMeta[] = [];
  private readonly listIds = new Map<HayLists, number>();
  private readonly metaIds = new Map<HayMeta, number>();
  // A haystack holding only each group's part, what byGroup tests a term on: made once per group
  // (made per filter term and keystroke, they were ~9 MB of garbage over the bench's typed queries).
  private readonly listHays: Hay[] = [];
  private readonly metaHays: Hay[] = [];
  // nextListedChange's last answer, `next`, which holds for every time in [from, next) while no article is added.
  private nextMemo = { from: Infinity, next: Infinity, covered: -1 };

  /** `docs` is read, never copied; `hayOf(id)` is the article's haystack. */
  constructor(
    private readonly docs: readonly Article[],
    private readonly hayOf: (id: number) => Hay,
  ) {}

  /** Makes the columns of the articles added since the last call (every article on first use). */
  cover(): void {
    this.coverFlags();
    const n = this.docs.length;
    if (this.covered >= n) return;
    this.listsOf = grown(this.listsOf, n, (k) => new Int32Array(k));
    this.metaOf = grown(this.metaOf, n, (k) => new Int32Array(k));
    for (let id = this.covered; id < n; id++) {
      const hay = this.hayOf(id);
      this.listsOf[id] = groupOf(this.listIds, this.lists, hay.hayLists);
      this.metaOf[id] = groupOf(this.metaIds, this.metas, hay.hayMeta);
    }
    this.covered = n;
  }

  // The flags and dates alone, which need no haystack: the first query of a load (the list, no
  // drafts) tests only these, and making every haystack for it was ~45% of that query (10k: ~0.1 s
  // of CPU on the list's critical path, 100k ~1 s). The haystack groups follow on first use of a
  // tag/category/source/lang/sentiment filter, or in SearchIndex.prepare's steps.
  private coverFlags(): void {
    const n = this.docs.length;
    if (this.flagsCovered >= n) return;
    this.flags = grown(this.flags, n, (k) => new Uint8Array(k));
    this.published = grown(this.published, n, (k) => new Float64Array(k));
    for (let id = this.flagsCovered; id < n; id++) {
      const a = this.docs[id];
      const window = a.scheduledAt !== null || a.expiresAt !== null;
      if (window) this.windows.set(id, a);
      this.flags[id] = (a.draft ? DRAFT : 0) | (a.stickyWeight > 0 ? STICKY : 0) | (a.dateGuessed ? GUESSED : 0) | (window ? WINDOW : 0);
      // NaN for an undated article: every comparison with it is false, as `publishedAt !== null && ...` is.
      this.published[id] = a.publishedAt ?? Number.NaN;
    }
    this.flagsCovered = n;
  }

  /** A test by article id of the drafts rule at `now` (epoch ms): not a draft, inside its publication window (filters.ts listedTest). */
  listedAt(now: number): (id: number) => boolean {
    this.coverFlags();
    const { flags, published, windows } = this;
    return (id) => {
      const f = flags[id];
      if ((f & DRAFT) !== 0) return false;
      if ((f & WINDOW) !== 0) return outsideWindow(windows.get(id)!, now) === null;
      // An undated article's NaN compares false: listed.
      return (f & GUESSED) !== 0 || !(published[id] > now);
    };
  }

  /**
   * The first time after `now` (epoch ms) at which an article comes into or leaves the list under
   * the drafts rule (a publish date comes, an expiry passes: publication-window.ts), or Infinity
   * when none will: two times with the same answer list the same articles. Remembered for the span
   * it holds, so searches at one clock pay one pass over the date column, not one a keystroke.
   */
  nextListedChange(now: number): number {
    this.coverFlags();
    const m = this.nextMemo;
    // Articles added since: only their own changes after `from` can come sooner (a load adds them in batches).
    if (now >= m.from && m.covered < this.flagsCovered) m.next = this.nextAfter(m.from, m.covered, m.next);
    m.covered = this.flagsCovered;
    if (now >= m.from && now < m.next) return m.next;
    this.nextMemo = { from: now, next: this.nextAfter(now, 0, Infinity), covered: this.flagsCovered };
    return this.nextMemo.next;
  }

  // The soonest change after `now` of the articles from id `first` on, or `soonest` if that is sooner.
  private nextAfter(now: number, first: number, soonest: number): number {
    const { flags, published, windows } = this;
    let next = soonest;
    for (let id = first; id < this.flagsCovered; id++) {
      const f = flags[id];
      // A draft never comes; a date guessed from the file's time never delays; a window is its own.
      if ((f & DRAFT) !== 0) continue;
      const t = (f & WINDOW) !== 0 ? (nextWindowChange(windows.get(id)!, now) ?? Number.NaN) : (f & GUESSED) !== 0 ? Number.NaN : published[id];
      if (t > now && t < next) next = t;
    }
    return next;
  }

  /**
   * A test by article id of whether the article holds `t` (its negation is the caller's), with
   * termTest's meaning, or null for a term these columns do not hold (words, phrases, coins).
   */
  holds(t: Term): ((id: number) => boolean) | null {
    this.coverFlags();
    switch (t.kind) {
      case 'tag':
      case 'category':
        this.cover();
        for (let g = this.listHays.length; g < this.lists.length; g++) this.listHays.push(new OwnHay('', 0, NO_BODY, this.lists[g], EMPTY_META));
        return this.byGroup(this.listsOf, this.listHays, t);
      case 'source':
      case 'lang':
      case 'sentiment':
        this.cover();
        for (let g = this.metaHays.length; g < this.metas.length; g++) this.metaHays.push(new OwnHay('', 0, NO_BODY, EMPTY_LISTS, this.metas[g]));
        return this.byGroup(this.metaOf, this.metaHays, t);
      case 'since': {
        const { published } = this;
        return (id) => published[id] >= t.at;
      }
      case 'until': {
        const { published } = this;
        return (id) => published[id] <= t.at;
      }
      case 'is': {
        const { flags } = this;
        const bit = t.value === 'draft' ? DRAFT : STICKY;
        return (id) => (flags[id] & bit) !== 0;
      }
      default:
        return null;
    }
  }

  // The term tested once per group (a haystack holding only that group's part), read per article.
  private byGroup(groupOfId: Int32Array, groups: readonly Hay[], t: Term): (id: number) => boolean {
    const test = termTest(t);
    const ok = new Uint8Array(groups.length);
    for (let g = 0; g < groups.length; g++) ok[g] = test(NO_ARTICLE, groups[g], false) ? 1 : 0;
    return (id) => ok[groupOfId[id]] === 1;
  }
}

const EMPTY_LISTS: HayLists = Object.freeze({ tags: [], categories: [], text: '' });
const EMPTY_META: HayMeta = Object.freeze({ sourceName: '', sourceKey: '', lang: '', sentiment: null, text: '' });

/**
 * The ids of `order` that pass `byId` and then `rest` (compileIdFilters), in order. `rest` is
 * given the article, its haystack (NO_HAY-like `noHay` when `needHay` is false) and whether its
 * body may be read: always with `allBodies`, else for the first `bodyDepth` positions only.
 * Stops once `limit` have passed; without one, `rest` is called in increasing id order (filterInIdOrder).
 */
export function passing(order: readonly number[], byId: (id: number) => boolean, rest: Predicate | null, docs: readonly Article[], hayOf: (id: number) => Hay, allBodies: boolean, bodyDepth: number, limit = Infinity): number[] {
  // Without a limit every article `byId` keeps is read: in id order (filterInIdOrder).
  if (rest !== null && limit === Infinity) return filterInIdOrder(order, docs.length, byId, (id, pos) => rest(docs[id], hayOf(id), allBodies || pos < bodyDepth));
  if (rest === null && limit === Infinity && order.length === docs.length && order.length >= MIN_IDS) {
    const pass = passesInIdOrder(order.length, byId);
    return order.filter((id) => pass[id] === 1);
  }
  const ids: number[] = [];
  for (let pos = 0; pos < order.length && ids.length < limit; pos++) {
    const id = order[pos];
    if (!byId(id)) continue;
    if (rest !== null && !rest(docs[id], hayOf(id), allBodies || pos < bodyDepth)) continue;
    ids.push(id);
  }
  return ids;
}

// A filter over a list in date order whose test reads each article's haystack, run in id order.
// Haystacks (and the articles, and their strings) were made in id order and lie in memory in
// about that order, while the date order visits them at random: at 100k articles, testing a
// two-letter word on the 63k the index marked for `regulator de` took ~42 ms in date order and
// ~14 ms in id order (the same tests; each one missed the cache on the haystack, its text and
// its shared parts). The list kept is the same and in the same order; only the order the tests
// run in changes, so a test must not depend on it (the search's tests are pure but for counting
// the bodies they skip, and reading a body from its file, which any order does alike).

/**
 * 1 per article id 0..size-1 that `test` keeps, else 0, tested in id order: a test of columns by id
 * (flags, groups, the index's bitmaps) read in date order missed the cache on each (at 1M, `tag:m`'s
 * pass over every article 140-170 ms of CPU, load 20); this pass reads them in order, and the date
 * order's walk after it reads one byte an id from a 1 MB array. `test` must be pure.
 */
export function passesInIdOrder(size: number, test: (id: number) => boolean): Uint8Array {
  const pass = new Uint8Array(size);
  for (let id = 0; id < size; id++) if (test(id)) pass[id] = 1;
  return pass;
}

// Per article id, its position in the list + 1 while a filter runs, else 0. Kept between calls
// (a 100k-article list would make 400 kB of it a keystroke) and cleared after each one.
let positions = new Int32Array(0);

// Below this many ids a plain pass in list order costs less than the passes in id order here.
export const MIN_IDS = 2048;

/**
 * The ids of `order` (distinct ids below `size`) that `first` keeps (null: every one) and then
 * `test` keeps, in `order`'s order. `first` is called in `order`'s order (it should be cheap: a
 * typed array read); `test` with each id `first` kept and its position in `order`, in increasing
 * id order. Every id `test` is given is tested exactly once. Stops at no limit: it tests them all.
 * `inIdOrder` false: `test` reads no article (a typed array), so it is called in `order`'s order,
 * in one pass (the three passes here cost ~30 ms more over a million ids).
 */
export function filterInIdOrder(order: readonly number[], size: number, first: ((id: number) => boolean) | null, test: (id: number, pos: number) => boolean, inIdOrder = true): number[] {
  if (order.length < MIN_IDS || !inIdOrder) {
    const out: number[] = [];
    for (let pos = 0; pos < order.length; pos++) {
      const id = order[pos];
      if ((first === null || first(id)) && test(id, pos)) out.push(id);
    }
    return out;
  }
  if (positions.length < size) positions = new Int32Array(Math.max(size, positions.length * 2));
  const at = positions;
  try {
    for (let pos = 0; pos < order.length; pos++) {
      const id = order[pos];
      if (first === null || first(id)) at[id] = pos + 1;
    }
    let n = 0;
    for (let id = 0; id < size; id++) {
      const p = at[id];
      if (p === 0) continue;
      if (test(id, p - 1)) n += 1;
      else at[id] = 0;
    }
    // Made at its final size: grown by pushes, a list of 60k ids left ~1 MB of garbage a keystroke.
    const out = new Array<number>(n);
    let k = 0;
    for (let pos = 0; pos < order.length && k < n; pos++) {
      const id = order[pos];
      if (at[id] === pos + 1) out[k++] = id;
    }
    return out;
  } finally {
    for (let pos = 0; pos < order.length; pos++) at[order[pos]] = 0;
  }
}
