// The SQLite index kept on disk for a set of folders, behind the search's ArticleIndex interface
// (index/article-index.ts): updated from the walk and the files' stats (refresh.ts), queried
// through plans (index/query-plan.ts) and FTS5, its rows read only when asked for.

import type { LoadWarning } from '../article.js';
import { type ArticleIndex, type Candidates, type IndexedRow, type IndexQuery, type QueryPlan, planQuery, wordGroup, MIN_WORD, INDEX_WORD, startVocabulary } from '../index/index.js';
import { isRecord, R } from '../article-record.js';
import { beginRefresh, type Refreshed, type RefreshOptions } from './refresh.js';

/** The on-disk index of some folders as an ArticleIndex; `update()` before anything else. */
export class LocalIndex implements ArticleIndex {
  private state: { r: Refreshed; vocabulary: string; positionOf: (id: number) => number | undefined } | null = null;

  constructor(
    private readonly paths: string[],
    private readonly opts: RefreshOptions = {},
  ) {}

  async update(): Promise<boolean> {
    const begun = await this.begin();
    return begun !== null && (await begun.settle()) !== 'unusable';
  }

  /**
   * update() in two steps (load/refresh.ts beginRefresh): once the walk is matched to the index,
   * the index answers as if no file changed (`provisional`) while the files are stat-ed; settle()
   * then says whether that answer stands ('same'), the index was brought up to date and must be
   * asked again ('changed'), or it cannot answer ('unusable', closed). Null: no usable index.
   * Without `provisional` the index answers only after settle(). cancel() instead of settle()
   * drops the check and closes the index.
   */
  async begin(): Promise<{ provisional: boolean; settle: () => Promise<'same' | 'changed' | 'unusable'>; cancel: () => void } | null> {
    const checking = await beginRefresh(this.paths, this.opts);
    if (!checking) return null;
    if (checking.provisional && !(await this.use(checking.provisional))) {
      checking.cancel();
      return null;
    }
    return {
      provisional: checking.provisional !== null,
      settle: async () => {
        const r = await checking.settle();
        if (!r) {
          this.state = null;
          return 'unusable';
        }
        if (r === checking.provisional) return 'same';
        if (await this.use(r)) return 'changed';
        r.reader.close();
        this.state = null;
        return 'unusable';
      },
      cancel: () => {
        checking.cancel();
        this.state = null;
      },
    };
  }

  // Answers from `r` from now on; false when its vocabulary cannot be read.
  private async use(r: Refreshed): Promise<boolean> {
    const vocabulary = r.reader.storedVocabulary(r.changed ? undefined : r.rowsStamp) ?? (await startVocabulary(r.file));
    if (!vocabulary) return false;
    this.state = { r, vocabulary: vocabulary.text, positionOf: positions(r.rowOf, r.duplicate) };
    return true;
  }

  private get s(): NonNullable<LocalIndex['state']> {
    if (!this.state) throw new Error('LocalIndex: update() first');
    return this.state;
  }

  query(query: IndexQuery): Candidates | null {
    const { plan, passing, decided } = this.planned(query);
    return { ids: plan ? this.s.r.reader.planned(plan) : [], passing, decided };
  }

  /**
   * query() before anything is read but the count: how many articles pass the filters (as
   * `passing`) and what the plan decides, then `read()` for the selected rows themselves (ids
   * ascending as query() gives them; what rows() makes of them, in the walk's order) by the
   * statement that selects them. At 1M a common word's ~80k candidates were read twice, their ids
   * by the plan and then their rows by id (~0.25 s of CPU more). `selected`: rows the plan
   * selected, before rows()'s leaving out of rows not walked.
   */
  select(query: IndexQuery): Omit<Candidates, 'ids'> & { read: () => { selected: number; rows: IndexedRow[] | null } } {
    const { plan, passing, decided } = this.planned(query);
    const { reader } = this.s.r;
    return { passing, decided, read: () => (plan ? this.checked(reader.plannedArticles(plan)) : { selected: 0, rows: [] }) };
  }

  // The plan of `query` (null: nothing matches) and the count passing its filters when SQL decides them.
  private planned(query: IndexQuery): { plan: QueryPlan | null; passing: number | null; decided: readonly boolean[] } {
    const { r, vocabulary } = this.s;
    const plan = planQuery(query, vocabulary, !query.filtersOnly);
    if (plan === null) return { plan, passing: null, decided: query.terms.map(() => true) };
    const filters = query.filtersOnly ? plan : planQuery(query, vocabulary, false);
    // Links load once: the rows of their second paths pass in SQL but not in a full load.
    // Counted up to `countUpTo` past the duplicates, so that a count reaching it still reads as at least that many.
    const upTo = query.countUpTo === undefined ? undefined : query.countUpTo + r.duplicate.size;
    const passing = filters?.exact ? Math.max(0, r.reader.plannedCount(filters, upTo) - r.duplicate.size) : null;
    return { plan, passing, decided: plan.decided };
  }

