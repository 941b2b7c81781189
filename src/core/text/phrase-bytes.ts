// A phrase found in a folded body as the fold rule reads it (fold.ts, rule 3), without folding the
// body's gaps first. A body is folded once per article and searched for single words far more
// often than for phrases, and reading every line break, double space and markup run of every body
// as one space cost ~4x the rest of its fold (10k bodies: 30 -> 120 ms, on the cold load's list).
// So a body keeps its spacing (foldBody), and a phrase, whose words the fold separated by single
// spaces, is matched here with a gap allowed wherever the phrase has a space: a run of whitespace
// (ASCII, no-break and the other Unicode spaces, as UTF-8) and inline markup (`*` `_` `` ` `` `~`
// `[` `]` `"`) holding at least one whitespace, exactly what foldText reads as one space.

// Byte kinds for the ASCII range: 1 whitespace, 2 markup, 0 anything else.
const KIND = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) KIND[c] = 1;
for (const c of '*_`~[]"') KIND[c.charCodeAt(0)] = 2;

// The length of a multi-byte UTF-8 space at `at` (U+00A0, U+1680, U+2000-200A, U+2028, U+2029,
// U+202F, U+205F, U+3000), else 0.
function unicodeSpace(b: Uint8Array, at: number): number {
  const c = b[at];
  if (c === 0xc2) return b[at + 1] === 0xa0 ? 2 : 0;
  if (c === 0xe1) return b[at + 1] === 0x9a && b[at + 2] === 0x80 ? 3 : 0;
  if (c === 0xe2) {
    const d = b[at + 1];
    const e = b[at + 2];
    if (d === 0x80) return e <= 0x8a || e === 0xa8 || e === 0xa9 || e === 0xaf ? 3 : 0;
    return d === 0x81 && e === 0x9f ? 3 : 0;
  }
  if (c === 0xe3) return b[at + 1] === 0x80 && b[at + 2] === 0x80 ? 3 : 0;
  return 0;
}

// Where a gap starting at `at` ends (the next word's first byte), or -1 when no gap starts there.
function gapEnd(b: Uint8Array, at: number): number {
  let spaced = false;
  let i = at;
  while (i < b.length) {
    const c = b[i];
    if (c < 128) {
      const k = KIND[c];
      if (k === 0) break;
      if (k === 1) spaced = true;
      i++;
      continue;
    }
    const n = unicodeSpace(b, i);
    if (n === 0) break;
    spaced = true;
    i += n;
  }
  return spaced ? i : -1;
}

// Whether `word` (bytes) is at b[at..].
function wordAt(b: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > b.length) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/**
 * Whether `body` (folded UTF-8 bytes, foldBody) holds `phrase` (folded: foldText, its words apart
 * by single spaces), each space of the phrase standing for a gap of the body. A phrase with no
 * space is a plain substring test.
 */
export function bodyHasPhrase(body: Buffer, phrase: string): boolean {
  if (!phrase.includes(' ')) return body.includes(phrase);
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
