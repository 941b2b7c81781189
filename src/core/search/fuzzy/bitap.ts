// fuse.js's Bitap matcher (fuse.js 7.5, src/search/bitap/search.ts and index.ts), step for step,
// without its per-call garbage: fuse lower-cases the text, makes a fresh array per error level and
// a result object per field on every call, which was most of the ~50 us an article cost a
// keystroke. Here the text comes lower-cased once per article (fuse-scores.ts), the pattern's
// alphabet is a table by code unit, and the bit rows live in two reused Int32Arrays. Every branch,
// bound and float operation is fuse's, in fuse's order, so the score is the same number
// (tests/core/search/fuzzy-scores.test.ts compares the two on random text).
//
// A derivative of fuse.js, Copyright 2017 Kirollos Risk, under the Apache License 2.0
// (https://www.apache.org/licenses/LICENSE-2.0); changed as said above.

/**
 * The subset of fuse.js options that change a Bitap score. fuse's `ignoreLocation` is not ported
 * (no option set of the search sets it): FuseRanker hands options with it to fuse.js itself.
 */
export interface BitapOptions {
  location: number;
  distance: number;
  threshold: number;
}

import { holdsPiece, matchPieces } from './match-pieces.js';

// fuse's limit: a pattern is cut into chunks of at most 32 code units (one bit each).
const MAX_BITS = 32;

interface Chunk {
  pattern: string;
  startIndex: number;
  // Bit mask of each code unit below 128 in the pattern; others in `wide`.
  ascii: Int32Array;
  wide: Map<number, number>;
}

function chunkOf(pattern: string, startIndex: number): Chunk {
  const ascii = new Int32Array(128);
  const wide = new Map<number, number>();
  const len = pattern.length;
  for (let i = 0; i < len; i++) {
    const c = pattern.charCodeAt(i);
    const bit = 1 << (len - i - 1);
    if (c < 128) ascii[c] |= bit;
    else wide.set(c, (wide.get(c) ?? 0) | bit);
  }
  return { pattern, startIndex, ascii, wide };
}

// Bit rows shared by every search (one thread, never re-entered); grown on demand.
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** A pattern compiled once per query; `score(text)` per field. */
export class BitapPattern {
  /** The pattern as fuse compares it (lower-cased). */
  readonly pattern: string;
  private readonly chunks: Chunk[] = [];
  // One chunk's pieces (match-pieces.ts): a field holding none of them does not match. With more
  // chunks a chunk that does not match still adds its score to the others', so every one is run.
  private readonly pieces: string[] | null;

  constructor(
    pattern: string,
    private readonly options: BitapOptions,
  ) {
    this.pattern = pattern.toLowerCase();
    const len = this.pattern.length;
    if (len > MAX_BITS) {
      const remainder = len % MAX_BITS;
      const end = len - remainder;
      for (let i = 0; i < end; i += MAX_BITS) this.chunks.push(chunkOf(this.pattern.substr(i, MAX_BITS), i));
      if (remainder) this.chunks.push(chunkOf(this.pattern.substr(len - MAX_BITS), len - MAX_BITS));
    } else if (len > 0) {
      this.chunks.push(chunkOf(this.pattern, 0));
    }
    this.pieces = this.chunks.length === 1 ? matchPieces(this.pattern, options.threshold, options.distance) : null;
  }

  /**
   * fuse's BitapSearch.searchIn for `lower` (the field text already lower-cased): its score, or
   * -1 when it does not match. An empty pattern matches nothing (fuse has no chunk then).
   */
  score(lower: string): number {
    if (this.pattern === lower) return 0;
    if (this.pieces && !holdsPiece(lower, this.pieces)) return -1;
    const chunks = this.chunks;
    let total = 0;
    let matched = false;
    for (let k = 0; k < chunks.length; k++) {
      const s = chunkScore(lower, chunks[k], this.options);
      if (s >= 0) {
        matched = true;
        total += s;
      } else {
        total += -s;
      }
    }
    return matched ? total / chunks.length : -1;
  }
}

// fuse's computeScore. A function of the module, not a closure made per call as fuse's is (~20 MB
// of closures over the bench's typed queries at 100k: young garbage every keystroke).
function calcScore(errors: number, currentLocation: number, patternLen: number, expectedLocation: number, distance: number): number {
  const accuracy = errors / patternLen;
  const proximity = Math.abs(expectedLocation - currentLocation);
  if (!distance) return proximity ? 1 : accuracy;
  return accuracy + proximity / distance;
}

