// Each article's term ids and counts for the story grouping's second pass (group-stream.ts),
// packed as varints in big blocks of bytes.

// Bytes per block of packed terms (the store never copies what it holds): 64 MiB, past glibc's
// largest mmap threshold (32 MiB), so each block is a mapping of its own, given back to the system
// when freed, and its pages are resident only once written. Blocks of 4 MiB fell below the
// threshold once V8 had freed a larger array, and the thread's malloc arena kept them after the
// computation (at 1M the process held ~55 MB more once the thread was done).
const BLOCK = 1 << 26;

/**
 * Each article's term ids (ascending) and weighted counts, in the order added, packed as varints
 * (the gap to the previous id, then the count) in blocks of bytes: ~3 bytes a term where a Map
 * or a pair of typed arrays takes 8-12.
 */
export class PackedTerms {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(0);
  private used = 0;
  private where = new Int32Array(2048); // article i's block (2i) and offset in it (2i+1)
  private terms = new Int32Array(1024); // article i's number of terms
  /** Articles held. */
  n = 0;

  /** Appends the next article's terms: `ids` ascending, `counts[k]` ids[k]'s (a non-negative integer). */
  push(ids: ArrayLike<number>, counts: ArrayLike<number>): void {
    const k = ids.length;
    // A varint of a 32-bit id gap takes at most 5 bytes; a count below 2^53, 8.
    const most = k * 13;
    if (this.used + most > this.block.length) {
      this.block = new Uint8Array(Math.max(BLOCK, most));
      this.blocks.push(this.block);
      this.used = 0;
    }
    if (this.n === this.terms.length) {
      const w = new Int32Array(this.terms.length * 4);
      w.set(this.where);
      this.where = w;
      const t = new Int32Array(this.terms.length * 2);
      t.set(this.terms);
      this.terms = t;
    }
    this.where[2 * this.n] = this.blocks.length - 1;
    this.where[2 * this.n + 1] = this.used;
    this.terms[this.n] = k;
    this.n++;
    const b = this.block;
    let at = this.used;
    let last = 0;
    for (let m = 0; m < k; m++) {
      for (let v = ids[m] - last; ; ) {
        if (v < 0x80) {
          b[at++] = v;
          break;
        }
        b[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      last = ids[m];
      // Counts may pass 2^31 in principle (a huge text): divided, not shifted.
      for (let v = counts[m]; ; ) {
        if (v < 0x80) {
          b[at++] = v;
          break;
        }
        b[at++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
    }
    this.used = at;
  }

  /** Article `i`'s terms into `ids` and `counts` (each of length size(i)). */
  read(i: number, ids: Int32Array, counts: Float64Array): void {
    const b = this.blocks[this.where[2 * i]];
    let at = this.where[2 * i + 1];
    let last = 0;
    for (let m = 0, k = this.terms[i]; m < k; m++) {
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = b[at++];
        v |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      last += v;
      ids[m] = last;
      let c = 0;
      for (let scale = 1; ; scale *= 0x80) {
        const byte = b[at++];
        c += (byte & 0x7f) * scale;
        if (byte < 0x80) break;
      }
      counts[m] = c;
    }
  }

  /**
   * Article `i`'s term ids into `ids` and their flags (the low `bits` bits of each count) into
   * `flags`, both from index `at` (each must hold at + size(i)).
   */
  readFlags(i: number, ids: Int32Array, flags: Uint8Array, at: number, bits: number): void {
    const b = this.blocks[this.where[2 * i]];
    let p = this.where[2 * i + 1];
    let last = 0;
    for (let m = 0, k = this.terms[i]; m < k; m++) {
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = b[p++];
        v |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      last += v;
      ids[at + m] = last;
      // The count's first varint byte holds its lowest 7 bits, the flags among them.
      flags[at + m] = b[p] & ((1 << bits) - 1);
      while (b[p++] >= 0x80);
    }
  }

  /** Article `i`'s number of terms. */
  size(i: number): number {
    return this.terms[i];
  }

  /** Bytes held (the blocks and the per-article numbers). */
  get bytes(): number {
    return this.blocks.reduce((sum, b) => sum + b.length, 0) + this.where.byteLength + this.terms.byteLength;
  }
}
