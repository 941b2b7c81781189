// The gaps a fold read as one space (fold.ts, rule 3), written down so that FoldedTexts can give
// a row's text back from its fold: a description that quotes a word (`said "overdue"`) has two,
// and ~20% of a generated corpus's rows have some. Keeping those rows' originals instead cost
// ~300 bytes a row (9 MB of the warm 100k dashboard); a record here costs a few bytes a gap.
//
// A record, in bytes: the number of gaps, then for each its position in the fold (3 bytes, little
// endian: where the fold holds the one space standing for it), its length as written (1 byte) and
// its UTF-16 units as written (1 byte each). Gaps of units past U+00FF (the ideographic space) or
// longer than 255 units, and more than 255 gaps, are not written: such a row keeps its originals.

const MAX = 255;
const MAX_POSITION = 1 << 24;

/**
 * The bytes the record of `runs` takes (gapRuns's [start, end) pairs over `written`, the text
 * with its gaps as written), or -1 when it cannot be written (see the header).
 */
export function gapRecordSize(written: string, runs: readonly number[]): number {
  if (runs.length / 2 > MAX || written.length >= MAX_POSITION) return -1;
  let size = 1;
  for (let k = 0; k < runs.length; k += 2) {
    const [start, end] = [runs[k], runs[k + 1]];
    if (end - start > MAX) return -1;
    for (let i = start; i < end; i++) if (written.charCodeAt(i) > 0xff) return -1;
    size += 4 + end - start;
  }
  return size;
}

/** Writes the record of `runs` (gapRecordSize said it fits) into `into` at `at`. */
export function writeGapRecord(written: string, runs: readonly number[], into: Uint8Array, at: number): void {
  into[at] = runs.length / 2;
  let pos = at + 1;
  // Each gap before this one shortened the fold by its length less one.
  let shortened = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const [start, end] = [runs[k], runs[k + 1]];
    const position = start - shortened;
    into[pos] = position & 0xff;
    into[pos + 1] = (position >>> 8) & 0xff;
    into[pos + 2] = position >>> 16;
    into[pos + 3] = end - start;
    for (let i = start; i < end; i++) into[pos + 4 + i - start] = written.charCodeAt(i);
    pos += 4 + end - start;
    shortened += end - start - 1;
  }
}

/**
 * `folded` with each gap of the record at `from[at]` written again as it was: the text the record
 * was made from. Returns it and the record's length in bytes.
 */
export function unfoldGaps(folded: string, from: Uint8Array, at: number): [text: string, recordBytes: number] {
  const count = from[at];
  let pos = at + 1;
  let out = '';
  let last = 0;
  for (let k = 0; k < count; k++) {
    const position = from[pos] | (from[pos + 1] << 8) | (from[pos + 2] << 16);
    const length = from[pos + 3];
    out += folded.slice(last, position) + String.fromCharCode(...from.subarray(pos + 4, pos + 4 + length));
    last = position + 1;
    pos += 4 + length;
  }
  return [out + folded.slice(last), pos - at];
}
