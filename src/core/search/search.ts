// The search engine behind the search line, called on every keystroke. Everything expensive
// (lower-cased haystacks, the date order) is built once in `add`; fuse.js records once per article on first use.
// A search then: applies the exact filters; for free text, keeps the articles containing every
// word (newest first) and lets fuse.js rank the newest CAP of those; with no exact hit, runs a
// typo-tolerant fuse over the newest FALLBACK_N. On a corpus of at most CAP eligible articles fuse
// ranks all of them, so small corpora get exactly plain fuse.js's ranking (plus exact-title boost).
// Ranking: title equal to the query, then title containing it, then fuse score, then exact-only
// matches (title, short fields, body); ties newest first.
// With a `limit` (the dashboard), the exact scan stops after max(CAP, limit) survivors and bodies
// past BODY_DEPTH are not read, so a keystroke costs the same at 10k and 100k; `total` then counts
// what was found. Without one (`--filter`), every body is searched and every match is returned.

import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Article } from '../article.js';
import { ExactScanner } from './exact-scan.js';
import { compileFilters, filterKey, filtersNeedHay, type Predicate } from './filters.js';
import { containsAll, hayTitle, makeHay, titleIncludes, occurrences, squashSpaces, type Hay } from './haystack.js';
import { parseQuery, type ParsedQuery, type SortKey } from './query.js';
import {
  BODY_DEPTH,
  CAP,
  FALLBACK_N,
  FALLBACK_OPTIONS,
  FUSE_KEYS,
  FUSE_OPTIONS,
  FUSE_RANK,
  type Hit,
  type SearchOptions,
  type SearchResult,
} from './search-settings.js';
import { compareByDate, compareNewest, comparatorFor, mergeSorted, sortByDate } from './sort.js';

export { QueryError, type SortKey } from './query.js';
export { BODY_DEPTH, CAP, EVERY_MATCH, FALLBACK_N, FUSE_KEYS, FUSE_OPTIONS, FUSE_RANK, type Hit, type SearchOptions, type SearchResult } from './search-settings.js';

type IndexRecord = FuseIndex<Article>['records'][number];

// Longer words are rarer, so testing them first rejects most articles after one scan.
const byLength = (words: readonly string[]): string[] => [...words].sort((a, b) => b.length - a.length);

const EMPTY: ReadonlyArray<readonly [number, number]> = Object.freeze([]);
// Handed to filters that never read a haystack (filtersNeedHay), so none is made for them.
const NO_HAY: Hay = Object.freeze({ short: '', titleLength: 0, body: Buffer.alloc(0), tags: [], categories: [], sourceName: '', sourceKey: '', lang: '', sentiment: null });

// A match before ordering: tier 0 = title equals the query, 1 = title contains it as a phrase,
// 2 = ranked by fuse, 3 = exact substring only (rank = 0 title, 1 short fields, 2 body).
interface Ranked { id: number; tier: number; rank: number; score: number }

// The caller's id predicate (reading terms) in front of the query's own filters.
const withKeep = (test: Predicate, keep: ((id: number) => boolean) | null): Predicate => (keep ? (a, hay, withBody) => keep(a.id) && test(a, hay, withBody) : test);

/** Whether a search for `query` may read article bodies (words, phrases or coins, negated or not); false for a malformed one. */
export function readsBodies(query: string, now = Date.now()): boolean {
  try {
    return parseQuery(query, now).terms.some((t) => t.kind === 'word' || t.kind === 'phrase' || t.kind === 'coin');
  } catch {
    return false;
  }
}

/**
 * The folded words a search for `query` tests bodies for, when words are all it tests them for;
 * null when a phrase or a coin term also reads bodies, or the query is malformed.
 */
export function bodyWords(query: string, now = Date.now()): string[] | null {
  try {
    const terms = parseQuery(query, now).terms;
    if (terms.some((t) => t.kind === 'phrase' || t.kind === 'coin')) return null;
    return terms.flatMap((t) => (t.kind === 'word' ? [t.value] : []));
  } catch {
    return null;
  }
}

/** An in-memory index over the loaded articles; `article(id)` resolves hit ids. */
export class SearchIndex {
  private readonly docs: Article[] = [];
  // Haystacks are made on first use: a search with a limit (the dashboard) makes all of them
  // first, so no keystroke pays for that.
  private readonly hays: Array<Hay | undefined> = [];
  private haysComplete = true;
  // Fuse records are made on first use: a keystroke only ever hands fuse the few thousand
  // survivors or newest articles, so building all 100k up front cost ~0.3 s at load and ~70 MB
  // that most sessions never touch; `--filter` builds only its matches'. A dashboard warms them
  // up with `prepare()` once the list is on screen.
  private readonly fuseIndex: FuseIndex<Article> = Fuse.createIndex<Article>(FUSE_KEYS, []);
  private readonly fuseRecords: Array<IndexRecord | undefined> = [];
  // The date order, made on first use (a `--filter` ranked by relevance sorts only its matches);
  // docs [0, dated) are in it.
  private dateOrder: number[] = [];
  private dated = 0;
  private readonly positions = new Map<string, Int32Array>();
  private eligibleMemo: { key: string; ids: number[] } | null = null;
  private readonly scanner = new ExactScanner();
  private readonly hasBody = (id: number): boolean => this.positionsFor('date')[id] < BODY_DEPTH;

