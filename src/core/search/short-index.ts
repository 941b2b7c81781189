// The one- and two-character listing (articles whose folded title contains the text, then those
// with a tag starting with it: one or two characters match nearly everything fuzzily, and most
// bodies) answered from bitsets made once per article instead of reading every title on every
// keystroke: at 100k articles `b` and `bi` read every folded title (0.1-0.4 s under load).
//
// One bitset over article ids per code: each letter and digit a title holds, each pair of
// neighbouring letters (26 x 26), and a tag's first letter or digit and first two letters,
// exactly; every other character and pair hashed into a few shared sets, whose hits are
// confirmed on the haystack. A query then tests one or three bits per eligible article, in the
// list's order. A set is n/8 bytes, made only for codes that occur: ~10 MB at 100k articles.

import type { FoldedShortFields } from '../article.js';
import { type Hay, hayTitle, titleIncludes } from './haystack.js';

const LETTERS = 26;
const UNIGRAMS = 64;
const EXACT_UNIGRAMS = 36;
const HASHED_PAIRS = 64;
const PAIRS = LETTERS * LETTERS + HASHED_PAIRS;
const PAIR_BASE = UNIGRAMS;
const TAG_BASE = PAIR_BASE + PAIRS;
const TAG_PAIR_BASE = TAG_BASE + UNIGRAMS;
const CODES = TAG_PAIR_BASE + PAIRS;

// The code of one UTF-16 unit: exact for a-z and 0-9, hashed for the rest.
function unitCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return 26 + c - 48;
  return EXACT_UNIGRAMS + (c % (UNIGRAMS - EXACT_UNIGRAMS));
}

const isLetter = (c: number): boolean => c >= 97 && c <= 122;

