// The dashboard's facts (core/stories/facts.ts: coins, stories, the pulse's and hot order's
// codes), held by a FactsService (core/stories/facts-background.ts) on the facts worker for the
// whole session: loaded once the corpus is (read back from the index when no file changed), then
// kept up to date by live updates (the articles added, and the stories they touch, counted at
// once; no recompute of the corpus), and asked for each result's aggregate (ui/pulse/use-aggregate.ts).
// What the worker found is handed over in slices between keys (the coins of 100k articles, for
// `coin:` filters). Updates run one at a time, in order.
import type { Article } from './core/article.js';
import type { SearchIndex } from './core/search/index.js';
import type { CoinMention, KnownCoins } from './core/coins/index.js';
import { type Facts, type FactsChange, type FactsCounter, type FactsProgress, type FactsService, type StoryInfo, type StoryMap, WINDOW_MS, nearAny } from './core/stories/index.js';

/** What one computation gives the dashboard: the facts, and the stories unless grouping is off. */
export interface ComputedFacts {
  facts: Facts;
  stories: StoryMap | null;
  storyOf: ((a: Article) => StoryInfo) | undefined;
}

/** Where the facts come from and go to. */
export interface FactsRunnerOptions {
  index: SearchIndex;
  /**
   * Fold the list by story (false: `--no-group`: no story map is handed over). The worker groups
   * stories either way: the hot order counts each article's story size, folded or not.
   */
  group: boolean;
  /** The on-disk index the facts are kept in between runs; null with `--no-cache`. */
  cacheFile: string | null;
  /** True once the dashboard closed: work stops and nothing more is handed over. */
  finished: () => boolean;
  onFacts: (computed: ComputedFacts) => void;
  /** The facts of the warm start's page (warm()), for as long as that page is shown. */
  onWarmFacts?: (computed: ComputedFacts) => void;
  /** How far the facts' first computation over a big folder got (facts-stream.ts), as it goes: counts can be asked for meanwhile. */
  onProgress?: (progress: FactsProgress) => void;
  /** The warm page's facts asked for before the UI loaded (readWarmFacts): its service is the session's. */
  early?: Promise<EarlyFacts> | null;
}

/**
 * Whether the list's rows are one per article while its stories are being grouped: grouping on
 * (`group`), no `stories` yet, the list whole (`listWhole`: a warm start's page, or a cold load
 * done; rows streaming in during a load are no order to wait for) and no first computation over a
 * big folder under way (`progress`: it may take minutes). Keys that act on rows then wait for the
 * stories (ui/list/order-wait.ts, at most a few seconds).
 */
export function storiesComing(o: { group: boolean; stories: StoryMap | null; listWhole: boolean; progress: FactsProgress | null }): boolean {
  return o.group && o.stories === null && o.listWhole && o.progress === null;
}

/** A FactsService started early and its answer for the warm page. */
export interface EarlyFacts {
  service: FactsService;
  facts: Facts | null;
}

/**
 * Starts the facts worker and asks it for the warm page's facts (`rowIds`: the page's index rows)
 * in the index kept for `paths` at once, while React and ink load on this thread: the worker's
 * start and the snapshot's read then overlap them, and the facts are there by the UI's first
 * frame. `finished`: as dashboardFacts'.
 */
export async function readWarmFacts(paths: readonly string[], rowIds: Int32Array, finished: () => boolean): Promise<EarlyFacts> {
  const [{ FactsService }, { cacheDirectory, indexFile }] = await Promise.all([import('./core/stories/index.js'), import('./core/index/index.js')]);
  const service = new FactsService({ shouldStop: finished, group: true, cacheFile: indexFile(cacheDirectory(), paths) });
  return { service, facts: await service.warm(rowIds) };
}

/** The dashboard's handle on its facts. */
export interface DashboardFacts {
  /** Counts each result's aggregate on the facts worker (stable for the session). */
  counter: FactsCounter;
  /**
   * Loads the facts of every article in the index (once). `rowIds` (the load's indexIds) lets the
   * facts worker read the articles from the on-disk index instead of this thread building and
   * posting their inputs. `listed`: settles once the load has made every article (default: at
   * once); until then the worker reads the index (its rows told early: LoadOptions.onRowIds),
   * and the warm page's facts stay.
   */
  load(rowIds?: Int32Array | null, listed?: Promise<unknown>): void;
  /**
   * The load's facts at once, when they were computed before its list was made (null: they come
   * to onFacts when ready). Called as the list is made, before it is drawn: the list's first
   * full frame then shows its stories.
   */
  handOverNow(): ComputedFacts | null;
  /**
   * Reads the facts of the warm start's page (`index`, its articles' index rows `rowIds`) from the
   * facts snapshot kept in the index, on the facts worker, and hands them to onWarmFacts (not when
   * there are none, or load() was called meanwhile: the page is gone then). Counts over the page
   * are made here until load()'s facts arrive.
   */
  warm(index: SearchIndex, rowIds: Int32Array): void;
  /** A live update was merged: the articles appended since the last call, and the ids hidden now. */
  changed(gone: readonly number[]): void;
  /** Ends the worker (after it stored what it computed). */
  close(): void;
}

