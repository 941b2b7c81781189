// Letter masks of the search's haystacks (haystack.ts): which ASCII letters and digits a folded
// text holds, one 32-bit integer per text, so a one- or two-letter word being typed is ruled in
// or out for most articles without reading their text.

/**
 * The ASCII letters (bits 0-25) and digits (bits 26-31, digit % 6) a folded text holds: a text
 * whose mask lacks a bit of a needle's cannot contain it, and a one-letter needle is in it exactly
 * when its bit is set. A one- or two-letter word being typed is looked for in most of a corpus
 * (`regulator d`, `solana -e`: 60-100k short fields at 100k); the mask answers most of those
 * tests without reading the text.
 */
export function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 6));
  }
  return m;
}

/** The bits of the letters a-z in a mask. */
export const LETTER_BITS = (1 << 26) - 1;

/** The bits of `words` when each is one letter a-z (what a mask answers exactly), else 0. */
export function letterBits(words: readonly string[]): number {
  let bits = 0;
  for (const w of words) {
    const c = w.length === 1 ? w.charCodeAt(0) : 0;
    if (c < 97 || c > 122) return 0;
    bits |= 1 << (c - 97);
  }
  return bits;
}

/**
 * Each haystack's mask by article id, in one typed array (0 until its haystack is made, which
 * rules nothing out): a pass over 100k articles tests a letter without reaching 100k haystacks.
 */
export class HayMasks {
  private of = new Int32Array(1024);

  /** Records `hay`'s mask as article `id`'s; returns `hay`. */
  keep<H extends { readonly hayMask: number }>(id: number, hay: H): H {
    if (id >= this.of.length) {
      const grown = new Int32Array(Math.max(id + 1, this.of.length * 2));
      grown.set(this.of);
      this.of = grown;
    }
    this.of[id] = hay.hayMask;
    return hay;
  }

  /** True when article `id`'s short fields hold one of the letters `bits` (letterBits); false when unknown. */
  holdsAny(id: number, bits: number): boolean {
    return id < this.of.length && (this.of[id] & bits) !== 0;
  }

  /** True when they hold every one of the letters `bits`; false when unknown. */
  holdsAll(id: number, bits: number): boolean {
    return id < this.of.length && (this.of[id] & bits) === bits;
  }
}

// The masks of the shared parts, made once per part (they are shared by identity).
const partMasks = new WeakMap<object, number>();
export function partMask(part: { readonly text: string }): number {
  let m = partMasks.get(part);
  if (m === undefined) {
    m = charMask(part.text);
    partMasks.set(part, m);
  }
  return m;
}

// The mask of the last needle asked for: a search tests the same few needles on every article.
let lastNeedle = '';
let lastNeedleMask = 0;
export function needleMask(needle: string): number {
  if (needle !== lastNeedle) {
    lastNeedleMask = charMask(needle);
    lastNeedle = needle;
  }
  return lastNeedleMask;
}

