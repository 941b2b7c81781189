// The search engine behind the search line, called on every keystroke (the engine's chunk: the
// CLI imports it on demand, search/index.ts's importSearchEngine). Haystacks and the date order
// are built once; fuse.js records once per article on first use.
//
// A search applies the exact filters (engine/eligible-lists.ts); for free text it keeps the
// articles containing every word (newest first) and lets fuse.js rank the newest FUSE_RANK of
// them; a word nothing holds is read as its nearest corpus word first (typos/typo-rule.ts). Ranking:
// title equal to the query, title containing it, fuse score, exact-only matches (title, short
// fields, body); ties newest first.
//
// With the on-disk index attached (useWords) it names the articles holding the words it answers
// for and decides negated words and coins (every body, index-terms.ts), so `total` is exact: a
// lower bound for a word it leaves to memory, looked for in bodies only to BODY_DEPTH, or with a
// limit past MOST_TESTS candidates (limitedMatches); `counting` while a word is read on a thread,
// its rows exact already (searchDeferred). Without it a limited search (the dashboard) stops after
// max(CAP, limit) survivors and reads no body past BODY_DEPTH; without a limit (`--filter`) every
// body is searched. A body not in memory is read on first use, unless deferBodies says to leave it
// (the result is then approximate). A limited search lists only its rows: every match is listed
// when asked (`matches`).
import { bodyInMemory, type Article } from '../article.js';
import { ExactScanner } from './exact-scan.js';
import { compileFilters, filterKey, filtersNeedHay, termTest, withKeep, withoutDecided, type TermHolder } from './filters.js';
import { containsAll, foldedTitle, hayTitle, shortFieldsOf, type Hay } from './haystack.js';
import { HayMasks } from './hay-masks.js';
import { parseQuery, type ParsedQuery, type SortKey } from './query.js';
import { BODY_DEPTH, CAP, COLLECT_PREPARED, type Hit, type SearchOptions, type SearchResult } from './search-settings.js';
import { ListOrders } from './order/list-orders.js';
import { FilterColumns } from './filter-columns.js';
import { fullScan, shortFind, shortRanks, type Ranked } from './scans.js';
import { fuseScores, rankTiers } from './tiers.js';
import { correctTypos, MemoryVocabulary } from './typos/typo-rule.js';
import { denseAmongNewest, indexHolder, listsExactRows, searchDeferred, interimFor, indexTest, wordsComing, wordsLater } from './index-terms.js';
import { ShortIndex } from './short-index.js';
import { FuseRanker } from './fuzzy/fuse-ranker.js';
import { titleHits } from './title-highlights.js';
import type { WordSource } from '../index/index.js';
import { EligibleLists } from './engine/eligible-lists.js';
import { Haystacks } from './engine/haystacks.js';
import { prepareSteps } from './engine/prepare-steps.js';
import { searchResult } from './engine/search-result.js';

export { QueryError, type SortKey } from './query.js';
export { bodyWords, indexAnswers, readsBodies } from './query-reads.js';
export { BODY_DEPTH, CAP, EVERY_MATCH, FUSE_KEYS, FUSE_OPTIONS, FUSE_RANK, PREPARED_NEWEST, type Hit, type SearchOptions, type SearchResult } from './search-settings.js';

