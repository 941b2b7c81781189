// The reading state's rows read whole at a big folder's first sight (store.ts loadRowPage), held
// as their keys' UTF-8 bytes in key order with each row's packed marks: a sorted, read-only map
// from key to mark. A Map of every key kept a string and an entry per row (~60 bytes an article
// for keys of 15 characters, ~60 MB of the 1M dashboard's heap); here a row is its key's bytes
// and 8 bytes. Pages come as SQLite reads them, `ORDER BY key`: text in the BINARY collation
// compares as memcmp over its UTF-8 bytes, then the shorter first (sqlite.org/datatype3.html,
// "Collating Sequences"), which is the order searched here. A key it cannot find is looked up in
// the database, so an order that disagreed would cost a lookup, never a wrong mark.

/** One page of rows: keys' bytes back to back, where each starts (and the end), their marks. */
interface Page {
  bytes: Buffer;
  starts: Uint32Array;
  marks: Int32Array;
}

/** Keys (ascending, appended a page at a time) to packed marks; lookups by binary search over their bytes. */
export class SortedKeys {
  private readonly pages: Page[] = [];
  private count = 0;
  // The key being looked up, as UTF-8 bytes (grown when a key needs more).
  private scratch = Buffer.alloc(256);

  /** Rows held. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends rows in key order, each key after the last one held (a key out of order is left out:
   * its lookups then go to the database). `marks[i]` is keys[i]'s.
   */
  append(keys: readonly string[], marks: ArrayLike<number>): void {
    const kept: number[] = [];
    let total = 0;
    let last = this.lastKey();
    for (let i = 0; i < keys.length; i++) {
      const bytes = Buffer.from(keys[i], 'utf8');
      if (last !== null && compareBytes(bytes, 0, bytes.length, last, 0, last.length) <= 0) continue;
      kept.push(i);
      total += bytes.length;
      last = bytes;
    }
    if (kept.length === 0) return;
    const page: Page = { bytes: Buffer.allocUnsafe(total), starts: new Uint32Array(kept.length + 1), marks: new Int32Array(kept.length) };
    let at = 0;
    kept.forEach((i, k) => {
      page.starts[k] = at;
      at += page.bytes.write(keys[i], at, 'utf8');
      page.marks[k] = marks[i];
    });
    page.starts[kept.length] = at;
    this.pages.push(page);
    this.count += kept.length;
  }

  /** The marks held for `key`, or undefined. */
  get(key: string): number | undefined {
    if (this.count === 0) return undefined;
    const length = this.encode(key);
    const key8 = this.scratch;
    // The last page whose first key is at most `key`.
    let lo = 0;
    let hi = this.pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const p = this.pages[mid];
      if (compareBytes(p.bytes, 0, p.starts[1], key8, 0, length) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const p = this.pages[lo];
    let a = 0;
    let b = p.marks.length - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const c = compareBytes(p.bytes, p.starts[mid], p.starts[mid + 1], key8, 0, length);
      if (c === 0) return p.marks[mid];
      if (c < 0) a = mid + 1;
      else b = mid - 1;
    }
    return undefined;
  }

  private lastKey(): Buffer | null {
    const p = this.pages[this.pages.length - 1];
    return p ? p.bytes.subarray(p.starts[p.marks.length - 1], p.starts[p.marks.length]) : null;
  }

  // Writes `key` into the scratch buffer; returns its byte length.
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(key.length * 3);
    return this.scratch.write(key, 0, 'utf8');
  }
}

// memcmp order of a[aFrom, aTo) and b[bFrom, bTo), the shorter first on a tie: < 0, 0 or > 0.
function compareBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let i = 0; i < n; i++) {
    const d = a[aFrom + i] - b[bFrom + i];
    if (d !== 0) return d;
  }
  return aTo - aFrom - (bTo - bFrom);
}
