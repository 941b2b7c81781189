// One string (or null) per row, kept as UTF-8 bytes in chunks outside the JS heap: the columns of
// an ArticleTable (load/article-table.ts) that only the rows drawn, a print or a per-article pass
// read, never a keystroke's search (which reads the folded titles and descriptions: folded-texts.ts). As JS
// strings each value costs its header and alignment (16-23 bytes), a slot in an array (8 bytes),
// and twice its length once one character is outside Latin-1; here it costs its UTF-8 bytes and
// 8 bytes of position. Reading one makes a new string each time.

// Values in chunks of bytes (byte-chunks.ts), a value never spanning two: a row is one read from
// one chunk, and the unused tail of a chunk is at most one value. Each chunk has 1 MiB of positions
// whatever its size.
import { ByteChunks, CHUNK, offsetOf } from './byte-chunks.js';
import { hashOf, hashState, HASH_SEED, NO_HASH, textState } from './byte-hash.js';

// Bytes a row is expected to take, to size the first chunk from the capacity.
const ROW_BYTES = 64;
// Lengths that mean no bytes: the row is null, or its value is kept as a string in `whole`.
const NULL = 0xffffffff;
const WHOLE = 0xfffffffe;

type MaybeWellFormed = string & { isWellFormed?: () => boolean };

const NONE = new Uint32Array(0);

/**
 * A column of strings or nulls, appended row by row and read by row number. A column of nulls so
 * far holds no positions: they are made with its first value (a corpus without URLs kept 8 bytes
 * a row of them, 8 MB at a million).
 */
export class TextColumn {
  private rows = 0;
  private readonly capacity: number;
  // Rows past their end are null.
  private starts = NONE;
  private lengths = NONE;
  private readonly bytes: ByteChunks;
  // Values kept as they are: longer than a chunk, past the last chunk, or not well-formed UTF-16
  // (a lone surrogate, which UTF-8 cannot hold and would come back as U+FFFD).
  private readonly whole = new Map<number, string>();

  /** `capacity`: the rows expected (the column grows past it by doubling). */
  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    this.bytes = new ByteChunks(this.capacity * ROW_BYTES);
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Appends a row holding `value`; returns its row number. */
  push(value: string | null): number {
    const row = this.rows;
    if (value === null && row >= this.lengths.length) {
      this.rows += 1;
      return row;
    }
    if (row >= this.starts.length) this.grow();
    this.rows += 1;
    if (value === null) {
      this.lengths[row] = NULL;
      return row;
    }
    if (value.length === 0) {
      this.lengths[row] = 0;
      return row;
    }
    if ((value as MaybeWellFormed).isWellFormed?.() === false) return this.keepWhole(row, value);
    // A UTF-16 unit takes at most 3 bytes: when that much is free, write without measuring first.
    const store = this.bytes;
    if (!store.fits(value.length * 3)) {
      const bytes = Buffer.byteLength(value, 'utf8');
      if (bytes > CHUNK || !store.room(bytes)) return this.keepWhole(row, value);
    }
    const bytes = store.last.write(value, store.used, 'utf8');
    this.starts[row] = store.position;
    this.lengths[row] = bytes;
    store.used += bytes;
    return row;
  }

  private keepWhole(row: number, value: string): number {
    this.lengths[row] = WHOLE;
    this.whole.set(row, value);
    return row;
  }

  /** The value of `row` (a new string on each call), or null. */
  get(row: number): string | null {
    const length = row < this.lengths.length ? this.lengths[row] : NULL;
    if (length === NULL) return null;
    if (length === WHOLE) return this.whole.get(row) ?? null;
    if (length === 0) return '';
    const start = this.starts[row];
    const at = offsetOf(start);
    return this.bytes.chunkOf(start).toString('utf8', at, at + length);
  }

  /**
   * The hash (byte-hash.ts) of the value of `row`, continuing from hash state `state` (the bytes of
   * something before it), read from its bytes: no string made. A value kept whole is hashed from
   * its string (the same bytes). NO_HASH (-1) for null.
   */
  hash(row: number, state = HASH_SEED): number {
    const length = row < this.lengths.length ? this.lengths[row] : NULL;
    if (length === NULL) return NO_HASH;
    if (length === WHOLE) return hashOf(textState(this.whole.get(row) ?? '', state));
    if (length === 0) return hashOf(state);
    const start = this.starts[row];
    const at = offsetOf(start);
    return hashOf(hashState(this.bytes.chunkOf(start), at, at + length, state));
  }

  // Doubling keeps appends amortised O(1); the first positions are made at the capacity, or at
  // the rows so far when past it. The rows past the old end were null.
  private grow(): void {
    const made = this.lengths.length;
    const n = Math.max(made === 0 ? this.capacity : made * 2, this.rows + 1);
    const starts = new Uint32Array(n);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(n);
    lengths.set(this.lengths);
    lengths.fill(NULL, made, this.rows);
    this.lengths = lengths;
  }
}
