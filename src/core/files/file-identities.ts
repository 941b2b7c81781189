// Which of a load's files (load/load.ts) are another file met earlier in the walk: the same device and inode
// reached through a link, which a load keeps once, at its first walk position. Identities are
// numbers in typed arrays: a warm load learns its held files' (from the stat that checked their
// rows) in the index's order, not the walk's, and a Set of a million "dev:ino" strings with the
// strings themselves held ~60-80 MB at the peak of a warm 1M load's memory (BENCHMARKS.md, the 1M
// memory section of the sixteenth round); here a file costs ~12-24 bytes of table.

import { splitInode } from '../article-record.js';

// Slots per table at least; a table doubles when half full (linear probing stays short).
const FIRST_SLOTS = 1024;
const EMPTY = -1;

// One device's files: inode -> the smallest walk position claimed with it, open addressing.
class InodeTable {
  private inodes: Float64Array;
  private positions: Int32Array;
  private used = 0;

  /** Room for `expected` inodes without growing (each doubling left the last table as garbage: 12 MB at a million files). */
  constructor(expected: number) {
    let slots = FIRST_SLOTS;
    while (slots < 2 * (expected + 1)) slots *= 2;
    this.inodes = new Float64Array(slots).fill(EMPTY);
    this.positions = new Int32Array(slots);
  }

  /** The position held for `ino` (-1: none) after offering `position`: the smaller of the two stays. */
  claim(ino: number, position: number): number {
    if ((this.used + 1) * 2 > this.inodes.length) this.grow();
    const slot = this.slot(ino);
    if (this.inodes[slot] === EMPTY) {
      [this.inodes[slot], this.positions[slot]] = [ino, position];
      this.used += 1;
      return -1;
    }
    const held = this.positions[slot];
    if (position < held) this.positions[slot] = position;
    return held;
  }

  // The slot holding `ino`, else the empty one where it goes.
  private slot(ino: number): number {
    const mask = this.inodes.length - 1;
    // Inodes can pass 2^32: both halves mixed (`>>> 0` keeps the low 32 bits of any integer).
    let k = Math.imul((ino >>> 0) ^ Math.imul(Math.floor(ino / 4294967296), 0x85ebca6b), 0x9e3779b1) >>> 0;
    for (;;) {
      k &= mask;
      const here = this.inodes[k];
      if (here === EMPTY || here === ino) return k;
      k += 1;
    }
  }

  private grow(): void {
    const [inodes, positions] = [this.inodes, this.positions];
    this.inodes = new Float64Array(inodes.length * 2).fill(EMPTY);
    this.positions = new Int32Array(inodes.length * 2);
    for (let k = 0; k < inodes.length; k++) {
      if (inodes[k] === EMPTY) continue;
      const slot = this.slot(inodes[k]);
      [this.inodes[slot], this.positions[slot]] = [inodes[k], positions[k]];
    }
  }
}

/**
 * The walk positions (0..files-1) of files that repeat an earlier position's identity. `claim`
 * each file's device and inode with its position, in any order; a position is then `repeated`
 * once a smaller one claimed the same identity. An unknown identity (negative numbers, "" or a
 * malformed "dev:ino") never repeats.
 */
export class FileIdentities {
  private readonly devices = new Map<number, InodeTable>();
  private readonly repeats: Uint8Array;

  /** `files`: the positions; the first device's table is made with room for all of them (a corpus is seldom on two). */
  constructor(private readonly files: number) {
    this.repeats = new Uint8Array((files + 7) >> 3);
  }

  /** Records that walk position `position` holds the file (`dev`, `ino`). */
  claim(dev: number, ino: number, position: number): void {
    if (!(dev >= 0 && ino >= 0)) return;
    let table = this.devices.get(dev);
    if (table === undefined) this.devices.set(dev, (table = new InodeTable(this.devices.size === 0 ? this.files : 0)));
    const held = table.claim(ino, position);
    if (held >= 0 && held !== position) this.mark(Math.max(held, position));
  }

  /** `claim` for an identity as records hold it ("dev:ino"). */
  claimKey(inode: string, position: number): void {
    const [dev, ino] = splitInode(inode);
    this.claim(dev, ino, position);
  }

  /** Whether an earlier position claimed the same file as `position`. */
  repeated(position: number): boolean {
    return (this.repeats[position >> 3] & (1 << (position & 7))) !== 0;
  }

  private mark(position: number): void {
    this.repeats[position >> 3] |= 1 << (position & 7);
  }
}
