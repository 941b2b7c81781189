// The dashboard's article id by absolute path (live updates: which article a changed or removed
// file was, whether a file the watch reports is known), without holding the paths. The loaded
// articles keep their paths as bytes (core/text/text-column.ts) and make a new string on each
// read, so a Map keyed by path held a second copy of every path (~160 bytes an article with the
// string made for it). Here an entry is a hash of the path (text/byte-hash.ts: FNV-1a over its
// UTF-8 bytes, which a loaded article computes from the bytes it holds, so filling the table makes
// no path string: at a million articles that was a million strings at the load's end) and the id,
// in an open-addressing table of two typed arrays (linear probing, 35-70% full: 11-23 bytes an
// article; a Map of hash to id took ~35), and a lookup compares the article's own path.
import { hashesIdentity, type Article } from './core/article.js';
import { hashText } from './core/text/index.js';

// Slot states besides an id (ids are >= 0): never used, and emptied (a tombstone: probing goes on past it).
const EMPTY = -1;
const GONE = -2;
const FIRST_CAPACITY = 1024;
// Slots used (ids and tombstones) that make the table grow, and how full a rebuilt one is at most
// (a table grown at FULL is then half as full: REBUILT at FULL / 2 doubled it twice, 17-35% full,
// 32 MB at a million paths against 16).
const FULL = 0.7;
const REBUILT = 0.5;

/** Article ids by path, for paths the articles themselves give back (`pathOf`). */
export class IdsByPath {
  private hashes = new Int32Array(FIRST_CAPACITY);
  private ids = new Int32Array(FIRST_CAPACITY).fill(EMPTY);
  private count = 0;
  // Slots holding an id or a tombstone: the table grows (or is rebuilt) when they reach FULL of it.
  private used = 0;

  /** `pathOf(id)`: the path of the article with that id (as given to `set`). */
  constructor(private readonly pathOf: (id: number) => string) {}

  /** Number of paths held. */
  get size(): number {
    return this.count;
  }

  /** The id set for `path`, or undefined. */
  get(path: string): number | undefined {
    const at = this.find(path, hashText(path));
    return at < 0 ? undefined : this.ids[at];
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Sets `path`'s id (>= 0); `pathOf(id)` must give `path` back. */
  set(path: string, id: number): this {
    return this.put(id, hashText(path), path);
  }

  /**
   * Sets the article's path to its id (`pathOf(a.id)` must be `a.path`), the path hashed from the
   * bytes a loaded article holds it as (article.ts HashedIdentity); its string is made only when
   * another path held has the same hash.
   */
  setArticle(a: Article): this {
    return this.put(a.id, hashesIdentity(a) ? a.identityHash('path', false) : hashText(a.path), null);
  }

  // Sets the id of the path (`path`, or pathOf(id) when null) whose hash is `h`.
  private put(id: number, h: number, path: string | null): this {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`IdsByPath: id ${id} is not a row id`);
    const at = this.find(path, h, id);
    if (at >= 0) {
      this.ids[at] = id;
      return this;
    }
    if (this.used + 1 > this.ids.length * FULL) this.rebuild();
    const mask = this.ids.length - 1;
    let i = h & mask;
    while (this.ids[i] >= 0) i = (i + 1) & mask;
    if (this.ids[i] === EMPTY) this.used += 1;
    this.hashes[i] = h;
    this.ids[i] = id;
    this.count += 1;
    return this;
  }

  /** Forgets `path`; true when it was held. */
  delete(path: string): boolean {
    const at = this.find(path, hashText(path));
    if (at < 0) return false;
    this.ids[at] = GONE;
    this.count -= 1;
    return true;
  }

  // The slot holding `path` (its hash `h`; null: pathOf(`of`), made only on a hash held), or -1.
  private find(path: string | null, h: number, of = -1): number {
    const mask = this.ids.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.ids[i];
      if (id === EMPTY) return -1;
      if (id >= 0 && this.hashes[i] === h && this.pathOf(id) === (path ??= this.pathOf(of))) return i;
    }
  }

  // The table again without its tombstones, grown until what it holds (and one more) is at most REBUILT of it.
  private rebuild(): void {
    const [hashes, ids] = [this.hashes, this.ids];
    let capacity = this.ids.length;
    while (this.count + 1 > capacity * REBUILT) capacity *= 2;
    this.hashes = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] < 0) continue;
      let i = hashes[k] & mask;
      while (this.ids[i] !== EMPTY) i = (i + 1) & mask;
      this.hashes[i] = hashes[k];
      this.ids[i] = ids[k];
    }
    this.used = this.count;
  }
}
