// Folded search text per article (lower-cased, accents dropped: text/fold.ts), built once when
// articles are added, so a keystroke only runs `includes` over ready strings. Short fields and body are kept apart: short fields are
// checked first (cheap, most hits), the body only when they miss.

import { holdsFoldedShort, keepsBodyOnDisk, type Article, type FoldedBodyOnDisk } from '../article.js';
import { canonicalSentiment, compactText, foldedBytes, foldText, type Sentiment } from '../text/index.js';
import { charMask, LETTER_BITS, needleMask, partMask } from './hay-masks.js';

/** Inclusive [start, end] UTF-16 range, as in `Hit.titleMatches`. */
export type Range = readonly [number, number];

/** An article's tags and categories lower-cased, and their folded text: shared by the articles holding the same lists. */
export interface HayLists {
  readonly tags: string[];
  readonly categories: string[];
  /** Folded tags, then categories, one per line. */
  readonly text: string;
}

/** An article's source, language and sentiment as filters compare them: shared by the articles holding the same ones. */
export interface HayMeta {
  /** Source name and key, lower-cased with everything but letters and digits removed ("the-block" = "The Block"). */
  readonly sourceName: string;
  readonly sourceKey: string;
  /** Lower-cased language code, or ''. */
  readonly lang: string;
  /** Canonical sentiment, or null. */
  readonly sentiment: Sentiment | null;
  /** Folded source name, then key, one per line. */
  readonly text: string;
}

/**
 * The lower-cased texts one article is matched against. What many articles repeat (tags,
 * categories, source, language, sentiment) is held once in shared parts (`lists`, `meta`)
 * rather than per article: at a million articles, five fields and ~40 characters of short text
 * fewer per haystack (~90 MB).
 */
export class Hay {
  constructor(
    /** Folded title, then description, one per line (tags, categories and source: `lists.text`, `meta.text`). */
    readonly short: string,
    /** Length of the folded title at the start of `short` (see hayTitle): one string per article instead of two. */
    readonly titleLength: number,
    /**
     * Lower-cased body as UTF-8 bytes (Buffer.includes takes the same string needles): half the
     * memory of a JS string, outside the heap. For a loaded article, the article itself, which
     * reads them from its file on first use (most bodies are never searched).
     */
    readonly body: Buffer | FoldedBodyOnDisk,
    readonly lists: HayLists,
    readonly meta: HayMeta,
  ) {
    this.mask = charMask(short) | partMask(lists) | partMask(meta);
  }

  /** charMask of every short field (title, description, tags, categories, source): what the short fields cannot hold, at a glance. */
  readonly mask: number;

  /** Lower-cased tags and categories, for exact field filters. */
  get tags(): string[] {
    return this.lists.tags;
  }

  get categories(): string[] {
    return this.lists.categories;
  }

  get sourceName(): string {
    return this.meta.sourceName;
  }

  get sourceKey(): string {
    return this.meta.sourceKey;
  }

  get lang(): string {
    return this.meta.lang;
  }

  get sentiment(): Sentiment | null {
    return this.meta.sentiment;
  }
}

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
const metaMemo = new Map<string, HayMeta>();

function hayLists(tags: readonly string[], categories: readonly string[]): HayLists {
  const shared = Object.isFrozen(tags) && Object.isFrozen(categories);
  const known = shared ? listsMemo.get(tags)?.get(categories) : undefined;
  if (known !== undefined) return known;
  const made: HayLists = { tags: lowerList(tags), categories: lowerList(categories), text: foldText(`${tags.join('\n')}\n${categories.join('\n')}`) };
  if (shared) {
    let byCategories = listsMemo.get(tags);
    if (byCategories === undefined) listsMemo.set(tags, (byCategories = new WeakMap()));
    byCategories.set(categories, made);
  }
  return made;
}

function hayMeta(a: Pick<Article, 'source' | 'sourceKey' | 'lang' | 'sentiment'>): HayMeta {
  const key = `${a.source}\0${a.sourceKey}\0${a.lang ?? '\u0001'}\0${a.sentiment ?? '\u0001'}`;
  let meta = metaMemo.get(key);
  if (meta === undefined) {
    meta = {
      sourceName: compactMemo(a.source),
      sourceKey: compactMemo(a.sourceKey),
      lang: a.lang === null ? '' : lower(a.lang),
      sentiment: a.sentiment === null ? null : sentimentMemo(a.sentiment),
      text: foldText(`${a.source}\n${a.sourceKey}`),
    };
    // A hostile corpus of all-distinct sources must not grow the table without bound.
    if (metaMemo.size >= MEMO_MAX) metaMemo.clear();
    metaMemo.set(key, meta);
  }
  return meta;
}

/** Builds the haystack of one article. */
export function makeHay(a: Article): Hay {
  // Folded in one call, so `short` is one flat string: two folds joined were kept as a pair of
  // concatenations over the two parts (~100 bytes more a haystack). Folding maps character by
  // character and never makes a line break, and a loaded title holds none (sanitised), so the
  // title is what comes before the first one.
  // A loaded article holds that string already (load/article-table.ts): shared, not copied.
  const lists = hayLists(a.tags, a.categories), meta = hayMeta(a);
  if (holdsFoldedShort(a)) return new Hay(a.foldedShort, a.foldedTitleLength, keepsBodyOnDisk(a) ? a : foldedBytes(a.body), lists, meta);
  const short = foldText(`${a.title}\n${a.description}`);
  const titleLength = a.title.includes('\n') ? foldText(a.title).length : short.indexOf('\n');
  return new Hay(short, titleLength, keepsBodyOnDisk(a) ? a : foldedBytes(a.body), lists, meta);
}

/** The folded title of `a`, as its haystack holds it (hayTitle), made without the haystack. */
export function foldedTitle(a: Pick<Article, 'title'>): string {
  return foldText(a.title);
}

/** True when the short fields (title, description, tags, categories, source name and key) contain `needle`. */
export function shortIncludes(hay: Hay, needle: string): boolean {
  const need = needleMask(needle);
  if ((need & ~hay.mask) !== 0) return false;
  // One letter a-z: its bit says it exactly (a digit's bit is shared by two digits).
  if (needle.length === 1 && (need & LETTER_BITS) === need && need !== 0) return true;
  return hay.short.includes(needle) || hay.lists.text.includes(needle) || hay.meta.text.includes(needle);
}

/** The lower-cased title. */
export function hayTitle(hay: Hay): string {
  return hay.short.slice(0, hay.titleLength);
}

/** True when the lower-cased title contains `s`. */
export function titleIncludes(hay: Hay, s: string): boolean {
  // The title starts `short`: its first occurrence there is in the title exactly when some
  // occurrence is (a later one would end later). No slice is made (~1,000 a keystroke).
  const at = hay.short.indexOf(s);
  return at >= 0 && at + s.length <= hay.titleLength;
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
  const b = hay.body;
  if (Buffer.isBuffer(b)) return b;
  if (unread !== null && !b.hasLowerBody) {
    unread();
    return UNREAD;
  }
  return b.lowerBody;
}

function bodyIncludes(hay: Hay, needle: string): boolean {
  return bodyOf(hay).includes(needle);
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
