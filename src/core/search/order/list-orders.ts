// The list's orders over a growing article array: the date order (sort.ts's compareByDate), kept
// up to date by sorting only the articles added since and merging them in, and each order's
// position per id, made once per corpus version and sort key, for sorting results by it.
import type { Article } from '../../article.js';
import type { SortKey } from '../query.js';
import { compareByDate, compareNewest, comparatorFor, mergeSorted, sortByDate, sortByNewest, titleCollator } from './sort.js';

// newestOf's table is made for sorting at least 1/TABLE_SHARE of the corpus.
const TABLE_SHARE = 16;

/** Orders over `docs` (article id = position), which may grow (call grown() after it does). */
export class ListOrders {
  private dateOrder: number[] = [];
  // docs [0, dated) are in dateOrder.
  private dated = 0;
  private readonly positionsBy = new Map<string, Int32Array>();
  // amongNewest's table: 1 for each id among the first `depth` of the date order.
  private newestFew: { depth: number; flags: Uint8Array } | null = null;

  /** `docs` is read, never copied. */
  constructor(private readonly docs: readonly Article[]) {}

  /** Every id in compareByDate order. */
  byDate(): number[] {
    if (this.dated < this.docs.length) {
      const byDate = (x: number, y: number): number => compareByDate(this.docs[x], this.docs[y]);
      const fresh = sortByDate(this.docs.slice(this.dated));
      this.dateOrder = mergeSorted(this.dateOrder, fresh, byDate);
      this.dated = this.docs.length;
    }
    return this.dateOrder;
  }

  /** The position of each id in the order of `sort`. */
  positions(sort: Exclude<SortKey, 'relevance'>): Int32Array {
    let pos = this.positionsBy.get(sort);
    if (!pos) {
      const cmp = comparatorFor(sort);
      const order = sort === 'date' ? this.byDate() : sort === 'title' ? this.byTitle() : this.docs.map((a) => a.id).sort((x, y) => cmp(this.docs[x], this.docs[y]));
      pos = new Int32Array(this.docs.length);
      order.forEach((id, i) => {
        pos![id] = i;
      });
      this.positionsBy.set(sort, pos);
    }
    return pos;
  }

  // compareByTitle's order with each title read once: a loaded article makes its title again on
  // each read (text/folded-texts.ts), and a sort reads two a comparison (~40 million at a million).
  private byTitle(): number[] {
    const titles = this.docs.map((a) => a.title);
    const date = this.positions('date');
    const collator = titleCollator();
    return this.docs.map((a) => a.id).sort((x, y) => collator.compare(titles[x], titles[y]) || date[x] - date[y]);
  }

  /**
   * The position of each id in compareNewest order (newest first, undated last, then id): the
   * relevance sort's tie-break as one array read per side instead of two articles' fields.
   */
  newest(): Int32Array {
    let pos = this.positionsBy.get('newest');
    if (!pos) {
      pos = new Int32Array(this.docs.length);
      const order = this.dated === this.docs.length ? this.newestFromDate() : sortByNewest(this.docs);
      for (let i = 0; i < order.length; i++) pos[order[i]] = i;
      this.positionsBy.set('newest', pos);
    }
    return pos;
  }

  /**
   * compareNewest over ids, for sorting `n` of them: by the position table (newest()) when it is
   * made already or `n` is a sizeable share of the corpus, else by the articles' own fields. A
   * list's page of ranked hits (CAP: 1,000) needs ~10k comparisons, where making the table reads
   * every article (~1.2 s at a million, which the first relevance-sorted key typed after the list
   * filled paid).
   */
  newestOf(n: number): (x: number, y: number) => number {
    const made = this.positionsBy.get('newest');
    if (!made && n * TABLE_SHARE < this.docs.length) return (x, y) => compareNewest(this.docs[x], this.docs[y]);
    const table = made ?? this.newest();
    return (x, y) => table[x] - table[y];
  }

  // compareNewest's order from the date order the list made already: that is compareNewest's
  // after the sticky articles, so the rest keep their order and the sticky ones (usually none) are
  // merged back by date. At a million articles a sort of its own took ~0.8 s of the first
  // relevance-sorted key (the first letter typed); this is one pass.
  private newestFromDate(): number[] {
    const plain: number[] = [];
    const sticky: number[] = [];
    for (const id of this.dateOrder) (this.docs[id].stickyWeight === 0 ? plain : sticky).push(id);
    if (sticky.length === 0) return plain;
    const newest = (x: number, y: number): number => compareNewest(this.docs[x], this.docs[y]);
    return mergeSorted(plain, sticky.sort(newest), newest);
  }

  /**
   * Whether `id` is among the first `depth` of the date order (byDate()), as `positions('date')[id]
   * < depth` says, from a table of the newest `depth` made once per corpus version: positions of
   * every id cost a pass over the corpus (~25-55 ms at a million), which the first key typed after
   * the list filled paid (its limited search asks this of each row it lists).
   */
  amongNewest(id: number, depth: number): boolean {
    if (this.newestFew?.depth !== depth) {
      const flags = new Uint8Array(this.docs.length);
      const order = this.byDate();
      for (let k = 0; k < Math.min(depth, order.length); k++) flags[order[k]] = 1;
      this.newestFew = { depth, flags };
    }
    return this.newestFew.flags[id] === 1;
  }

  /** Articles were added: positions are made again on next use. */
  grown(): void {
    this.positionsBy.clear();
    this.newestFew = null;
  }
}
