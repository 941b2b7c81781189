// The cache's file of lower-cased bodies, read on demand instead of whole at load. The dashboard
// only ever searches the newest BODY_DEPTH bodies (search.ts), so at 100k articles reading all
// 150 MB up front kept ~135 MB resident that no keystroke touched. Each body is read on first use
// (one pread of a few KB); once enough have been asked for that the caller is evidently reading
// them all (`--filter`, a cache rewrite), the rest of the file is read in one go and served as views.
//
// The file descriptor stays open for the store's lifetime: a cache rewrite renames a new file over
// the old name, and this descriptor keeps reading the file that was checked when it was opened.

import fs from 'node:fs';

/** Bodies read one by one before the whole file is read at once. */
export const WHOLE_AFTER = 16_384;

const EMPTY = Buffer.alloc(0);
// Closes a store's descriptor once the store itself is garbage: nothing else owns it.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed (process exit), nothing to do
  }
});

/** Byte ranges of one open bodies file; `read` never throws. */
export class BodyStore {
  private whole: Buffer | null = null;
  private reads = 0;
  // Which bodies contain each needle of the current full scan (see markAll), by body number.
  private readonly marks = new Map<string, Uint8Array>();
  /** Times the whole file was read (0 or 1); for tests. */
  wholeReads = 0;

  private constructor(
    private readonly fd: number,
    private readonly size: number,
    // Where each body starts, in file order, then where the last one ends.
    private readonly bounds: Float64Array,
  ) {
    closer.register(this, fd);
  }

  /**
   * Opens `file` when it is exactly `size` bytes long and starts with `header`; null otherwise
   * (missing, another write's file, truncated). Never throws.
   */
  static open(file: string, size: number, header: Buffer, bounds: Float64Array): BodyStore | null {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const head = Buffer.alloc(header.length);
      if (fs.fstatSync(fd).size === size && fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(header)) {
        return new BodyStore(fd, size, bounds);
      }
    } catch {
      // unreadable: treated as no cache
    }
    fs.closeSync(fd);
    return null;
  }

  /** Bytes [start, end) of the file; empty if they cannot be read (a file damaged since it was opened). */
  read(start: number, end: number): Buffer {
    if (end <= start || end > this.size) return EMPTY;
    if (this.whole === null && this.wholeReads === 0 && ++this.reads > WHOLE_AFTER) this.readWhole();
    if (this.whole !== null) return this.whole.subarray(start, end);
    try {
      const out = Buffer.allocUnsafe(end - start);
      const n = fs.readSync(this.fd, out, 0, out.length, start);
      return n === out.length ? out : out.subarray(0, n);
    } catch {
      return EMPTY;
    }
  }

  /** Reads the whole file now, when the caller knows it will want every body (a full scan). */
  readAll(): void {
    if (this.whole === null && this.wholeReads === 0) this.readWhole();
  }

  /**
   * Before a scan of every body for these needles: reads the whole file and finds, in one pass of
   * Buffer.indexOf per needle, which bodies contain each. A full scan asking body by body made
   * 100k Buffer views and 100k native calls per needle (~0.2 s at 100k articles).
   */
  markAll(needles: readonly string[]): void {
    this.readAll();
    this.marks.clear();
    if (this.whole === null) return;
    for (const n of needles) if (!this.marks.has(n)) this.marks.set(n, this.bodiesContaining(n));
  }

  /** Whether body `k` contains `needle`, when markAll has found out; undefined otherwise. */
  marked(needle: string, k: number): boolean | undefined {
    const m = this.marks.get(needle);
    return m === undefined || k < 0 || k >= m.length ? undefined : m[k] === 1;
  }

  private bodiesContaining(needle: string): Uint8Array {
    const whole = this.whole as Buffer;
    const bounds = this.bounds;
    const count = bounds.length - 1;
    const found = new Uint8Array(Math.max(0, count));
    const bytes = Buffer.from(needle, 'utf8');
    if (bytes.length === 0) return found.fill(1);
    let at = count > 0 ? whole.indexOf(bytes, bounds[0]) : -1;
    while (at >= 0 && at < bounds[count]) {
      // The body holding `at`: the last one starting at or before it (empty bodies hold nothing).
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      if (at + bytes.length <= bounds[lo + 1]) {
        found[lo] = 1;
        at = whole.indexOf(bytes, bounds[lo + 1]);
      } else {
        // Runs from one body into the next: a match in neither.
        at = whole.indexOf(bytes, at + 1);
      }
    }
    return found;
  }

  private readWhole(): void {
    this.wholeReads += 1;
    try {
      const all = Buffer.allocUnsafe(this.size);
      let offset = 0;
      while (offset < this.size) {
        const n = fs.readSync(this.fd, all, offset, this.size - offset, offset);
        if (n === 0) break;
        offset += n;
      }
      this.whole = offset === this.size ? all : null;
    } catch {
      this.whole = null;
    }
  }
}