  constructor(articles: readonly Article[] = []) {
    this.add(articles);
  }

  /** Adds articles streamed in by the loader; their ids must continue the existing ones (0, 1, 2, ...). */
  add(articles: readonly Article[]): void {
    if (articles.length === 0) return;
    const start = this.docs.length;
    articles.forEach((a, k) => {
      if (a.id !== start + k) throw new RangeError(`article id ${a.id} should be ${start + k}`);
      this.docs.push(a);
      this.hays.push(undefined);
    });
    this.haysComplete = false;
    this.positions.clear();
    this.eligibleMemo = null;
  }

  // Every id in compareByDate order; articles added since the last call are sorted and merged in.
  private order(): number[] {
    if (this.dated < this.docs.length) {
      const byDate = (x: number, y: number): number => compareByDate(this.docs[x], this.docs[y]);
      const fresh = sortByDate(this.docs.slice(this.dated));
      this.dateOrder = mergeSorted(this.dateOrder, fresh, byDate);
      this.dated = this.docs.length;
    }
    return this.dateOrder;
  }

  /**
   * The newest `n` articles (date order): the ones whose bodies a limited search reads (n =
   * BODY_DEPTH), for a caller to read ahead off this thread (body-preload.ts) before prepare().
   */
  newest(n: number): Article[] {
    return this.order().slice(0, Math.max(0, n)).map((id) => this.docs[id]);
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.docs.length;
  }

  /** The article with this id. */
  article(id: number): Article {
    const a = this.docs[id];
    if (!a) throw new RangeError(`no article with id ${id}`);
    return a;
  }

  /** Runs a query (see query.ts for the language); throws QueryError on a malformed one. */
  search(query: string, opts: SearchOptions = {}): SearchResult {
    const q = parseQuery(query, opts.now ?? Date.now());
    const includeDrafts = opts.includeDrafts ?? false;
    const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : null;
    const everything = limit === null;
    const keep = opts.keep ?? null;
    const key = `${this.docs.length}|${everything}|${filterKey(q, includeDrafts)}|${keep ? (opts.keepKey ?? Math.random()) : ''}`;
    // Words and phrases are looked for in short fields and bodies; without a limit, in all of them.
    if (!everything) this.completeHays();
    // A full scan for words: the matches found in id order and only they sorted by date, which
    // spares the date order and eligible list of every article (same ids, same order).
    const scanned = everything && q.text && q.words.length && !(q.phrases.length === 0 && q.text.length <= 2) ? this.fullScan(q, includeDrafts, keep) : null;
    const eligibleNow = (): number[] => this.eligible(key, q, includeDrafts, everything, keep);
    let ranked: Ranked[];
    let shortRanked: Ranked[] | null = null;
    let approximate = false;
    let sort: SortKey = opts.sort ?? (q.text ? 'relevance' : 'date');
    if (!q.text) {
      ranked = eligibleNow().map((id) => ({ id, tier: 0, rank: 0, score: 0 }));
      if (sort === 'relevance') sort = 'date';
    } else if (q.phrases.length === 0 && q.text.length <= 2) {
      ranked = shortRanked = this.shortQuery(q.text, eligibleNow());
    } else {
      const cap = everything ? Infinity : Math.max(CAP, limit);
      ranked = scanned ? this.fuzzy(q, eligibleNow, key, cap, scanned) : this.fuzzy(q, eligibleNow(), key, cap);
      approximate = !everything && (ranked.length >= cap || eligibleNow().length > BODY_DEPTH);
    }
    if (opts.idsOnly) return { hits: ranked.map((r) => ({ id: r.id, score: r.score, titleMatches: EMPTY })), total: ranked.length, sort, approximate };
    // Short queries and filter-only listings are built in their final order already.
    if (sort === 'relevance') {
      if (ranked !== shortRanked) ranked.sort((a, b) => this.byRelevance(a, b));
    } else if (sort !== 'date' || q.text) {
      const pos = this.positionsFor(sort);
      ranked.sort((a, b) => pos[a.id] - pos[b.id]);
    }
    const total = ranked.length;
    const limited = limit === null ? ranked : ranked.slice(0, limit);
    return { hits: this.toHits(limited, q), total, sort, approximate };
  }

