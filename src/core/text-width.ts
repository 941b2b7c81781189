// Terminal column widths, measured by string-width one grapheme at a time with a cache. Calling
// string-width on a whole string is correct but slow on non-ASCII text (about 0.1 ms per CJK
// character, 10 s for a 90k-character paragraph); a body is mostly the same few thousand
// graphemes, so caching them makes measuring linear and cheap.
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
  for (const { segment } of segmenter.segment(s)) {
    w += graphemeWidth(segment);
    if (w > limit) return w;
  }
  return w;
}

/** The grapheme clusters of a string, lazily (so a 1 MiB word can be cut without splitting all of it). */
export function eachGrapheme(s: string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (const { segment } of segmenter.segment(s)) yield segment;
    },
  };
}
