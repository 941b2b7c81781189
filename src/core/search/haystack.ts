// Folded search text per article (lower-cased, accents dropped: text/fold.ts), built once when
// articles are added, so a keystroke only runs `includes` over ready strings. Short fields and body are kept apart: short fields are
// checked first (cheap, most hits), the body only when they miss.

import { keepsBodyOnDisk, type Article, type FoldedBodyOnDisk } from '../article.js';
import { canonicalSentiment, compactText, foldText, type Sentiment } from '../text/index.js';

/** Inclusive [start, end] UTF-16 range, as in `Hit.titleMatches`. */
export type Range = readonly [number, number];

/** The lower-cased texts one article is matched against. */
export interface Hay {
  /** Lower-cased title, description, tags, categories, source name and key, one per line. */
  short: string;
  /**
   * Length of the lower-cased title at the start of `short` (see hayTitle): one string per
   * article instead of two, ~15 MB and 100k allocations fewer at 100k articles.
   */
  titleLength: number;
  /**
   * Lower-cased body as UTF-8 bytes (Buffer.includes takes the same string needles): half the
   * memory of a JS string, outside the heap. For a loaded article, the article itself, which
   * reads them from its file on first use (most bodies are never searched).
   */
  body: Buffer | FoldedBodyOnDisk;
  /** Lower-cased tags and categories, for exact field filters. */
  tags: string[];
  categories: string[];
  /** Source name and key, lower-cased with everything but letters and digits removed ("the-block" = "The Block"). */
  sourceName: string;
  sourceKey: string;
  /** Lower-cased language code, or ''. */
  lang: string;
  /** Canonical sentiment, or null. */
  sentiment: Sentiment | null;
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

// The lower-cased list; the list itself when it already is (the usual case), so no copy is kept.
function lowerList(list: readonly string[]): string[] {
  for (let i = 0; i < list.length; i++) {
    if (lower(list[i]) !== list[i]) return list.map(lower);
  }
  return list as string[];
}

/** The fields a haystack's short text is made of. */
export type ShortFields = Pick<Article, 'title' | 'description' | 'tags' | 'categories' | 'source' | 'sourceKey'>;

/** The folded (text/fold.ts) short text of an article (a haystack's `short`); `lowerTitle` if already made. */
export function lowerShortText(a: ShortFields, lowerTitle = foldText(a.title)): string {
  // The title is folded once; the rest in one call (one string, not one per field).
  return `${lowerTitle}\n${foldText(`${a.description}\n${a.tags.join('\n')}\n${a.categories.join('\n')}\n${a.source}\n${a.sourceKey}`)}`;
}

/** Builds the haystack of one article. */
export function makeHay(a: Article): Hay {
  const title = foldText(a.title);
  return {
    short: lowerShortText(a, title),
    titleLength: title.length,
    body: keepsBodyOnDisk(a) ? a : Buffer.from(foldText(a.body), 'utf8'),
    tags: lowerList(a.tags),
    categories: lowerList(a.categories),
    sourceName: compactMemo(a.source),
    sourceKey: compactMemo(a.sourceKey),
    lang: a.lang === null ? '' : lower(a.lang),
    sentiment: a.sentiment === null ? null : sentimentMemo(a.sentiment),
  };
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
    if (!hay.short.includes(n) && !(withBody && bodyIncludes(hay, n))) return false;
  }
  return true;
}

/** True when some needle occurs in the short fields or (unless `withBody` is false) the body. */
export function containsAny(hay: Hay, needles: readonly string[], withBody = true): boolean {
  for (const n of needles) {
    if (hay.short.includes(n) || (withBody && bodyIncludes(hay, n))) return true;
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
