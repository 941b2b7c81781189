// The title and description of each row of a table, held once and as search compares them: the
// two folded (fold.ts) into one string, `title\ndescription`, which the search's haystack takes as
// it is (search/haystack.ts), with one bit per character saying which ones the fold lower-cased.
// The originals are made again from those when asked (a new string each time). At a million
// articles the load's table held each title as a string (~80 MB of heap) and each description as
// UTF-8 bytes (~117 MB), and the haystacks a folded copy of both (~180 MB of heap): the same text
// three times. A row whose fold read gaps as one space (`said "overdue"`, a double space) keeps
// where they were (fold-gaps.ts); a row whose fold did more than lower-case its letters (an
// accent dropped, a letter whose capital is not one character, a line break in the title) keeps
// its originals beside it.

import { foldJoined, foldLetters, gapRuns } from './fold.js';
import { gapRecordSize, unfoldGaps, writeGapRecord } from './fold-gaps.js';
import { TextColumn } from './text-column.js';

// Case bits in chunks of bytes (byte-chunks.ts); a row whose bits exceed a chunk, or past the
// last chunk, keeps its originals.
import { ByteChunks, CHUNK, offsetOf } from './byte-chunks.js';

// Starts that mean no bits: nothing was upper-case, or the row keeps its originals (`odd`).
const LOWER = 0xffffffff;
const ODD = 0xfffffffe;

/** A column of (title, description) pairs, appended row by row, read by row number. */
export class FoldedTexts {
  private rows = 0;
  private readonly texts: string[] = [];
  private starts: Uint32Array;
  // A bit a row: its bits follow a record of its gaps (fold-gaps.ts).
  private gapped: Uint8Array;
  private readonly bits: ByteChunks;
  // Rows that keep their originals: row -> position in oddTitles / oddDescriptions.
  private readonly odd = new Map<number, number>();
  private readonly oddTitles: string[] = [];
  private readonly oddDescriptions = new TextColumn(1);