/** An in-memory index over the loaded articles; `article(id)` resolves hit ids. */
export class SearchIndex {
  private readonly docs: Article[] = [];
  private readonly masks = new HayMasks();
  // Haystacks are made on first use: prepare() makes all of them ahead of the keys, a search
  // those it reads.
  private readonly hays = new Haystacks(this.docs, this.masks);
  private haysComplete = true;
  // fuse.js records of the articles, made on first use (fuzzy/fuse-ranker.ts).
  private readonly ranker = new FuseRanker(this.docs);
  // The list orders (date order made on first use: a `--filter` ranked by relevance sorts only its
  // matches).
  private readonly orders = new ListOrders(this.docs);
  // Field filters by article id (filter-columns.ts).
  private readonly columns = new FilterColumns(this.docs, (id) => this.hay(id));
  private readonly scanner = new ExactScanner();
  // The articles' own vocabulary, for the typo rule without an index (typos/memory-vocabulary.ts).
  private readonly vocabulary = new MemoryVocabulary(this.docs, (id) => this.hay(id));
  // Bit masks of titles and tags that answer one- and two-character queries (short-index.ts).
  private readonly shorts = new ShortIndex();
  private words: WordSource | null = null; // free words answered by the on-disk index (index/word-index.ts), once attached
  private bodiesWanted: ((query: string) => void) | null = null;
  // deferShortCounts's callback, and whether an answer with its count coming was given since.
  private shortsAgain: (() => void) | null = null;
  private shortsOwed = false;
  private readonly hasBody = (id: number): boolean => this.orders.amongNewest(id, BODY_DEPTH);
  // A limited search's Interim. With the newest bodies on disk (a warm start) an answer meanwhile
  // missed bodies every time: a word's tokens are read on the index's thread, the key waiting for
  // them (searchDeferred; at 1M `bit` ran ~100 ms here beside that read, then waited anyway).
  private readonly dense = (word: string): boolean => !this.newestBodyRead() || denseAmongNewest(this.order(), (id) => this.hay(id), word);
  private readonly newestBodyRead = (): boolean => bodyInMemory(this.docs[this.order()[0] ?? -1]);
  // Set by each run(): false when an answer meanwhile may list other rows than the exact one's.
  private meanwhileExact = true;
  private quiet = false; // prepare's warm-up search under way (searchQuietly)
  // The articles passing a search's exact filters (engine/eligible-lists.ts).
  private readonly lists = new EligibleLists({ docs: this.docs, order: () => this.order(), hay: (id) => this.hay(id), columns: this.columns, masks: this.masks, holder: () => this.holder(), words: () => this.words });

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
    });
    this.haysComplete = false;
    this.orders.grown();
    this.lists.memo.clear();
  }

  private readonly order = (): number[] => this.orders.byDate();

  /**
   * The newest `n` articles (date order): the bodies a limited search reads (n = BODY_DEPTH), to
   * read ahead (body-preload.ts).
   */
  newest(n: number): Article[] {
    return this.order().slice(0, Math.max(0, n)).map((id) => this.docs[id]);
  }

  /** Lets the on-disk index answer free words, negated words and coins (index-terms.ts); null detaches it. */
  useWords(source: WordSource | null): void { this.words = source; }

  /** Number of articles indexed. */
  get size(): number { return this.docs.length; }
  /**
   * When, after `now` (epoch ms), an article next comes into or leaves the list (its publication
   * window), else Infinity.
   */
  nextListedChange(now: number): number { return this.columns.nextListedChange(now); }

  /** The article with this id. */
  article(id: number): Article {
    const a = this.docs[id];
    if (!a) throw new RangeError(`no article with id ${id}`);
    return a;
  }

  /**
   * While set, a search leaves bodies not in memory unread (searched as empty, result approximate)
   * and calls `wanted(query)` instead of reading files on this thread; the dashboard then reads them
   * ahead off the thread and clears it. Results with it cleared are as if it had never been set.
   */
  deferBodies(wanted: ((query: string) => void) | null): void { this.bodiesWanted = wanted; }

  /**
   * Until prepare()'s steps have covered every article in the short index, a limited one- or
   * two-character search lists its rows from the newest haystacks and leaves its count coming
   * (SearchResult.counting) instead of covering the rest first; once they are, `again()` is
   * called if such an answer was given (for the dashboard to search again), and the setting ends.
   * The rows listed are the exact answer's.
   */
  deferShortCounts(again: (() => void) | null): void { this.shortsAgain = again; }

  /** Runs a query (see query.ts for the language); throws QueryError on a malformed one. */
  search(typed: string, opts: SearchOptions = {}): SearchResult {
    const query = opts.typosCorrected ? typed : correctTypos(typed, opts.now, this.words, this.vocabulary);
    const wanted = this.bodiesWanted;
    const later = wordsLater(this.words, query, opts, this.dense);
    if (!wanted && !later) return this.run(query, opts, '');
    return searchDeferred(this.words, later, wanted, query, (mode) => this.run(query, opts, mode), () => this.meanwhileExact, !later || this.newestBodyRead(), !this.quiet);
  }

  // `mode` keeps the scanner's and the eligible list's memory of deferred searches apart.
  private run(query: string, opts: SearchOptions, mode: string): SearchResult {
    this.meanwhileExact = true;
    const q = withoutDecided(parseQuery(query, opts.now ?? Date.now()), opts.decided);
    const includeDrafts = opts.includeDrafts ?? false;
    const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : null;
    const everything = limit === null;
    const keep = opts.keep ?? null;
    const wordsAt = `${this.words?.covered ?? -1}.${this.words?.version ?? 0}`;
    const filtersPart = `${everything}|${filterKey(q, includeDrafts, (t) => this.columns.nextListedChange(t))}|${keep ? (opts.keepKey ?? Math.random()) : ''}`;
    const key = `${mode}|${this.docs.length}|${wordsAt}|${filtersPart}`;
    const short = q.phrases.length === 0 && q.text.length <= 2;
    // With a limit, bodies past BODY_DEPTH are not read for words the index leaves to memory
    // (`skips`). `coming` as indexTest answered: a word read later in this search would no longer
    // be coming while the rows are still meanwhile's.
    const skips = { n: 0 }, interim = everything ? null : interimFor(q, this.dense);
    const indexed = q.text && !short ? indexTest(this.words, q, (id) => this.hay(id), everything ? null : this.hasBody, skips, this.masks, interim) : null, coming = wordsComing(this.words, q);
    // A full scan: matches found in id order, only they sorted by date (same ids, same order).
    const has = indexed ?? ((id: number) => containsAll(this.hay(id), q.words));
    const scanned = everything && q.text && q.words.length && !short ? fullScan(this.docs, withKeep(compileFilters(q, includeDrafts, this.holder()), keep), filtersNeedHay(q), has, (id) => this.hay(id), opts.corpusEligible ?? 0) : null;
    // Filters reading no text list the same articles when bodies are left unread (`mode`): one
    // list (at 1M ~1M ids) for both.
    // The index's words change what passes only through the terms it holds (negated words, coins):
    // at a million, the list's ~1M eligible ids were made again when the words were attached.
    const listWords = q.terms.some((t) => (t.kind === 'word' && t.negate) || t.kind === 'coin') ? wordsAt : '';
    const listKey = `${filtersNeedHay(q) ? mode : ''}|${this.docs.length}|${listWords}|${filtersPart}`;
    const eligibleNow = (): number[] => this.lists.eligible(listKey, q, includeDrafts, everything, keep);
    let ranked: Ranked[], shortRanked: Ranked[] | null = null;
    let approximate = false;
    // Matches counted in full while only the newest `cap` of them are ranked (the index's answer).
    let counted: number | null = null;
    // Every match's id, when a path knows them beyond the ones it ranks (`everyId`: made when
    // asked for).
    let allIds: readonly number[] | null = null;
    let everyId: (() => readonly number[]) | null = null;
    let sort: SortKey = opts.sort ?? (q.text ? 'relevance' : 'date');
    let shortsComing = false;
    // The list's rows found without listing every match (limitedMatches): `quick` counts every
    // match from the index's marks, `tried` read text, and when `bounded` only until the rows were
    // found (the count is then a lower bound).
    const rows = limit && !opts.idsOnly && (indexed || (!q.text && (sort === 'date' || sort === 'relevance'))) ? this.lists.limitedRows(listKey, q, includeDrafts, keep, indexed, Math.max(CAP, limit), interim) : null;
    const [quick, tried] = rows && 'complete' in rows ? [null, rows] : [rows, null];
    const bounded = tried !== null && !tried.complete;
    if (!q.text) {
      if (tried && !bounded) this.lists.memo.set(listKey, tried.rows, false);
      const ids = quick ? quick.first : bounded ? tried.rows : (allIds = eligibleNow());
      if (sort === 'relevance' || bounded) sort = 'date';
      [counted, everyId, approximate] = [quick ? quick.count : ids.length, quick ? quick.every : null, bounded];
      // In date order already: with a limit only the rows listed are made (at 100k, 100k of them
      // for a page of 1,000).
      ranked = opts.idsOnly ? [] : (sort === 'date' && limit !== null ? ids.slice(0, limit) : ids).map((id) => ({ id, tier: 0, rank: 0, score: 0 }));
    } else if (short) {
      // In relevance order the list is built final already: only the hits shown are made, and
      // listed.
      const most = !opts.idsOnly && sort === 'relevance' && limit !== null ? limit : Infinity;
      const found = shortFind(this.shorts, q.text, eligibleNow(), this.docs.length, (id) => this.hay(id), most, this.shortsAgain !== null, (id) => shortFieldsOf(this.docs[id], () => this.hay(id)));
      [counted, allIds, everyId] = found.complete ? [found.count, found.every(), null] : [found.count, null, found.every];
      // Found early (deferShortCounts): its count a lower bound, its matches not named (every()
      // would cover the rest on the key).
      if (!found.listed.whole) [shortsComing, approximate, everyId, this.shortsOwed] = [true, true, null, true];
      ranked = shortRanked = shortRanks(found.listed, opts.idsOnly ? 0 : most);
    } else if (indexed && !scanned) {
      const cap = everything ? Infinity : Math.max(CAP, limit);
      const exact = quick ? quick.first : (tried?.rows ?? this.lists.indexedMatches(listKey, q, includeDrafts, everything, keep, indexed, interim));
      counted = quick ? quick.count : exact.length;
      // Fuse ranks only exact matches, so they are every match (unless bodies were skipped). Without a limit this path
      // sees at most CAP (more went to fullScan), and the matches are the ranked ones, in their
      // order, as fullScan's are.
      if (exact.length > 0 && skips.n === 0 && !everything && !bounded) [allIds, everyId] = quick ? [null, quick.every] : [exact, null];
      ranked = opts.idsOnly && allIds ? [] : this.fuzzy(q, [], key, cap, cap < exact.length ? exact.slice(0, cap) : exact);
      approximate = skips.n > 0 || bounded;
      if (interim) this.meanwhileExact = listsExactRows(exact, cap, (!tried || tried.complete) && skips.n === 0, this.hasBody);
    } else {
      const cap = everything ? Infinity : Math.max(CAP, limit);
      const found = { rows: [] as readonly number[] };
      ranked = this.fuzzy(q, scanned ? [] : eligibleNow(), key, cap, scanned ?? undefined, found);
      if (interim) this.meanwhileExact = listsExactRows(found.rows, cap, eligibleNow().length === 0 || this.hasBody(eligibleNow().at(-1)!), this.hasBody);
      approximate = !everything && (ranked.length >= cap || eligibleNow().length > BODY_DEPTH);
    }
    const ask = { q, limit, idsOnly: Boolean(opts.idsOnly), counting: coming || shortsComing || wordsComing(this.words, q), orders: this.orders, toHits: (r: readonly Ranked[]) => this.toHits(r, q) };
    return searchResult({ ranked, shortRanked, sort, counted, allIds, everyId, approximate }, ask);
  }

  // `cap`: exact survivors to find at most (Infinity: all, every body read); `scanned`: the exact
  // survivors already found.
  private fuzzy(q: ParsedQuery, eligible: readonly number[], key: string, cap: number, scanned?: number[], found = { rows: [] as readonly number[] }): Ranked[] {
    const exact = found.rows = scanned ?? (q.words.length && (eligible.length <= CAP || cap === Infinity)
      ? eligible.filter((id) => containsAll(this.hay(id), q.words))
      : !q.words.length
        ? eligible.slice(0, cap)
        : this.scanner.scan(key, eligible, (id) => this.hay(id), q.words, cap, this.hasBody));
    return rankTiers(fuseScores(this.ranker, q, exact), exact, q, (id) => this.hay(id), (id) => this.hays.made(id) ?? foldedTitle(this.docs[id]));
  }

  /**
   * Does, ahead of the first keystrokes, what they would otherwise do (engine/prepare-steps.ts). A
   * UI calls it once loading is done and the newest bodies are read ahead (body-preload.ts);
   * results never depend on it. From `collectFrom` articles it ends with a full garbage collection.
   */
  prepare(collectFrom = COLLECT_PREPARED): void {
    for (const step of this.prepareSteps(collectFrom)) step();
  }

  /** prepare() as steps of tens of ms at 100k each, for a UI to run one per turn between keys. */
  prepareSteps(collectFrom = COLLECT_PREPARED): Array<() => void> {
    const parts = { order: this.order(), size: () => this.docs.length, hay: (id: number) => this.hay(id), completeHays: () => this.completeHays(), covered: () => this.shortsCovered() };
    return prepareSteps({ ...parts, shorts: this.shorts, columns: this.columns, ranker: this.ranker, search: (q) => this.searchQuietly(q) }, collectFrom);
  }

  // The short index covers every article (prepare's steps): an answer that left its count coming
  // is searched again, and later short searches cover what the corpus gains at once.
  private shortsCovered(): void {
    const again = this.shortsOwed ? this.shortsAgain : null;
    [this.shortsOwed, this.shortsAgain] = [false, null];
    again?.();
  }

  // A list of 50 that asks for no body read ahead and waits for no word's thread (prepare's warm-up: code for the JIT, answer dropped).
  private searchQuietly(query: string): void {
    const wanted = this.bodiesWanted;
    [this.bodiesWanted, this.quiet] = [wanted && ((): void => {}), true];
    try {
      this.search(query, { limit: 50 });
    } finally {
      [this.bodiesWanted, this.quiet] = [wanted, false];
    }
  }

  // The attached index's answers for negated words and coins (index-terms.ts), else null.
  private readonly holder = (): TermHolder | null => indexHolder(this.words, (t, id) => termTest(t)(this.docs[id], this.hay(id), true));

  private hay(id: number): Hay {
    return this.hays.of(id);
  }

  // Every haystack, made once (prepare's steps). A search makes only those it reads (hay()): at a
  // million articles, a key typed while the steps were under way made the ~0.9 million left
  // first (~3 s).
  private completeHays(): void {
    if (this.haysComplete) return;
    for (let id = 0; id < this.docs.length; id++) this.hay(id);
    this.haysComplete = true;
  }

  private toHits(ranked: readonly Ranked[], q: ParsedQuery): Hit[] {
    return titleHits(ranked, q, (id) => hayTitle(this.hay(id)), (id) => this.docs[id].title);
  }
}
