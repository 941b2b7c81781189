// Folded search text per article (lower-cased, accents dropped: text/fold.ts), built once when
// articles are added, so a keystroke only runs `includes` over ready strings. Short fields and body are kept apart: short fields are
// checked first (cheap, most hits), the body only when they miss.

import { hasHaystackSlots, keepsBodyOnDisk, type Article, type FoldedBodyOnDisk, type FoldedShortFields, type Haystack, type HayLists, type HayMeta } from '../article.js';
import { bodyHasPhrase, canonicalSentiment, compactText, foldedBytes, foldJoined, foldText } from '../text/index.js';
import { charMask, LETTER_BITS, needleMask, partMask } from './hay-masks.js';

/** Inclusive [start, end] UTF-16 range, as in `Hit.titleMatches`. */
export type Range = readonly [number, number];

export type { HayLists, HayMeta } from '../article.js';

/**
 * The lower-cased texts one article is matched against (article.ts Haystack). What many articles
 * repeat (tags, categories, source, language, sentiment) is held once in shared parts
 * (`hayLists`, `hayMeta`) rather than per article: at a million articles, five fields and ~40
 * characters of short text fewer per haystack (~90 MB). A loaded article is its own haystack
 * (article.ts HaystackSlots); an article held whole in memory gets one of these beside it.
 */
export type Hay = Haystack;

/** The haystack of an article that is not its own: one held whole in memory (`--no-cache`, tests) or read for ranking only (index-filter.ts). */
export class OwnHay implements Haystack {
  constructor(
    /** Folded title, then description, one per line (tags, categories and source: `hayLists.text`, `hayMeta.text`). */
    readonly foldedShort: string,
    /** Length of the folded title at the start of `foldedShort` (see hayTitle): one string per article instead of two. */
    readonly foldedTitleLength: number,
    /**
     * Lower-cased body as UTF-8 bytes (Buffer.includes takes the same string needles): half the
     * memory of a JS string, outside the heap.
     */
    readonly foldedBody: Buffer | FoldedBodyOnDisk,
    readonly hayLists: HayLists,
    readonly hayMeta: HayMeta,
  ) {
    this.hayMask = hayMaskOf(foldedShort, hayLists, hayMeta);
  }

  /** charMask of every short field (title, description, tags, categories, source): what the short fields cannot hold, at a glance. */
  readonly hayMask: number;
}

// charMask of every short field (hay-masks.ts).
const hayMaskOf = (short: string, lists: HayLists, meta: HayMeta): number => charMask(short) | partMask(lists) | partMask(meta);

/** Folds and drops everything but letters and digits, so source names compare loosely (text/fields.ts). */
export const compact = compactText;

// Sources, languages, sentiments and tags repeat across most of a corpus (a few hundred distinct
// values among 100k articles), so each distinct value is lower-cased or compacted once: at 100k
// articles this spares ~500k short-lived strings and arrays, whose garbage collection cost more than the work.
const MEMO_MAX = 50_000;
function memo<T>(f: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = f(s);
      // A hostile corpus of all-distinct values must not grow the table without bound.
      if (seen.size >= MEMO_MAX) seen.clear();
      seen.set(s, v);
    }
    return v;
  };
}
const lower = memo(foldText);
const compactMemo = memo(compact);
const sentimentMemo = memo(canonicalSentiment);

// The lower-cased list; the list itself when it already is, so no copy is kept. A loaded
// corpus shares one frozen list among the articles holding the same tags (load/article-table.ts):
// its lower-cased copy is made once and shared too (`MARKETS, BTC` tags, upper-case as many
// feeds write them, made a new pair of arrays per article: ~200 bytes each at a million).
const lowered = new WeakMap<readonly string[], string[]>();
function lowerList(list: readonly string[]): string[] {
  const known = lowered.get(list);
  if (known !== undefined) return known;
  let out = list as string[];
  for (let i = 0; i < list.length; i++) {
    if (lower(list[i]) !== list[i]) {
      out = list.map(lower);
      break;
    }
  }
  if (Object.isFrozen(list)) lowered.set(list, out);
  return out;
}