  /** `capacity`: the rows expected (the column grows past it by doubling). */
  constructor(capacity = 1024) {
    this.starts = new Uint32Array(Math.max(1, capacity));
    this.gapped = new Uint8Array((this.starts.length + 7) >>> 3);
    this.bits = new ByteChunks(this.starts.length * 16);
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Appends a row; returns its row number. */
  push(title: string, description: string): number {
    const row = this.rows;
    if (row === this.starts.length) this.grow();
    this.rows += 1;
    const folded = foldJoined([title, description]);
    this.texts.push(folded);
    const n = title.length + 1 + description.length;
    if (title.includes('\n')) return this.keepOdd(row, title, description);
    // The text the case bits are read against: the fold, or where it read gaps as one space, the
    // fold with its gaps as written (foldText is foldLetters with the gaps read).
    let written = folded;
    let runs: number[] | null = null;
    if (folded.length !== n) {
      const [t, d] = [foldLetters(title), foldLetters(description)];
      written = `${t}\n${d}`;
      runs = gapRuns(t).concat(gapRuns(d).map((x) => x + t.length + 1));
      if (written.length !== n || runs.length === 0) return this.keepOdd(row, title, description);
    }
    const record = runs === null ? 0 : gapRecordSize(written, runs);
    const bytes = (n + 7) >>> 3;
    if (record < 0 || record + bytes > CHUNK || !this.bits.room(record + bytes)) return this.keepOdd(row, title, description);
    // The record and the bits are written in place (a new chunk's bytes are zero) and kept only
    // when needed; title and description are compared apart (the joined text is a concatenation,
    // slow to index).
    const chunk = this.bits.last;
    const at = this.bits.used;
    if (runs !== null) writeGapRecord(written, runs, chunk, at);
    const upTitle = caseBits(title, written, 0, chunk, at + record);
    const upDescription = upTitle < 0 ? -1 : caseBits(description, written, title.length + 1, chunk, at + record);
    if (upDescription < 0) {
      chunk.fill(0, at, at + record + bytes);
      return this.keepOdd(row, title, description);
    }
    if (upTitle + upDescription === 0 && runs === null) {
      this.starts[row] = LOWER;
      return row;
    }
    this.starts[row] = this.bits.position;
    if (runs !== null) this.gapped[row >>> 3] |= 1 << (row & 7);
    this.bits.used += record + bytes;
    return row;
  }

  private keepOdd(row: number, title: string, description: string): number {
    this.starts[row] = ODD;
    this.odd.set(row, this.oddTitles.length);
    this.oddTitles.push(title);
    this.oddDescriptions.push(description);
    return row;
  }

  /** The row's `title\ndescription` folded (fold.ts): the string the search's haystack holds. */
  folded(row: number): string {
    return this.texts[row];
  }

  /** Length of the folded title at the start of `folded(row)`. */
  foldedTitleLength(row: number): number {
    // No fold holds a line break (fold.ts): the first one ends the title.
    return this.texts[row].indexOf('\n');
  }

  title(row: number): string {
    const start = this.starts[row];
    if (start === ODD) return this.oddTitles[this.odd.get(row) ?? 0];
    const [s, bitsAt] = this.written(row, start);
    return this.restore(s, bitsAt, 0, s.indexOf('\n'));
  }

  description(row: number): string {
    const start = this.starts[row];
    if (start === ODD) return this.oddDescriptions.get(this.odd.get(row) ?? 0) ?? '';
    const [s, bitsAt] = this.written(row, start);
    return this.restore(s, bitsAt, s.indexOf('\n') + 1, s.length);
  }

  // The row's fold with its gaps as written (the text its case bits are read against), and where its bits start.
  private written(row: number, start: number): [string, number] {
    const s = this.texts[row];
    if ((this.gapped[row >>> 3] & (1 << (row & 7))) === 0) return [s, start];
    const [text, recordBytes] = unfoldGaps(s, this.bits.chunkOf(start), offsetOf(start));
    return [text, start + recordBytes];
  }

  // s[from, to) with the characters whose bits are set upper-cased again.
  private restore(s: string, start: number, from: number, to: number): string {
    if (start === LOWER || to <= from) return s.slice(from, to);
    const bits = this.bits.chunkOf(start);
    const at = offsetOf(start);
    let out = '';
    let last = from;
    for (let b = from >>> 3; b <= (to - 1) >>> 3; b++) {
      const byte = bits[at + b];
      if (byte === 0) continue;
      for (let k = 0; k < 8; k++) {
        const i = (b << 3) + k;
        if ((byte & (1 << k)) === 0 || i < from || i >= to) continue;
        out += s.slice(last, i) + upper(s, i);
        last = i + 1;
      }
    }
    return last === from ? s.slice(from, to) : out + s.slice(last, to);
  }

  // Doubling keeps appends amortised O(1).
  private grow(): void {
    const starts = new Uint32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const gapped = new Uint8Array((starts.length + 7) >>> 3);
    gapped.set(this.gapped);
    this.gapped = gapped;
  }
}

// Sets the bits (from bit `offset` of bits[at...]) of the characters of `text` that are the capital of
// folded[offset + i]; returns how many, or -1 when some character differs otherwise (the fold did
// more than lower-case it).
function caseBits(text: string, folded: string, offset: number, bits: Uint8Array, at: number): number {
  let set = 0;
  for (let i = 0; i < text.length; i++) {
    const t = text.charCodeAt(i);
    const j = offset + i;
    const f = folded.charCodeAt(j);
    if (t === f) continue;
    if ((t >= 65 && t <= 90 && f === t + 32) || (t > 127 && upper(folded, j) === text[i])) {
      bits[at + (j >>> 3)] |= 1 << (j & 7);
      set += 1;
    } else {
      return -1;
    }
  }
  return set;
}

// The capital of s[i] (a-z without a call).
function upper(s: string, i: number): string {
  const c = s.charCodeAt(i);
  return c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : s[i].toUpperCase();
}