// The code of two neighbouring units, from `base`: exact for two letters, hashed for the rest.
function pairCode(a: number, b: number, base = PAIR_BASE): number {
  if (isLetter(a) && isLetter(b)) return base + (a - 97) * LETTERS + (b - 97);
  return base + LETTERS * LETTERS + (((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0) % HASHED_PAIRS);
}

const EMPTY = new Int32Array(0);
// Bytes per allocation of sets (ShortIndex.newSet): ~80 sets at 100k articles, 8 at a million
// (what a last slab leaves unused is at most this).
const SLAB_BYTES = 1 << 20;
// Bytes per allocation once a set is this big (a corpus of ~500k articles and more): glibc maps a
// request of 32 MB or more on its own (its mmap threshold's ceiling), so the slab's pages are the
// kernel's zero pages until a set first marks them, faulted in a few at a time across prepare's
// steps. A slab of 1 MB came from memory the load had freed and malloc_trim had given back:
// zeroing it faulted every page in at once, ~75 MB in the first step at a million articles
// (~180 ms, as the list filled, where the first key typed waited). Pages never marked stay out of
// the resident set.
const BIG_SET_BYTES = 64 << 10;
const MAPPED_SLAB_BYTES = 48 << 20;

/** Bytes of each allocation the sets are cut from, for sets of `setBytes` each (see above). */
export function slabBytesFor(setBytes: number): number {
  return setBytes >= BIG_SET_BYTES ? MAPPED_SLAB_BYTES : SLAB_BYTES;
}
// The matches of the search running (find), kept between searches.
let found = new Int32Array(0);
const has = (set: Int32Array, id: number): boolean => (id >>> 5 < set.length ? (set[id >>> 5] & (1 << (id & 31))) !== 0 : false);
// What the sets stand for, read on the haystack: its folded title holds `text`, one of its tags starts with it.
const titleHolds = (hay: Hay, text: string): boolean => hayTitle(hay).includes(text);
const tagStarts = (hay: Hay, text: string): boolean => hay.hayLists.tags.some((t) => t.startsWith(text));

/**
 * The sets a one- or two-unit `text` is tested on: a title must hold both units and their pair
 * (only the pair's set is needed when it is exact); a tag must start with both.
 */
function setsOf(sets: readonly Int32Array[], text: string) {
  const a = text.charCodeAt(0);
  const two = text.length === 2;
  const b = two ? text.charCodeAt(1) : -1;
  const exact = two ? isLetter(a) && isLetter(b) : unitCode(a) < EXACT_UNIGRAMS;
  const first = sets[unitCode(a)];
  return {
    title: sets[two ? pairCode(a, b) : unitCode(a)],
    exactTitle: exact,
    first,
    second: two ? sets[unitCode(b)] : first,
    tags: sets[two ? pairCode(a, b, TAG_PAIR_BASE) : TAG_BASE + unitCode(a)],
    exactTag: exact,
  };
}

/** The matches of a one- or two-character query: title matches, then tag-only matches, each in the order given. */
export interface ShortMatches {
  /** Ids whose folded title contains the text, in `eligible` order (the first `most` of them: find). */
  inTitle: number[];
  /** Ids whose title does not but one of whose tags starts with it, in `eligible` order (the first `most`). */
  inTags: number[];
  /** How many titles hold the text: inTitle's length when `most` listed them all. */
  titles: number;
  /** How many others have a tag starting with it. */
  tags: number;
  /**
   * False when find stopped at `most` title matches before the short index covered every article
   * (`early`): the lists are the same, the counts only lower bounds.
   */
  whole: boolean;
}

/** Bitsets over a growing set of articles (id = position), made from their haystacks on first use. */
export class ShortIndex {
  private readonly sets: Int32Array[] = Array.from({ length: CODES }, () => EMPTY);
  private made = 0;
  // Words each set is given when it grows: room for the articles being covered, and for half as
  // many again once the corpus grows past its first size (live updates copy rarely).
  private words = 0;

  // Sets are cut from slabs of SLAB_BYTES, one allocation each: made one by one, the ~800 sets a
  // 100k corpus uses cost ~40 ms of allocation in the first step after the list (each its own
  // ArrayBuffer, zeroed), where a key typed as the list appeared waited; in slabs, ~10 allocations.
  private slab = EMPTY;
  private slabUsed = 0;

  private newSet(): Int32Array {
    if (this.slabUsed + this.words > this.slab.length) [this.slab, this.slabUsed] = [new Int32Array(Math.max(1, Math.floor(slabBytesFor(this.words * 4) / 4 / this.words)) * this.words), 0];
    this.slabUsed += this.words;
    return this.slab.subarray(this.slabUsed - this.words, this.slabUsed);
  }

  private mark(code: number, id: number): void {
    let set = this.sets[code];
    if (id >>> 5 >= set.length) {
      const grown = this.newSet();
      grown.set(set);
      this.sets[code] = set = grown;
    }
    set[id >>> 5] |= 1 << (id & 31);
  }

  /**
   * Sizes the sets for `n` articles before they are covered in steps (SearchIndex.prepare): each
   * set is made once at that size. Covered a step at a time without it, the sets grew by half
   * again at each step past the first and ended with up to half of n/8 bytes of room each (at a
   * million articles ~17 MB of the sets' ~74 MB).
   */
  reserve(n: number): void {
    this.words = Math.max(this.words, (n + 31) >>> 5);
  }

  /** How many articles (ids 0..covered-1) the sets cover. */
  get covered(): number {
    return this.made;
  }

  /** Bytes the sets hold. */
  get bytes(): number {
    return this.sets.reduce((sum, set) => sum + set.byteLength, 0);
  }

  /** Makes the sets of ids [made, n) now (SearchIndex.prepare: before the first keystroke). */
  cover(n: number, hayOf: (id: number) => Hay): void {
    if (n <= this.made) return;
    const need = (n + 31) >>> 5;
    if (need > this.words) this.words = this.words === 0 ? need : Math.max(need, Math.ceil(this.words * 1.5));
    for (let id = this.made; id < n; id++) {
      const hay = hayOf(id);
      const t = hayTitle(hay);
      let prev = -1;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        this.mark(unitCode(c), id);
        if (prev >= 0) this.mark(pairCode(prev, c), id);
        prev = c;
      }
      for (const tag of hay.hayLists.tags) {
        if (tag.length) this.mark(TAG_BASE + unitCode(tag.charCodeAt(0)), id);
        if (tag.length > 1) this.mark(pairCode(tag.charCodeAt(0), tag.charCodeAt(1), TAG_PAIR_BASE), id);
      }
    }
    this.made = n;
  }

  /**
   * The articles of `eligible` whose folded title contains `text` (one or two UTF-16 units,
   * already folded), then those with a tag starting with it; `size` is how many articles exist.
   * Both are counted, and listed up to `most` each: at a million articles `b` is in ~0.5 million
   * titles, and listing them all (for a list that shows the first 1,000) made ~16 MB of garbage a
   * keystroke, then the collections of a 450 MB heap that followed (0.2-0.7 s).
   * `early` (with a finite `most`): the articles not covered yet are tested on their haystacks
   * instead of covered first, and the walk stops at `most` title matches (`whole` false): while
   * the sets are still made in steps after a load (SearchIndex.prepare), at a million articles
   * covering the rest first made the first letter typed wait seconds.
   */
  find(text: string, eligible: readonly number[], size: number, hayOf: (id: number) => Hay, most = Infinity, early = false, shortOf: (id: number) => FoldedShortFields = hayOf): ShortMatches {
    const partly = early && most !== Infinity && this.made < size;
    if (!partly) this.cover(size, hayOf);
    const quick = partly ? this.titlesFirst(text, eligible, most, hayOf, shortOf) : null;
    if (quick) return quick;
    const made = this.made;
    // Title matches from the front of the scratch, tag matches from its back, then each list made
    // at its final size: pushed one by one, `b` at 100k (84k matches) left ~2 MB of garbage.
    if (found.length < eligible.length) found = new Int32Array(Math.max(eligible.length, found.length * 2));
    const buf = found;
    let titles = 0;
    let tagsFrom = eligible.length;
    const { title, exactTitle, first, second, tags, exactTag } = setsOf(this.sets, text);
    let whole = true;
    for (let k = 0; k < eligible.length; k++) {
      const id = eligible[k];
      if (id >= made) {
        // Not covered yet (partly): the haystack itself, as the sets would have answered.
        const hay = hayOf(id);
        if (titleHolds(hay, text)) buf[titles++] = id;
        else if (tagStarts(hay, text)) buf[--tagsFrom] = id;
      } else if (has(title, id) && (exactTitle || (has(first, id) && has(second, id) && titleHolds(hayOf(id), text)))) buf[titles++] = id;
      else if (has(tags, id) && (exactTag || tagStarts(hayOf(id), text))) buf[--tagsFrom] = id;
      // The list shows title matches first: with `most` of them, the tag matches are not listed.
      if (partly && titles >= most && k + 1 < eligible.length) {
        whole = false;
        break;
      }
    }
    const tagged = eligible.length - tagsFrom;
    const inTitle = new Array<number>(Math.min(titles, most));
    for (let k = 0; k < inTitle.length; k++) inTitle[k] = buf[k];
    const inTags = new Array<number>(Math.min(tagged, most));
    for (let k = 0; k < inTags.length; k++) inTags[k] = buf[eligible.length - 1 - k];
    return { inTitle, inTags, titles, tags: tagged, whole };
  }

  /**
   * find's first pass while the sets are partly made: title matches only, an article not covered
   * yet tested on its folded short fields (`shortOf`: an article's own, no haystack made), none on
   * its tags. At 100k articles `bi` typed as the list appeared made ~10k haystacks on the key for
   * its first 1,000 title matches (~100-140 ms); its tags decide nothing listed then. Null when the
   * eligible run out before `most` title matches: find then walks them all, tags and all.
   */
  private titlesFirst(text: string, eligible: readonly number[], most: number, hayOf: (id: number) => Hay, shortOf: (id: number) => FoldedShortFields): ShortMatches | null {
    const made = this.made;
    const { title, exactTitle, first, second } = setsOf(this.sets, text);
    const inTitle: number[] = [];
    for (let k = 0; k < eligible.length; k++) {
      const id = eligible[k];
      const holds = id >= made ? titleIncludes(shortOf(id), text) : has(title, id) && (exactTitle || (has(first, id) && has(second, id) && titleHolds(hayOf(id), text)));
      if (holds && inTitle.push(id) >= most) return k + 1 < eligible.length ? { inTitle, inTags: [], titles: most, tags: 0, whole: false } : null;
    }
    return null;
  }
}
