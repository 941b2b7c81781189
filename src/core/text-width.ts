// Terminal column widths, measured by string-width one grapheme at a time with a cache. Calling
// string-width on a whole long string is correct but slow: Intl.Segmenter's iterator is quadratic
// in the string's length on this V8 (100k characters take 1.6 s for ASCII, 16 s for CJK). So long
// strings are segmented in short overlapping chunks, and grapheme widths are cached (a body is
// mostly the same few thousand graphemes).
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();

/** Columns taken by one grapheme cluster. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = cache.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (cache.size < CACHE_LIMIT) cache.set(g, w);
  }
  return w;
}

/** Columns taken by a string; stops counting once past `limit` (the result is then > limit). */
export function textWidth(s: string, limit = Infinity): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let w = 0;
  for (const segment of eachGrapheme(s)) {
    w += graphemeWidth(segment);
    if (w > limit) return w;
  }
  return w;
}

const CHUNK = 256;

/** The grapheme clusters of a string, lazily, in time linear in its length. */
export function* eachGrapheme(s: string): Generator<string> {
  if (s.length <= CHUNK && PRINTABLE_ASCII.test(s)) {
    for (let i = 0; i < s.length; i++) yield s[i];
    return;
  }
  if (s.length <= CHUNK) {
    for (const { segment } of segmenter.segment(s)) yield segment;
    return;
  }
  // The last cluster of each chunk may continue in the next one (a base letter and its accent, a
  // surrogate pair cut in two), so it is carried over and segmented again with what follows.
  let carry = '';
  for (let i = 0; i < s.length; i += CHUNK) {
    const end = i + CHUNK >= s.length;
    let prev: string | null = null;
    for (const { segment } of segmenter.segment(carry + s.slice(i, i + CHUNK))) {
      if (prev !== null) yield prev;
      prev = segment;
    }
    carry = prev ?? '';
    // A single "cluster" longer than a chunk is pathological (thousands of combining marks); it
    // is let go rather than carried on forever.
    if (end || carry.length > CHUNK) {
      if (carry) yield carry;
      carry = '';
    }
  }
}
