// A phrase found in a folded body as the fold rule reads it (fold.ts, rule 3), without folding the
// body's gaps first. A body is folded once per article and searched for single words far more
// often than for phrases, and reading every line break, double space and markup run of every body
// as one space cost ~4x the rest of its fold (10k bodies: 30 -> 120 ms, on the cold load's list).
// So a body keeps its spacing (foldBody), and a phrase, whose words the fold separated by single
// spaces, is matched here with a gap allowed wherever the phrase has a space: a run of whitespace
// (ASCII, no-break and the other Unicode spaces, as UTF-8) and inline markup (`*` `_` `` ` `` `~`
// `[` `]` `<` `>` `"`, and a link's hidden tail after its `]`: link-tail.ts) holding at least one
// whitespace, exactly what foldText reads as one space. Links' tails are read here, on the bodies
// a phrase is looked for in, not when a body is folded: every body of a load is folded, and few
// are ever searched for a phrase.

import { foldText, gapKind } from './fold.js';
import { linkTailEnd } from './link-tail.js';

const CLOSE_BRACKET = 0x5d;
const LINE_FEED = 0x0a;
// Where a link's hidden tail starts: after the `]` of an inline link or a reference link.
const INLINE_TAIL = Buffer.from('](');
const REFERENCE_TAIL = Buffer.from('][');

// The code point of the UTF-8 sequence at `at` and its length in bytes (two or three: the spaces
// gapKind knows lie below U+10000), or a length of 0 for a four-byte sequence or a stray byte.
function codeAt(b: Uint8Array, at: number): [code: number, length: number] {
  const c = b[at];
  if (c >= 0xc2 && c <= 0xdf) return [((c & 0x1f) << 6) | (b[at + 1] & 0x3f), 2];
  if (c >= 0xe0 && c <= 0xef) return [((c & 0x0f) << 12) | ((b[at + 1] & 0x3f) << 6) | (b[at + 2] & 0x3f), 3];
  return [0, 0];
}

// Where a gap starting at `at` ends (the next word's first byte), or -1 when no gap starts there:
// a run of whitespace and markup (links' tails included) holding some whitespace (a run of markup
// alone is no gap).
function gapEnd(b: Uint8Array, at: number): number {
  let spaced = false;
  let i = at;
  while (i < b.length) {
    const c = b[i];
    if (c < 128) {
      const k = gapKind(c);
      if (k === 0) break;
      if (k !== 3) spaced = true;
      else if (c === CLOSE_BRACKET) {
        const tail = linkTailEnd((x) => b[x], b.length, i);
        if (tail > 0) {
          i = tail;
          continue;
        }
      }
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

/**
 * Whether a match found word by word at body[at, end) (each space of the phrase a gap) is one
 * foldText's reading of the body holds. Gaps after the first word are read as the fold reads them;
 * the first word's start need not be a word's for the fold: it may lie in a link's hidden tail (an
 * address, a title, a reference label), or in markup a gap takes (`[spot` in `a [spot`). Only then,
 * on a line holding a tail before `at` or with markup at `at`, the lines of the match are folded
 * as foldText folds them and the phrase looked for there. No tail holds a line break
 * (link-tail.ts) and a line break is a gap's, so those lines fold alone as within the whole body.
 */
function heldAsFolded(b: Buffer, phrase: string, at: number, end: number): boolean {
  const line = at === 0 ? 0 : b.lastIndexOf(LINE_FEED, at - 1) + 1;
  if (gapKind(b[at]) === 0 && b.lastIndexOf(INLINE_TAIL, at) < line && b.lastIndexOf(REFERENCE_TAIL, at) < line) return true;
  const after = b.indexOf(LINE_FEED, end);
  const lineEnd = after < 0 ? b.length : after;
  // The line breaks around them: a run at either end is read as the gap it is in the whole body.
  const lines = `${line > 0 ? '\n' : ''}${b.toString('utf8', line, lineEnd)}${after < 0 ? '' : '\n'}`;
  return foldText(lines).includes(phrase);
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
 * space is a plain substring test of the body as written, as a free word is: its links' addresses
 * included (`coindesk` finds an article linking to coindesk.com), which the index's body tokens
 * hold too (index/body-candidates.ts). A space at either end asks nothing more (the query trims
 * them): an empty first word was found at every byte again and again, and the search never returned.
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
    if (k === words.length && heldAsFolded(body, phrase, at, pos)) return true;
  }
  return false;
}