  words(words: readonly string[]): { ids: number[]; rest: string[] } | null {
    const s = this.s;
    const groups: string[] = [];
    const rest: string[] = [];
    for (const word of new Set(words)) {
      const group = wordGroup(s.vocabulary, word);
      if (group === null) rest.push(word);
      else if (group === '') return { ids: [], rest: [] };
      else groups.push(group);
    }
    if (groups.length === 0) return null;
    return { ids: s.r.reader.matching(groups.join(' AND ')), rest };
  }

  /** The index's vocabulary (index/vocabulary.ts), for the typo rule (search/typos/typo-rule.ts). */
  get vocabulary(): string {
    return this.s.vocabulary;
  }

  /** The words of `words` the index has no answer for (words() leaves them in `rest`), without running the match. */
  leftToMemory(words: readonly string[]): string[] {
    const { vocabulary } = this.s;
    return [...new Set(words)].filter((word) => wordGroup(vocabulary, word) === null);
  }

  count(includeDrafts: boolean): number {
    return Math.max(0, this.s.r.reader.count(includeDrafts) - this.s.r.duplicate.size);
  }

  rows(ids: readonly number[]): IndexedRow[] | null {
    return this.checked(this.s.r.reader.articles(ids)).rows;
  }

  // Rows as read from the table ([id, article JSON]), each parsed as it comes (the JSON texts of
  // ~80k rows are not all held at once) and checked, in the walk's order: null when one does not
  // read back well; `selected` counts the rows read, walked or not.
  private checked(read: Iterable<[number, string]>): { selected: number; rows: IndexedRow[] | null } {
    const { r, positionOf } = this.s;
    const out: Array<IndexedRow & { at: number }> = [];
    let selected = 0;
    for (const [id, json] of read) {
      selected++;
      const at = positionOf(id);
      if (at === undefined) continue;
      let record: unknown;
      try {
        record = JSON.parse(json);
      } catch {
        return { selected, rows: null };
      }
      // A row that does not read back well: only a full load (which parses the file again) can say.
      if (!isRecord(record) || record[R.path] !== r.paths[at]) return { selected, rows: null };
      out.push({ id, record, at });
    }
    return { selected, rows: out.sort((a, b) => a.at - b.at).map(({ id, record }) => ({ id, record })) };
  }

  async readBody(id: number): Promise<string> {
    const row = this.rows([id])?.[0];
    if (!row) return '';
    // The parser only when a body is asked for: checking and querying the index never loads it.
    const { LazyArticle } = await import('./lazy-article.js');
    return LazyArticle.fromRecord(row.record, 0, null, this.s.r.cap).body;
  }

  /** The read cap the rows were built with (for articles made from them). */
  get cap(): number {
    return this.s.r.cap;
  }

  warnings(): LoadWarning[] {
    const { r, positionOf } = this.s;
    const perFile = r.fileWarnings.slice();
    for (const [id, json] of r.reader.warned()) {
      const at = positionOf(id);
      if (at === undefined) continue;
      let list: unknown;
      try {
        list = JSON.parse(json);
      } catch {
        continue;
      }
      if (Array.isArray(list) && list.length > 0) perFile.push({ at, warning: { path: r.paths[at], reason: list.map(String).join('; ') } });
    }
    perFile.sort((a, b) => a.at - b.at);
    return [...r.walkWarnings, ...perFile.map((w) => w.warning)];
  }

  close(): void {
    this.state?.r.reader.close();
    this.state = null;
  }
}

/**
 * Row id -> walk position, for the rows a full load would load (a link's second path does not):
 * a typed array over the ids when they are dense (AUTOINCREMENT ids of one build are), which at
 * 100k costs ~1 ms against ~20 ms for a Map; a Map when rewrites have spread them out.
 */
function positions(rowOf: Int32Array, duplicate: ReadonlySet<number>): (id: number) => number | undefined {
  let max = -1;
  for (let i = 0; i < rowOf.length; i++) if (rowOf[i] > max) max = rowOf[i];
  if (max < 4 * rowOf.length + 1024) {
    const at = new Int32Array(max + 1).fill(-1);
    rowOf.forEach((id, i) => {
      if (id >= 0 && !duplicate.has(i)) at[id] = i;
    });
    return (id) => (id >= 0 && id <= max && at[id] >= 0 ? at[id] : undefined);
  }
  const map = new Map<number, number>();
  rowOf.forEach((id, i) => {
    if (id >= 0 && !duplicate.has(i)) map.set(id, i);
  });
  return (id) => map.get(id);
}

/** Whether the index answers for `word` at all (see query-plan.ts): long enough and plain ASCII. */
export const answersWord = (word: string): boolean => word.length >= MIN_WORD && INDEX_WORD.test(word);
