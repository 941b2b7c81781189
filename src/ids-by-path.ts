// The dashboard's article id by absolute path (live updates: which article a changed or removed
// file was, whether a file the watch reports is known), without holding the paths. The loaded
// articles keep their paths as bytes (core/text/text-column.ts) and make a new string on each
// read, so a Map keyed by path held a second copy of every path (~160 bytes an article with the
// string made for it); here an entry is a 32-bit hash of the path and the id, and a lookup
// compares the article's own path.

/** Article ids by path, for paths the articles themselves give back (`pathOf`). */
export class IdsByPath {
  // Hash -> id, or the ids sharing a hash (rare: a collision of 32-bit hashes).
  private readonly byHash = new Map<number, number | number[]>();
  private count = 0;

  /** `pathOf(id)`: the path of the article with that id (as given to `set`). */
  constructor(private readonly pathOf: (id: number) => string) {}

  /** Number of paths held. */
  get size(): number {
    return this.count;
  }

  /** The id set for `path`, or undefined. */
  get(path: string): number | undefined {
    const held = this.byHash.get(hashOf(path));
    if (held === undefined) return undefined;
    if (typeof held === 'number') return this.pathOf(held) === path ? held : undefined;
    return held.find((id) => this.pathOf(id) === path);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Sets `path`'s id; `pathOf(id)` must give `path` back. */
  set(path: string, id: number): this {
    this.delete(path);
    const h = hashOf(path);
    const held = this.byHash.get(h);
    if (held === undefined) this.byHash.set(h, id);
    else if (typeof held === 'number') this.byHash.set(h, [held, id]);
    else held.push(id);
    this.count += 1;
    return this;
  }

  /** Forgets `path`; true when it was held. */
  delete(path: string): boolean {
    const h = hashOf(path);
    const held = this.byHash.get(h);
    if (held === undefined) return false;
    if (typeof held === 'number') {
      if (this.pathOf(held) !== path) return false;
      this.byHash.delete(h);
    } else {
      const at = held.findIndex((id) => this.pathOf(id) === path);
      if (at < 0) return false;
      held.splice(at, 1);
      if (held.length === 1) this.byHash.set(h, held[0]);
    }
    this.count -= 1;
    return true;
  }
}

// FNV-1a over the UTF-16 code units, as a signed 32-bit integer (a small integer to V8: no heap number per key).
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