/**
 * Article `id`'s coins in `facts` (mentionsOf: stories/ coinMentionsOf), each distinct list made
 * once and shared by the articles that have it (a few thousand lists for a million articles), an
 * article's found on first ask.
 */
export function sharedCoinLists(facts: Facts, mentionsOf: (f: Facts, id: number) => CoinMention[]): (id: number) => readonly CoinMention[] {
  const listOf = new Int32Array(facts.n).fill(-1);
  const lists: Array<readonly CoinMention[]> = [NO_COINS];
  const byKey = new Map<string, number>();
  return (id) => {
    let k = listOf[id];
    if (k < 0) {
      let key = '';
      for (let c = facts.coinStart[id]; c < facts.coinStart[id + 1]; c++) key += `${facts.coinIds[c]}:${facts.coinWhere[c]},`;
      k = key === '' ? 0 : (byKey.get(key) ?? -1);
      if (k < 0) {
        k = lists.length;
        lists.push(Object.freeze(mentionsOf(facts, id)));
        byKey.set(key, k);
      }
      listOf[id] = k;
    }
    return lists[k];
  };
}

const NO_COINS: readonly CoinMention[] = Object.freeze([]);

/** What a hand-over of facts uses. */
interface Handing {
  stories: typeof import('./core/stories/index.js');
  coins: typeof import('./core/coins/index.js');
}
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The facts of the dashboard's index, loaded and updated on the facts worker. Never throws. */
export function dashboardFacts(o: FactsRunnerOptions): DashboardFacts {
  let service: FactsService | null = null;
  let known = 0;
  let loaded = false;
  let gone: number[] = [];
  let queue: Promise<void> = Promise.resolve();
  const article = (id: number): Article => o.index.article(id);
  const later = (work: () => Promise<void>): void => {
    // Without facts the list stays flat and the pulse counts the list's own hits.
    queue = queue.then(work).catch(() => {});
  };
  // Takes back the coins source this dashboard gave the coins module (useKnownCoins), on close.
  let forgetCoins: (() => void) | null = null;
  // The modules a hand-over needs, loaded once (with the facts' first use): the hand-over of facts
  // already computed when the list is made can then be synchronous (handOverNow).
  let modules: Handing | null = null;
  const handing = async (): Promise<Handing> => (modules ??= { stories: await import('./core/stories/index.js'), coins: await import('./core/coins/index.js') });
  // Hands facts over: every article's coins as the facts have them (asked for as articles are drawn
  // or filtered, not primed a million at a time), then the stories.
  const giveCoins = (facts: Facts, { stories: { coinMentionsOf }, coins: { useKnownCoins } }: Handing): void => {
    const lists = sharedCoinLists(facts, coinMentionsOf);
    const source: KnownCoins = (a) => (a.id >= 0 && a.id < facts.n && article(a.id) === a ? lists(a.id) : undefined);
    useKnownCoins(source);
    forgetCoins = () => {
      // Another dashboard's source (a later one in the same process) stays.
      const now = useKnownCoins(null);
      if (now !== source) useKnownCoins(now);
    };
  };
  const giveStories = (facts: Facts, { stories: { storyMapOf, storyInfoOf } }: Handing): ComputedFacts => {
    const stories = o.group ? storyMapOf(facts, article) : null;
    const storyOf = stories ? storyInfoOf(stories, article) : undefined;
    known = facts.n;
    loaded = true;
    return { facts, stories, storyOf };
  };
  const deliver = async (facts: Facts): Promise<void> => {
    const m = await handing();
    if (o.finished()) return;
    giveCoins(facts, m);
    await nextTurn();
    if (!o.finished()) o.onFacts(giveStories(facts, m));
  };
  // The load's facts once computed (before its list is made, when asked for early), and whether they were handed over.
  let computedEarly: Facts | null = null;
  let handedOver = false;
  // The warm page's facts, counted on this thread (a page: a thousand articles) until the load's arrive.
  let pageFacts: Facts | null = null;
  let loadAsked = false;
  // The load's list is made: its facts replace the page's.
  const listMade = (): void => {
    loadAsked = true;
    pageFacts = null;
  };
  const counter: FactsCounter = {
    count: async (ids, hot, now) => {
      if (!loaded && pageFacts) {
        const { countFacts } = await import('./core/stories/index.js');
        return countFacts(pageFacts, ids, hot, now);
      }
      return service?.count(ids, hot, now) ?? null;
    },
  };
  const startService = async (): Promise<FactsService> => {
    if (o.early) service ??= (await o.early).service;
    if (!service) {
      const { FactsService } = await import('./core/stories/index.js');
      // Grouped with `--no-group` too: the hot order's story sizes (only the folding is off).
      service = new FactsService({ shouldStop: o.finished, group: true, cacheFile: o.cacheFile });
    }
    // Heard only until the facts are handed over (deliver): a live update's are whole.
    service.onProgress = (progress) => void (!loaded && !o.finished() && o.onProgress?.(progress));
    return service;
  };
  return {
    counter,
    warm: (index, rowIds) =>
      later(async () => {
        if (!o.cacheFile || loadAsked || o.finished()) return;
        const facts = o.early ? (await o.early).facts : await (await startService()).warm(rowIds);
        if (!facts || loadAsked || o.finished()) return;
        const { storyMapOf } = await import('./core/stories/index.js');
        const { primeArticleCoins } = await import('./core/coins/index.js');
        const { coinMentionsOf } = await import('./core/stories/index.js');
        for (let id = 0; id < facts.n; id++) primeArticleCoins(index.article(id), coinMentionsOf(facts, id));
        pageFacts = facts;
        o.onWarmFacts?.({ facts, stories: o.group ? storyMapOf(facts, (id) => index.article(id)) : null, storyOf: undefined });
      }),
    load: (rowIds = null, listed = Promise.resolve()) => {
      const loading = listed.then(listMade);
      later(async () => {
        const computed = (await startService()).load(article, rowIds?.length ?? o.index.size, rowIds, loading);
        // Awaited once the list is made: a failure before then is handled there.
        computed.then((facts) => void (computedEarly = facts), () => {});
        await handing();
        await loading;
        const facts = await computed;
        if (facts && !handedOver && !o.finished()) {
          handedOver = true;
          await deliver(facts);
        }
        // Articles that arrived while loading are counted now.
        if (facts && (o.index.size > facts.n || gone.length)) changed([]);
      });
    },
    handOverNow: () => {
      if (!computedEarly || !modules || handedOver || o.finished()) return null;
      listMade();
      handedOver = true;
      giveCoins(computedEarly, modules);
      return giveStories(computedEarly, modules);
    },
    changed,
    close: () => {
      service?.close();
      forgetCoins?.();
    },
  };

  function changed(ids: readonly number[]): void {
    // One by one: a live update that removes a whole folder can bring more ids than a spread takes as arguments.
    for (const id of ids) gone.push(id);
    later(async () => {
      if (!service || !loaded || o.finished()) return;
      const { factsInput } = await import('./core/stories/index.js');
      const change = changeSince(known, gone, factsInput);
      gone = [];
      if (change.added.length === 0 && change.gone.length === 0) return;
      const facts = await service.change(change);
      if (facts && !o.finished()) await deliver(facts);
    });
  }

  // The update since the facts last covered `from` articles: the new articles, the hidden ones
  // with their dates, and the grouping input of every other article near enough to share a story
  // with one of them (two story windows: core/stories/regroup.ts).
  function changeSince(from: number, hidden: readonly number[], input: (a: Article) => FactsChange['added'][number]): FactsChange {
    const n = o.index.size;
    const added = Array.from({ length: n - from }, (_, k) => input(article(from + k)));
    const goneNow = hidden.map((id) => ({ id, path: article(id).path, publishedAt: article(id).publishedAt }));
    const context: FactsChange['context'][number][] = [];
    const near = nearAny([...added.map((a) => a.publishedAt ?? Number.NaN), ...goneNow.map((g) => g.publishedAt ?? Number.NaN)], 2 * WINDOW_MS);
    const skip = new Set(hidden);
    for (let id = 0; id < from; id++) {
      const t = article(id).publishedAt;
      if (t !== null && near(t) && !skip.has(id)) context.push({ id, input: input(article(id)) });
    }
    return { added, gone: goneNow, context };
  }
}
