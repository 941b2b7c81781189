// A phrase found in a folded body as the fold rule reads it (fold.ts, rule 3), without folding the
// body's gaps first. A body is folded once per article and searched for single words far more
// often than for phrases, and reading every line break, double space and markup run of every body
// as one space cost ~4x the rest of its fold (10k bodies: 30 -> 120 ms, on the cold load's list).
// So a body keeps its spacing (foldBody), and a phrase, whose words the fold separated by single
// spaces, is matched here with a gap allowed wherever the phrase has a space: a run of whitespace
// (ASCII, no-break and the other Unicode spaces, as UTF-8) and inline markup (`*` `_` `` ` `` `~`
// `[` `]` `"`) holding at least one whitespace, exactly what foldText reads as one space.

import { gapKind } from './fold.js';

// The code point of the UTF-8 sequence at `at` and its length in bytes (two or three: the spaces
// gapKind knows lie below U+10000), or a length of 0 for a four-byte sequence or a stray byte.
function codeAt(b: Uint8Array, at: number): [code: number, length: number] {
  const c = b[at];
  if (c >= 0xc2 && c <= 0xdf) return [((c & 0x1f) << 6) | (b[at + 1] & 0x3f), 2];
  if (c >= 0xe0 && c <= 0xef) return [((c & 0x0f) << 12) | ((b[at + 1] & 0x3f) << 6) | (b[at + 2] & 0x3f), 3];
  return [0, 0];
}

// Where a gap starting at `at` ends (the next word's first byte), or -1 when no gap starts there.
function gapEnd(b: Uint8Array, at: number): number {
  let spaced = false;
  let i = at;
  while (i < b.length) {
    const c = b[i];
    if (c < 128) {
      const k = gapKind(c);
      if (k === 0) break;
      if (k !== 3) spaced = true;
      i++;
      continue;
    }
    const [code, n] = codeAt(b, i);
    if (n === 0 || gapKind(code) !== 2) break;
    spaced = true;
    i += n;
  }
  return spaced ? i : -1;
}

// Spaces opening or closing a phrase.
const EDGE_SPACES = /^ +| +$/g;

// Whether `word` (bytes) is at b[at..].
function wordAt(b: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > b.length) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/**
 * Whether `body` (folded UTF-8 bytes, foldBody) holds `phrase` (folded: foldText, its words apart
 * by single spaces), each space of the phrase standing for a gap of the body. A phrase with no
 * space is a plain substring test. A space at either end asks nothing more (the query trims them):
 * an empty first word was found at every byte again and again, and the search never returned.
 */
export function bodyHasPhrase(body: Buffer, phrase: string): boolean {
  if (!phrase.includes(' ')) return body.includes(phrase);
  const trimmed = phrase.replace(EDGE_SPACES, '');
  if (trimmed !== phrase) return bodyHasPhrase(body, trimmed);
  const words = phrase.split(' ').map((w) => Buffer.from(w, 'utf8'));
  const first = words[0];
  for (let at = body.indexOf(first); at >= 0; at = body.indexOf(first, at + 1)) {
    let pos = at + first.length;
    let k = 1;
    for (; k < words.length; k++) {
      const next = gapEnd(body, pos);
      if (next < 0 || !wordAt(body, next, words[k])) break;
      pos = next + words[k].length;
    }
    if (k === words.length) return true;
  }
  return false;
}
