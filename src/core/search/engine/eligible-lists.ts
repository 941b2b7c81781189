// The articles a search may list: those passing its exact filters (field filters, phrases, negated
// words, drafts), in date order, and those of them holding the free words the on-disk index
// answers for. SearchIndex asks for them by key (its search's filters, the corpus size, the index's
// coverage) and keeps the last lists (EligibleMemo), so that typing free words after the filters
// tests the filters once.
import type { Article } from '../../article.js';
import { compileIdFilters, EligibleMemo, filtersNeedHay, type TermHolder } from '../filters.js';
import type { Hay } from '../haystack.js';
import type { HayMasks } from '../hay-masks.js';
import type { ParsedQuery } from '../query.js';
import { BODY_DEPTH } from '../search-settings.js';
import { filterInIdOrder, passing, type FilterColumns } from '../filter-columns.js';
import { NO_HAY } from '../scans.js';
import { indexMarked, limitedMatches, wordsComing, type FirstMatches, type IndexTest, type Tested } from '../index-terms.js';
import type { Interim, WordSource } from '../../index/index.js';

/** What the lists are made of: SearchIndex's articles, their date order, haystacks and field columns. */
export interface ListSources {
  readonly docs: readonly Article[];
  /** The ids in date order, newest first. */
  order(): number[];
  hay(id: number): Hay;
  readonly columns: FilterColumns;
  readonly masks: HayMasks;
  /** The attached index's answers for negated words and coins, else null. */
  holder(): TermHolder | null;
  /** The attached on-disk index, else null. */
  words(): WordSource | null;
}

type Keep = ((id: number) => boolean) | null;

/** The eligible lists of SearchIndex's searches (see the file's head); `memo` is cleared when articles are added. */
export class EligibleLists {
  /** The last lists made, by key. */
  readonly memo = new EligibleMemo();

  constructor(private readonly src: ListSources) {}

  /** Exact filters over the date order, remembered while only the free words change. */
  eligible(key: string, q: ParsedQuery, includeDrafts: boolean, allBodies: boolean, keep: Keep, filters = this.idFilters(q, includeDrafts, keep)): number[] {
    const known = this.memo.get(key);
    if (known) return known;
    const ids = passing(this.src.order(), filters.byId, filters.rest, this.src.docs, this.filterHay(q), allBodies, BODY_DEPTH);
    this.memo.set(key, ids, q.terms.every((t) => t.kind === 'word' && !t.negate));
    return ids;
  }

  /**
   * The eligible articles holding the free words (`indexed`), in date order, tested in id order
   * (filterInIdOrder) when the test reads text, else in one pass (three over a million ids cost
   * ~30 ms more). Filter terms that read text (`solana -e`) are tested only on the articles the
   * index marked, not on every eligible one: 100k haystacks fewer.
   */
  indexedMatches(key: string, q: ParsedQuery, includeDrafts: boolean, allBodies: boolean, keep: Keep, indexed: IndexTest, interim: Interim | null): number[] {
    const { docs } = this.src;
    const filters = this.idFilters(q, includeDrafts, keep);
    const marked = filters.rest && !this.memo.get(key) ? indexMarked(this.src.words(), q, interim) : null;
    if (!marked || !filters.rest) return filterInIdOrder(this.eligible(key, q, includeDrafts, allBodies, keep, filters), docs.length, null, indexed, indexed.readsText);
    const { byId, rest } = filters, hayOf = this.filterHay(q);
    return filterInIdOrder(this.src.order(), docs.length, (id) => marked(id) && byId(id), (id, pos) => rest(docs[id], hayOf(id), allBodies || pos < BODY_DEPTH) && indexed(id));
  }

  /**
   * The list's rows found without listing every match, when limitedMatches can; the eligible list
   * is made here only when the filters read no text and it will serve again
   * (EligibleMemo.worthListing: at 1M each `tag:mi`, `solana -et` key made one of ~1M ids).
   */
  limitedRows(key: string, q: ParsedQuery, includeDrafts: boolean, keep: Keep, indexed: IndexTest | null, cap: number, interim: Interim | null): FirstMatches | Tested | null {
    const filters = this.idFilters(q, includeDrafts, keep), { rest } = filters, hayOf = this.filterHay(q);
    const listed = this.memo.get(key) ?? (!rest && this.memo.worthListing(key, q) ? this.eligible(key, q, includeDrafts, false, keep, filters) : null);
    const words = this.src.words();
    return limitedMatches(indexed, indexed && indexMarked(words, q, interim), listed, this.src.order(), filters.byId, rest && ((id, pos) => rest(this.src.docs[id], hayOf(id), pos < BODY_DEPTH)), cap, wordsComing(words, q));
  }

  private idFilters(q: ParsedQuery, includeDrafts: boolean, keep: Keep): ReturnType<typeof compileIdFilters> {
    const { columns } = this.src;
    return compileIdFilters(q, includeDrafts, this.src.holder(), (t) => columns.holds(t), keep, this.src.masks, (now) => columns.listedAt(now));
  }

  private filterHay(q: ParsedQuery): (id: number) => Hay {
    return filtersNeedHay(q) ? (id) => this.src.hay(id) : () => NO_HAY;
  }
}