// fuse's `search` for one chunk: its score when it matches, else -score (fuse adds a
// non-matching chunk's score into the average too). A score is at least 0.001, so the sign tells
// the two apart; negation is exact, where -(score + 1) lost the score's low bits on the way back
// (a 34-character query scored 2 ulps off fuse's in a property test).
function chunkScore(text: string, chunk: Chunk, options: BitapOptions): number {
  const { pattern, ascii, wide } = chunk;
  const { distance, threshold } = options;
  const location = options.location + chunk.startIndex;
  const patternLen = pattern.length;
  const textLen = text.length;
  const expectedLocation = Math.max(0, Math.min(location, textLen));
  let currentThreshold = threshold;
  let bestLocation = expectedLocation;
  let index: number;
  while ((index = text.indexOf(pattern, bestLocation)) > -1) {
    const score = calcScore(0, index, patternLen, expectedLocation, distance);
    currentThreshold = Math.min(score, currentThreshold);
    bestLocation = index + patternLen;
  }
  bestLocation = -1;
  let finalScore = 1;
  let binMax = patternLen + textLen;
  const mask = 1 << (patternLen - 1);
  if (rowA.length < binMax + patternLen + 2) {
    rowA = new Int32Array(2 * (binMax + patternLen + 2));
    rowB = new Int32Array(rowA.length);
  }
  // fuse makes a fresh array per level (unset cells read as 0); here a row is cleared before use.
  let bitArr = rowA;
  let lastBitArr = rowB;
  // In the loops below calcScore is written out (the same operations in the same order, so the
  // same numbers): in a one-shot `--filter` this code runs in V8's interpreter, where the calls
  // and the rows' reads cost more than the arithmetic.
  for (let i = 0; i < patternLen; i += 1) {
    const accuracy = i / patternLen;
    let binMin = 0;
    let binMid = binMax;
    while (binMin < binMid) {
      // calcScore(i, expectedLocation + binMid): its proximity is binMid.
      if ((distance ? accuracy + binMid / distance : binMid ? 1 : accuracy) <= currentThreshold) binMin = binMid;
      else binMax = binMid;
      binMid = Math.floor((binMax - binMin) / 2 + binMin);
    }
    binMax = binMid;
    let start = Math.max(1, expectedLocation - binMid + 1);
    const finish = Math.min(expectedLocation + binMid, textLen) + patternLen;
    bitArr.fill(0, 0, finish + 2);
    // This row's cell j + 1 and the last row's cells j + 1 and j, carried from step to step.
    let next = (bitArr[finish + 1] = (1 << i) - 1);
    let lastNext = lastBitArr[finish + 1];
    for (let j = finish; j >= start; j -= 1) {
      const currentLocation = j - 1;
      let charMatch = 0;
      if (currentLocation < textLen) {
        const c = text.charCodeAt(currentLocation);
        charMatch = c < 128 ? ascii[c] : (wide.get(c) ?? 0);
      }
      let bits = ((next << 1) | 1) & charMatch;
      if (i) {
        const last = lastBitArr[j];
        bits |= ((lastNext | last) << 1) | 1 | lastNext;
        lastNext = last;
      }
      bitArr[j] = next = bits;
      if (bits & mask) {
        const proximity = Math.abs(expectedLocation - currentLocation);
        finalScore = distance ? accuracy + proximity / distance : proximity ? 1 : accuracy;
        if (finalScore <= currentThreshold) {
          currentThreshold = finalScore;
          bestLocation = currentLocation;
          if (bestLocation <= expectedLocation) break;
          start = Math.max(1, 2 * expectedLocation - bestLocation);
        }
      }
    }
    if (calcScore(i + 1, expectedLocation, patternLen, expectedLocation, distance) > currentThreshold) break;
    // The next level reads this row (never past its end: `finish` only shrinks from level to
    // level); the row before it is free to be cleared and reused.
    const done = bitArr;
    bitArr = lastBitArr;
    lastBitArr = done;
  }
  const score = Math.max(0.001, finalScore);
  return bestLocation >= 0 ? score : -score;
}

/**
 * Runs the matcher over a few made-up fields that take every branch (a field equal to the
 * pattern, exact and fuzzy matches near and far, none, a pattern past 32 characters), so V8 compiles it for every kind of number it will meet: compiled from the
 * first keystrokes' numbers alone, it was thrown away and rebuilt (~20 ms) at the first field
 * equal to a seven-letter query. Results are discarded; calling it changes no score.
 */
export function warmBitap(): void {
  const fields = ['bitcoin', 'bitcoin etf flows', 'the bitcoin etf', 'bitcon', 'ethereum staking', 'x'.repeat(120) + ' bitcoin', '', 'é ß 中 ı', 'b'];
  const patterns = ['b', 'bi', 'bit', 'bitcoin', 'bitconi', 'btc', 'zzqx', 'bitcoin etf flows for the week ahead', 'é'];
  for (const threshold of [0.3, 0.4]) {
    for (const p of patterns) {
      const pattern = new BitapPattern(p, { location: 0, distance: 100, threshold });
      for (let round = 0; round < 40; round++) for (const f of fields) pattern.score(f);
    }
  }
}