// The shared parts: by identity of the lists for a loaded corpus's shared, frozen lists
// (load/article-table.ts), by value for source, language and sentiment.
const listsMemo = new WeakMap<readonly string[], WeakMap<readonly string[], HayLists>>();
// By source, then key, language and sentiment (a null language or sentiment under NULL_PART):
// nested maps, where one key string joined from the four was ~240 bytes of garbage an article.
type Level<T> = Map<string, T>;
const metaMemo: Level<Level<Level<Level<HayMeta>>>> = new Map();
let metaCount = 0;
const NULL_PART = '\u0001';

// The map under `key` in `parent`, made when missing.
function level<T>(parent: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let m = parent.get(key);
  if (m === undefined) parent.set(key, (m = new Map()));
  return m;
}

function hayLists(tags: readonly string[], categories: readonly string[]): HayLists {
  const shared = Object.isFrozen(tags) && Object.isFrozen(categories);
  const known = shared ? listsMemo.get(tags)?.get(categories) : undefined;
  if (known !== undefined) return known;
  const made: HayLists = { tags: lowerList(tags), categories: lowerList(categories), text: foldJoined([...tags, ...categories]) };
  if (shared) {
    let byCategories = listsMemo.get(tags);
    if (byCategories === undefined) listsMemo.set(tags, (byCategories = new WeakMap()));
    byCategories.set(categories, made);
  }
  return made;
}

function hayMeta(a: Pick<Article, 'source' | 'sourceKey' | 'lang' | 'sentiment'>): HayMeta {
  // A hostile corpus of all-distinct sources must not grow the table without bound.
  if (metaCount >= MEMO_MAX) {
    metaMemo.clear();
    metaCount = 0;
  }
  const bySentiment = level(level(level(metaMemo, a.source), a.sourceKey), a.lang ?? NULL_PART);
  let meta = bySentiment.get(a.sentiment ?? NULL_PART);
  if (meta === undefined) {
    meta = {
      sourceName: compactMemo(a.source),
      sourceKey: compactMemo(a.sourceKey),
      lang: a.lang === null ? '' : lower(a.lang),
      sentiment: a.sentiment === null ? null : sentimentMemo(a.sentiment),
      text: foldJoined([a.source, a.sourceKey]),
    };
    bySentiment.set(a.sentiment ?? NULL_PART, meta);
    metaCount += 1;
  }
  return meta;
}

/** The haystack of one article: the article itself when it can be its own (its slots filled on first use), else a new one. */
export function makeHay(a: Article): Hay {
  if (hasHaystackSlots(a)) {
    if (a.hayLists === null) {
      const lists = hayLists(a.tags, a.categories), meta = hayMeta(a);
      a.hayMask = hayMaskOf(a.foldedShort, lists, meta);
      a.hayMeta = meta;
      a.hayLists = lists;
    }
    // Its slots filled, it is a Haystack (hayLists, hayMeta no longer null).
    return a as unknown as Hay;
  }
  // Joined by Array#join, so `foldedShort` is one flat string: two folds concatenated were kept as
  // a pair over the two parts (~100 bytes more a haystack). A fold never holds a line break, so
  // the title is what comes before the first one.
  const lists = hayLists(a.tags, a.categories), meta = hayMeta(a);
  const short = foldJoined([a.title, a.description]);
  return new OwnHay(short, short.indexOf('\n'), keepsBodyOnDisk(a) ? a : foldedBytes(a.body), lists, meta);
}

/** `a`'s folded title and description: its own when it holds them (HaystackSlots), else `hay()`'s. No haystack is made for the first. */
export function shortFieldsOf(a: Article, hay: () => Hay): FoldedShortFields {
  return hasHaystackSlots(a) ? a : hay();
}

/** The folded title of `a`, as its haystack holds it (hayTitle), made without the haystack. */
export function foldedTitle(a: Pick<Article, 'title'>): string {
  return foldText(a.title);
}