  // Without a limit: the ids passing the filters and containing every word, in date order, when
  // more than CAP articles pass the filters (fuzzy's large-corpus path); `eligible` is then
  // made on demand (the typo fallback needs it only when nothing matched exactly). Null when
  // CAP or fewer pass: fuse then ranks all of them.
  private fullScan(q: ParsedQuery, includeDrafts: boolean, keep: ((id: number) => boolean) | null): number[] | null {
    const test = withKeep(compileFilters(q, includeDrafts), keep);
    const needHay = filtersNeedHay(q);
    const docs = this.docs;
    const words = q.words;
    let passed = 0;
    const found: Article[] = [];
    for (let id = 0; id < docs.length; id++) {
      const a = docs[id];
      if (!test(a, needHay ? this.hay(id) : NO_HAY, true)) continue;
      passed += 1;
      if (containsAll(this.hay(id), words)) found.push(a);
    }
    if (passed <= CAP) return null;
    return found.length > 0 ? sortByDate(found) : [];
  }

  // Exact filters over the date order, remembered while only the free words change.
  private eligible(key: string, q: ParsedQuery, includeDrafts: boolean, allBodies: boolean, keep: ((id: number) => boolean) | null): number[] {
    if (this.eligibleMemo?.key === key) return this.eligibleMemo.ids;
    const test = withKeep(compileFilters(q, includeDrafts), keep);
    const hay = filtersNeedHay(q) ? (id: number): Hay => this.hay(id) : (): Hay => NO_HAY;
    const ids = this.order().filter((id, pos) => test(this.docs[id], hay(id), allBodies || pos < BODY_DEPTH));
    this.eligibleMemo = { key, ids };
    return ids;
  }

  // One or two characters match nearly everything fuzzily and most bodies exactly, so they list
  // title matches, then articles with a tag starting with them (`ai`), each newest first.
  private shortQuery(text: string, eligible: readonly number[]): Ranked[] {
    const inTitle: Ranked[] = [];
    const inTags: Ranked[] = [];
    for (const id of eligible) {
      const hay = this.hay(id);
      if (titleIncludes(hay, text)) inTitle.push({ id, tier: 0, rank: 0, score: 0 });
      else if (hay.tags.some((t) => t.startsWith(text))) inTags.push({ id, tier: 1, rank: 0, score: 0.5 });
    }
    return inTitle.concat(inTags);
  }

  // `cap`: how many exact survivors to find at most (Infinity: all, and every body is read).
  // `eligible` may be a function making it on demand; `scanned` the exact survivors of fullScan.
  private fuzzy(q: ParsedQuery, eligibleOrMake: readonly number[] | (() => readonly number[]), key: string, cap: number, scanned?: number[]): Ranked[] {
    let made = typeof eligibleOrMake === 'function' ? null : eligibleOrMake;
    const eligibleOf = (): readonly number[] => (made ??= (eligibleOrMake as () => readonly number[])());
    const small = !scanned && eligibleOf().length <= CAP;
    const eligible = scanned ? [] : eligibleOf();
    const exact = scanned ?? (small
      ? eligible.filter((id) => containsAll(this.hay(id), q.words))
      : !q.words.length
        ? eligible.slice(0, cap)
        : cap === Infinity
          ? eligible.filter((id) => containsAll(this.hay(id), q.words))
          : this.scanner.scan(key, eligible, this.hays as Hay[], byLength(q.words), cap, this.hasBody));
    let scores = new Map<number, number>();
    // Fuse ranks the newest FUSE_RANK survivors; older ones rank as exact matches.
    if (small || exact.length) scores = this.fuseScores(small ? eligible : exact.slice(0, FUSE_RANK), q.text, FUSE_OPTIONS);
    // Three letters with one typo allowed match noise everywhere, so typos are forgiven from four.
    if (exact.length === 0 && scores.size === 0 && q.text.length >= 4) {
      scores = this.fuseScores(eligibleOf().slice(0, FALLBACK_N), q.text, FALLBACK_OPTIONS);
    }
    const ranked: Ranked[] = [];
    const text = q.text;
    for (const [id, score] of scores) {
      const title = squashSpaces(hayTitle(this.hay(id)));
      const tier = title === text ? 0 : title.includes(text) ? 1 : 2;
      ranked.push({ id, tier, rank: 0, score });
    }
    for (const id of exact) {
      if (scores.has(id)) continue;
      const hay = this.hay(id);
      const title = squashSpaces(hayTitle(hay));
      const tier = title === text ? 0 : title.includes(text) ? 1 : 3;
      const where = q.words.every((w) => titleIncludes(hay, w)) ? 0 : q.words.every((w) => hay.short.includes(w)) ? 1 : 2;
      ranked.push({ id, tier, rank: tier === 3 ? where : 0, score: 1 });
    }
    return ranked;
  }

