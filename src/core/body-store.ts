// The cache's file of lower-cased bodies, read on demand instead of whole at load. The dashboard
// only ever searches the newest BODY_DEPTH bodies (search.ts), so at 100k articles reading all
// 150 MB up front kept ~135 MB resident that no keystroke touched. Each body is read on first use
// (one pread of a few KB); once enough have been asked for that the caller is evidently reading
// them all (`--filter`, a cache rewrite), the rest of the file is read in one go and served as views.
//
// The file holds pieces: every article's lower-cased body, then every article's lower-cased short
// text (title, description, tags, ...); `bounds` says where each starts. A full scan marks both
// kinds per word (markAll) and so needs no haystack for an article that does not match.
//
// The file descriptor stays open for the store's lifetime: a cache rewrite renames a new file over
// the old name, and this descriptor keeps reading the file that was checked when it was opened.

import fs from 'node:fs';

/** Bodies read one by one before the whole file is read at once. */
export const WHOLE_AFTER = 16_384;
/** Bytes read at a time when a full scan marks the bodies containing its words (see markAll). */
export const MARK_CHUNK = 8 * 1024 * 1024;

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
    // Where each piece starts, in file order, then where the last one ends.
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

  /**
   * Before a scan of every body for these needles: finds which bodies contain each, with
   * Buffer.indexOf over the file a few MB at a time (or over the whole file, if it was read).
   * A full scan asking body by body made 100k Buffer views and 100k native calls per needle, and
   * reading the 150 MB file into one new buffer cost ~0.1 s of page faults; a reused read buffer
   * costs neither, and the bodies do not stay in memory.
   */
  markAll(needles: readonly string[], chunk = MARK_CHUNK): void {
    // Already marked for exactly these (the loader may have done it while the stat thread ran).
    if (needles.length > 0 && needles.every((n) => this.marks.has(n)) && this.marks.size === new Set(needles).size) return;
    this.marks.clear();
    const distinct = [...new Set(needles)].map((n) => ({ needle: n, bytes: Buffer.from(n, 'utf8'), found: new Uint8Array(Math.max(0, this.bounds.length - 1)) }));
    const count = this.bounds.length - 1;
    if (this.whole !== null) {
      for (const d of distinct) this.markIn(this.whole, 0, 0, count, d.bytes, d.found);
    } else {
      let scratch: Buffer | null = null;
      for (let k = 0; k < count; ) {
        // Bodies k..j-1 in one read of at most `chunk` bytes (or body k alone, if bigger).
        let j = k + 1;
        while (j < count && this.bounds[j + 1] - this.bounds[k] <= chunk) j++;
        const start = this.bounds[k];
        const length = this.bounds[j] - start;
        scratch ??= Buffer.allocUnsafe(chunk);
        const buffer = length <= scratch.length ? scratch.subarray(0, length) : Buffer.allocUnsafe(length);
        if (!this.readInto(buffer, start)) return; // unreadable now: no marks, bodies are read one by one
        for (const d of distinct) this.markIn(buffer, start, k, j, d.bytes, d.found);
        k = j;
      }
    }
    for (const d of distinct) this.marks.set(d.needle, d.found);
  }

  /** Whether body `k` contains `needle`, when markAll has found out; undefined otherwise. */
  marked(needle: string, k: number): boolean | undefined {
    const m = this.marks.get(needle);
    return m === undefined || k < 0 || k >= m.length ? undefined : m[k] === 1;
  }

  // Marks in `found` the bodies k0..k1-1 that contain `bytes`; `buffer` holds the file from byte `base`.
  private markIn(buffer: Buffer, base: number, k0: number, k1: number, bytes: Buffer, found: Uint8Array): void {
    const bounds = this.bounds;
    if (bytes.length === 0) {
      found.fill(1, k0, k1);
      return;
    }
    const end = bounds[k1] - base;
    let at = buffer.indexOf(bytes, bounds[k0] - base);
    while (at >= 0 && at < end) {
      // The body holding `at`: the last one starting at or before it (empty bodies hold nothing).
      let lo = k0;
      let hi = k1 - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid] - base <= at) lo = mid;
        else hi = mid - 1;
      }
      if (at + bytes.length <= bounds[lo + 1] - base) {
        found[lo] = 1;
        at = buffer.indexOf(bytes, bounds[lo + 1] - base);
      } else {
        // Runs from one body into the next: a match in neither.
        at = buffer.indexOf(bytes, at + 1);
      }
    }
  }

  // Fills `buffer` from byte `start` of the file; false if it could not be read whole.
  private readInto(buffer: Buffer, start: number): boolean {
    try {
      let offset = 0;
      while (offset < buffer.length) {
        const n = fs.readSync(this.fd, buffer, offset, buffer.length - offset, start + offset);
        if (n === 0) return false;
        offset += n;
      }
      return true;
    } catch {
      return false;
    }
  }

  private readWhole(): void {
    this.wholeReads += 1;
    const all = Buffer.allocUnsafe(this.size);
    this.whole = this.readInto(all, 0) ? all : null;
  }
}