/** True when the short fields (title, description, tags, categories, source name and key) contain `needle`. */
export function shortIncludes(hay: Hay, needle: string): boolean {
  const need = needleMask(needle);
  if ((need & ~hay.hayMask) !== 0) return false;
  // One letter a-z: its bit says it exactly (a digit's bit is shared by two digits).
  if (needle.length === 1 && (need & LETTER_BITS) === need && need !== 0) return true;
  return hay.foldedShort.includes(needle) || hay.hayLists.text.includes(needle) || hay.hayMeta.text.includes(needle);
}

/** The lower-cased title. */
export function hayTitle(hay: Hay): string {
  return hay.foldedShort.slice(0, hay.foldedTitleLength);
}

/** True when the lower-cased title contains `s`. */
export function titleIncludes(hay: FoldedShortFields, s: string): boolean {
  // The title starts `short`: its first occurrence there is in the title exactly when some
  // occurrence is (a later one would end later). No slice is made (~1,000 a keystroke).
  const at = hay.foldedShort.indexOf(s);
  return at >= 0 && at + s.length <= hay.foldedTitleLength;
}

// A body not in memory is read from its file on first use, on this thread. While a search runs
// with that deferred (SearchIndex.deferBodies), `unread` is told instead and the body is searched
// as empty: the dashboard then reads bodies ahead on the parse threads and searches again.
let unread: (() => void) | null = null;
const UNREAD = Buffer.alloc(0);

/** Runs `search` with bodies not yet in memory left unread, calling `onUnread` for each one met. */
export function withUnreadBodies<T>(onUnread: () => void, search: () => T): T {
  const outer = unread;
  unread = onUnread;
  try {
    return search();
  } finally {
    unread = outer;
  }
}

/** The body bytes of a haystack, read now if they were not yet (unless withUnreadBodies says not to). */
export function bodyOf(hay: Hay): Buffer {
  const b = hay.foldedBody;
  if (Buffer.isBuffer(b)) return b;
  if (unread !== null && !b.hasLowerBody) {
    unread();
    return UNREAD;
  }
  return b.lowerBody;
}

// A phrase's spaces stand for the body's gaps (text/phrase-bytes.ts): bodies keep their spacing.
function bodyIncludes(hay: Hay, needle: string): boolean {
  return bodyHasPhrase(bodyOf(hay), needle);
}

/** True when every needle occurs in the short fields or (unless `withBody` is false) the body. */
export function containsAll(hay: Hay, needles: readonly string[], withBody = true): boolean {
  for (const n of needles) {
    if (!shortIncludes(hay, n) && !(withBody && bodyIncludes(hay, n))) return false;
  }
  return true;
}

/** True when some needle occurs in the short fields or (unless `withBody` is false) the body. */
export function containsAny(hay: Hay, needles: readonly string[], withBody = true): boolean {
  for (const n of needles) {
    if (shortIncludes(hay, n) || (withBody && bodyIncludes(hay, n))) return true;
  }
  return false;
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Every occurrence of every needle in `lowerText`, merged; ranges past `maxLength` are dropped. */
export function occurrences(lowerText: string, needles: readonly string[], maxLength: number): Range[] {
  const found: Range[] = [];
  for (const n of needles) {
    if (!n) continue;
    for (let at = lowerText.indexOf(n); at >= 0; at = lowerText.indexOf(n, at + n.length)) {
      // toLowerCase can lengthen a few characters (İ); never point past the real title.
      if (at + n.length <= maxLength) found.push([at, at + n.length - 1]);
    }
  }
  return found.length ? mergeRanges(found) : [];
}

/** Collapses runs of whitespace so "Bitcoin  ETF" equals the query "bitcoin etf". */
export function squashSpaces(s: string): string {
  // Most titles have single spaces only: a test spares the new string (1,000 titles a keystroke).
  return NO_SQUASH.test(s) ? s : s.replace(/\s+/g, ' ').trim();
}
// Text with no whitespace but single plain spaces between words, which squashing leaves as it is.
const NO_SQUASH = /^(?:[^\s]+(?: [^\s]+)*)?$/;
