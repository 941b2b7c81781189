// Bytes appended in chunks of up to 1 MiB, each allocated on its own (not from Node's shared
// pool), a value never spanning two: the storage of a TextColumn (text-column.ts) and of the case
// bits of FoldedTexts (folded-texts.ts). A small store (one row: a body read back) starts with a
// small chunk, and each next one is twice the last up to 1 MiB. A value's position is 32 bits:
// its chunk and its offset in it.

export const CHUNK_BITS = 20;
export const CHUNK = 1 << CHUNK_BITS;
const FIRST_CHUNK = 256;
// Positions are 32-bit: 4,096 chunks (4 GiB) a store.
const MAX_CHUNKS = 2 ** (32 - CHUNK_BITS);

/** Chunks of bytes, written at the end of the last one. */
export class ByteChunks {
  readonly chunks: Buffer[] = [];
  // Bytes used in the last chunk, and the next chunk's size.
  used = 0;
  private next: number;

  /** `expected`: the bytes the store is expected to take, to size its first chunk. */
  constructor(expected: number) {
    this.next = Math.min(CHUNK, Math.max(FIRST_CHUNK, expected));
  }

  /** The last chunk (after room() said yes). */
  get last(): Buffer {
    return this.chunks[this.chunks.length - 1];
  }

  /** The position of the last chunk's first unused byte. */
  get position(): number {
    return (this.chunks.length - 1) * CHUNK + this.used;
  }

  /** True when the last chunk has `bytes` free (without making room). */
  fits(bytes: number): boolean {
    const last = this.chunks[this.chunks.length - 1];
    return last !== undefined && this.used + bytes <= last.length;
  }

  /** Makes room for `bytes` in the last chunk, starting a new one (zeroed) when needed; false past the last chunk. */
  room(bytes: number): boolean {
    if (this.fits(bytes)) return true;
    if (this.chunks.length === MAX_CHUNKS) return false;
    this.chunks.push(Buffer.alloc(Math.max(bytes, this.next)));
    this.next = Math.min(CHUNK, this.next * 2);
    this.used = 0;
    return true;
  }

  /** The chunk holding `position`, and the offset in it. */
  chunkOf(position: number): Buffer {
    return this.chunks[position >>> CHUNK_BITS];
  }
}

/** The offset of `position` in its chunk. */
export function offsetOf(position: number): number {
  return position & (CHUNK - 1);
}