  // Fuse over a subset: an index made of the subset's prebuilt records, so nothing is re-tokenised.
  // Fuse scores each document on its own, so a subset ranks exactly as it would in the whole corpus.
  private fuseScores(ids: readonly number[], text: string, options: IFuseOptions<Article>): Map<number, number> {
    const scores = new Map<number, number>();
    if (ids.length === 0) return scores;
    const index = Fuse.parseIndex<Article>({ keys: this.fuseIndex.keys, records: ids.map((id) => this.fuseRecord(id)) });
    const fuse = new Fuse(this.docs, { ...options, shouldSort: false }, index);
    for (const r of fuse.search(text)) scores.set(r.refIndex, r.score ?? 1);
    return scores;
  }

  private fuseRecord(id: number): IndexRecord {
    let record = this.fuseRecords[id];
    if (!record) {
      this.fuseIndex.add(this.docs[id], id);
      record = this.fuseIndex.records.pop() as IndexRecord;
      this.fuseRecords[id] = record;
    }
    return record;
  }

  /**
   * Does, ahead of the first keystrokes, what they would otherwise do: builds the fuse records of
   * the newest FALLBACK_N articles (what the typo fallback and small corpora rank) and runs each
   * search path once so the JIT has compiled it (a cold first three-letter query cost ~60 ms at
   * 10k). A UI calls it once loading is done and the newest bodies are read ahead
   * (body-preload.ts), so the typo fallback's scan finds them in memory; results never depend on it.
   */
  prepare(): void {
    const order = this.order();
    this.completeHays();
    for (let i = 0; i < order.length && i < FALLBACK_N; i++) this.fuseRecord(order[i]);
    const word = /\p{L}{4,}/u.exec(order.length ? hayTitle(this.hay(order[0])) : '')?.[0] ?? 'news';
    // A prefix (exact scan + fuse), the word, and a typo of it (the fuzzy fallback).
    for (const q of [word.slice(0, 3), word, `${word.slice(0, -1)}qx`]) this.search(q, { limit: 50 });
  }

  private hay(id: number): Hay {
    let hay = this.hays[id];
    if (hay === undefined) {
      hay = makeHay(this.docs[id]);
      this.hays[id] = hay;
    }
    return hay;
  }

  // Every haystack, made once: the scanner of a limited search reads them as an array.
  private completeHays(): void {
    if (this.haysComplete) return;
    for (let id = 0; id < this.docs.length; id++) this.hay(id);
    this.haysComplete = true;
  }

  private byRelevance(a: Ranked, b: Ranked): number {
    return a.tier - b.tier || a.rank - b.rank || a.score - b.score || compareNewest(this.docs[a.id], this.docs[b.id]);
  }

  // Position of each id in a full sort order, computed once per corpus version and sort key.
  private positionsFor(sort: Exclude<SortKey, 'relevance'>): Int32Array {
    let pos = this.positions.get(sort);
    if (!pos) {
      const cmp = comparatorFor(sort);
      const order = sort === 'date' ? this.order() : this.docs.map((a) => a.id).sort((x, y) => cmp(this.docs[x], this.docs[y]));
      pos = new Int32Array(this.docs.length);
      order.forEach((id, i) => { pos![id] = i; });
      this.positions.set(sort, pos);
    }
    return pos;
  }

  // Highlights: exact occurrences of the words and phrases in the title; for a fuzzy title match
  // without one, what fuse's matcher marks (runs of 2+ characters, so stray letters stay plain),
  // from one small Fuse over just those titles.
  private toHits(ranked: readonly Ranked[], q: ParsedQuery): Hit[] {
    const needles = [...q.words, ...q.phrases];
    const hits: Hit[] = ranked.map((r) => {
      const title = this.docs[r.id].title;
      const found = needles.length ? occurrences(hayTitle(this.hay(r.id)), needles, title.length) : [];
      return { id: r.id, score: r.score, titleMatches: found.length ? found : EMPTY };
    });
    const fuzzy = hits.filter((h, i) => h.titleMatches.length === 0 && ranked[i].tier === 2);
    if (fuzzy.length && q.text.length > 2) {
      // Folded titles (hayTitle): the same length as the titles, so positions carry over.
      const titles = fuzzy.map((h) => hayTitle(this.hay(h.id)));
      const fuse = new Fuse(titles, { threshold: 0.4, ignoreLocation: true, includeMatches: true, minMatchCharLength: 2 });
      for (const m of fuse.search(q.text)) {
        const indices = m.matches?.[0]?.indices ?? [];
        if (indices.length) fuzzy[m.refIndex].titleMatches = indices.map(([s, e]) => [s, e] as const);
      }
    }
    return hits;
  }
}
