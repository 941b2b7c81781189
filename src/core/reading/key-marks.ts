// The reading state's rows read whole at a big folder's first sight (store.ts loadRowPage): each
// row's key as UTF-8 bytes and its packed marks, found by an open-addressing hash table over the
// bytes (text/byte-hash.ts). A Map of every key kept a string and an entry per row (~60 bytes an
// article for keys of 15 characters, ~60 MB of the 1M dashboard's heap); here a row is its key's
// bytes and ~16 bytes. A lookup costs ~0.2 us (a sorted array searched by bisection cost ~1.6 us:
// the 1M first sight's million lookups held the UI thread 1.3 s longer, twenty-ninth round).

import { ByteChunks, CHUNK, hashOf, hashState, offsetOf } from '../text/index.js';

// How full the table may get before it doubles (linear probing), and its first size.
const FULL = 0.7;
const FIRST_SLOTS = 1024;

/** Keys (distinct; a repeat keeps the first) to packed marks. */
export class KeyMarks {
  private readonly bytes = new ByteChunks(64 * 1024);
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private marks = new Int32Array(1024);
  private count = 0;
  // Row + 1 per slot, 0 when empty.
  private slots = new Int32Array(FIRST_SLOTS);
  // The key being looked up, as UTF-8 bytes (grown when a key needs more).
  private scratch = Buffer.alloc(256);

  /** Rows held. */
  get size(): number {
    return this.count;
  }

  /** Adds rows: `marks[i]` is keys[i]'s. A key held already keeps its mark; one too long for a chunk is left out (its lookups go to the database). */
  append(keys: readonly string[], marks: ArrayLike<number>): void {
    for (let i = 0; i < keys.length; i++) {
      const length = this.encode(keys[i]);
      if (length > CHUNK) continue;
      const h = this.scratchHash(length);
      if (this.slotOf(length, h) < 0) this.add(length, h, marks[i]);
    }
  }

  /** The marks held for `key`, or undefined. */
  get(key: string): number | undefined {
    if (this.count === 0) return undefined;
    const length = this.encode(key);
    const slot = this.slotOf(length, this.scratchHash(length));
    return slot < 0 ? undefined : this.marks[this.slots[slot] - 1];
  }

  // The slot of the key in the scratch buffer (`length` bytes, hash `h`), or -(the empty slot it would take) - 1.
  private slotOf(length: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const held = this.slots[s];
      if (held === 0) return -s - 1;
      const row = held - 1;
      if (this.lengths[row] === length && this.same(row, length)) return s;
    }
  }

  private same(row: number, length: number): boolean {
    const start = this.starts[row];
    const chunk = this.bytes.chunkOf(start);
    const at = offsetOf(start);
    const key = this.scratch;
    for (let i = 0; i < length; i++) if (chunk[at + i] !== key[i]) return false;
    return true;
  }

  // Stores the scratch buffer's `length` bytes (hash `h`) as a new row with `mark`.
  private add(length: number, h: number, mark: number): void {
    // Past the store's last chunk (4 GiB of keys) a row is not kept: its lookups go to the database.
    if (!this.bytes.room(length)) return;
    if (this.count === this.marks.length) this.growRows();
    if (this.count + 1 > this.slots.length * FULL) this.growSlots();
    const row = this.count++;
    this.starts[row] = this.bytes.position;
    this.scratch.copy(this.bytes.last, this.bytes.used, 0, length);
    this.bytes.used += length;
    this.lengths[row] = length;
    this.marks[row] = mark;
    this.place(row, h);
  }

  private place(row: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = row + 1;
  }

  private growRows(): void {
    const n = this.marks.length * 2;
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (k) => new Uint32Array(k));
    this.lengths = grow(this.lengths, (k) => new Uint32Array(k));
    this.marks = grow(this.marks, (k) => new Int32Array(k));
  }

  // Doubles the table and places every row again, hashed from its stored bytes.
  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let row = 0; row < this.count; row++) {
      const start = this.starts[row];
      const at = offsetOf(start);
      this.place(row, hashOf(hashState(this.bytes.chunkOf(start), at, at + this.lengths[row])));
    }
  }

  // The hash of the scratch buffer's first `length` bytes.
  private scratchHash(length: number): number {
    return hashOf(hashState(this.scratch, 0, length));
  }

  // Writes `key` into the scratch buffer; returns its byte length.
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(key.length * 3);
    return this.scratch.write(key, 0, 'utf8');
  }
}
