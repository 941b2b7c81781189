// Sorted blocks of links kept in a temporary file instead of memory (link-store.ts spills there
// once it holds more than its share): a block's three arrays are written one after another, and
// read back a window at a time while the blocks are merged. At a million articles of a busy
// archive (a thousand articles a day, dozens of outlets on one event) an article finds ~70
// candidate links: ~1.1 GB at 16 bytes a link, all held until the first is applied, on the facts
// worker, whose malloc arena then kept the pages after they were freed. On disk they take the
// same bytes, read once in order; in memory only a window per block.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Links read back per block at a time: 16 KiB of a block's arrays. */
export const WINDOW = 1024;

/** Where a block's links are read back into: a window of each of its arrays (read() says how many it holds). */
export interface RunWindow {
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
}

/**
 * A temporary file of sorted blocks of `block` links each. The file lives in a directory of its
 * own (mode 0700, the file 0600) under `folder`: the index's own folder where there is one (the
 * system's temporary folder is often a RAM disk, where a gigabyte of links would take the memory
 * they were moved out of), else the system's. It is unlinked as soon as it is open where the
 * system allows it (POSIX): a crash leaves nothing behind. Errors while writing are the caller's
 * (it keeps the block in memory instead).
 */
export class LinkRuns {
  private readonly fd: number;
  private dir: string | null;
  private file: string | null;
  /** Blocks written, in order. */
  count = 0;

  constructor(private readonly block: number, folder: string = tmpdir()) {
    const dir = mkdtempSync(path.join(folder, 'crypto-news-tui-links-'));
    const file = path.join(dir, 'links');
    this.fd = openSync(file, 'wx+', 0o600);
    this.dir = dir;
    this.file = file;
    try {
      unlinkSync(file);
      this.file = null;
      rmdirSync(dir);
      this.dir = null;
    } catch {
      // Windows keeps an open file: removed by close().
    }
  }

  /** Writes a full block (already in order); returns its number. Throws what the write throws (ENOSPC...). */
  write(a: Int32Array, b: Int32Array, score: Float64Array): number {
    let at = this.count * this.block * 16;
    for (const array of [a, b, score]) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, this.block * array.BYTES_PER_ELEMENT);
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
      at += bytes.length;
    }
    return this.count++;
  }

  /** Reads links `from`..`from + into.a.length` of block `t` (no further than its end) into `into`; returns how many. */
  read(t: number, from: number, into: RunWindow): number {
    const n = Math.min(into.a.length, this.block - from);
    const base = t * this.block * 16;
    this.fill(into.a, n, base + from * 4);
    this.fill(into.b, n, base + this.block * 4 + from * 4);
    this.fill(into.score, n, base + this.block * 8 + from * 8);
    return n;
  }

  /** Closes the file (and removes it where it could not be removed while open). */
  close(): void {
    closeSync(this.fd);
    try {
      if (this.file) unlinkSync(this.file);
      if (this.dir) rmdirSync(this.dir);
    } catch {
      // Left in the temporary folder: the system's to clear.
    }
  }

  private fill(array: Int32Array | Float64Array, n: number, position: number): void {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, n * array.BYTES_PER_ELEMENT);
    for (let done = 0; done < bytes.length; ) {
      const got = readSync(this.fd, bytes, done, bytes.length - done, position + done);
      if (got === 0) throw new Error('the links\' temporary file ended early');
      done += got;
    }
  }
}
