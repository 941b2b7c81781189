// The dashboard's article id by absolute path (live updates: which article a changed or removed
// file was, whether a file the watch reports is known), without holding the paths. The loaded
// articles keep their paths as bytes (core/text/text-column.ts) and make a new string on each
// read, so a Map keyed by path held a second copy of every path (~160 bytes an article with the
// string made for it). Here an entry is a 32-bit hash of the path and the id, in an open-addressing
// table of two typed arrays (linear probing, 35-70% full: 11-23 bytes an article; a Map of hash to
// id took ~35), and a lookup compares the article's own path.

// Slot states besides an id (ids are >= 0): never used, and emptied (a tombstone: probing goes on past it).
const EMPTY = -1;
const GONE = -2;
const FIRST_CAPACITY = 1024;
// Slots used (ids and tombstones) that make the table grow, and how full a rebuilt one is at most.
const FULL = 0.7;
const REBUILT = 0.35;

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
    const at = this.find(path, hashOf(path));
    return at < 0 ? undefined : this.ids[at];
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Sets `path`'s id (>= 0); `pathOf(id)` must give `path` back. */
  set(path: string, id: number): this {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`IdsByPath: id ${id} is not a row id`);
    const h = hashOf(path);
    const at = this.find(path, h);
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
    const at = this.find(path, hashOf(path));
    if (at < 0) return false;
    this.ids[at] = GONE;
    this.count -= 1;
    return true;
  }

  // The slot holding `path` (its hash `h`), or -1.
  private find(path: string, h: number): number {
    const mask = this.ids.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.ids[i];
      if (id === EMPTY) return -1;
      if (id >= 0 && this.hashes[i] === h && this.pathOf(id) === path) return i;
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

// FNV-1a over the UTF-16 code units, as a signed 32-bit integer.
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
