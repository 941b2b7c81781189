// What the dashboard derives from every article once per load, beside the list: its coins, its
// story (groupStories) and the codes the pulse counts by (sentiment, UTC day, source, tags), all in
// flat typed arrays indexed by article id. Computing them costs seconds at 100k articles (coin
// detection ~35 us and grouping ~100 us an article), so the dashboard does it on a worker thread
// (facts-worker.ts); with them, counting the pulse or ordering by hot over every match of a query
// is a loop over integers (pulse/facts-count.ts). Pure: inputs in, facts out.
import { detectCoins, type CoinMention, type CoinSource } from '../coins/index.js';
import { canonicalSentiment } from '../search/index.js';
import { groupStories, type StoryDoc } from './group.js';

/** What the facts are computed from, per article: the grouping input plus what the pulse counts. */
export interface FactsInput extends StoryDoc {
  /** The article's file, by which the index keeps its lead paragraph (index/leads.ts). */
  path: string;
  /** Outlet name as shown (`The Block`); `source` is its key. */
  sourceLabel: string;
  tags: readonly string[];
  /** Front-matter coin field values, as written (normalise.ts `coinFields`). */
  coinFields: readonly string[];
  sentiment: string | null;
}

/** A facet value (`decrypt`, `mining`) and how it is shown (`Decrypt`, `MINING`: the first spelling met). */
export interface FacetName {
  value: string;
  label: string;
}

/** Per-article facts, indexed by article id 0..n-1. Lists (tags, coins) are CSR: `tagIds[tagStart[i] .. tagStart[i+1])`. */
export interface Facts {
  n: number;
  /** Id of the earliest article of i's story (i when alone), and the story's size. */
  story: Int32Array;
  size: Int32Array;
  /** SENTIMENT_CODES index: 0 positive, 1 neutral, 2 negative, 3 none. */
  sentiment: Uint8Array;
  /** Days since the epoch (UTC) of the publication date, NO_DAY when undated. */
  day: Int32Array;
  source: Int32Array;
  sources: FacetName[];
  tagStart: Int32Array;
  tagIds: Int32Array;
  tags: FacetName[];
  coinStart: Int32Array;
  /** Index into `coins` (tickers), most trusted first, as articleCoins lists them. */
  coinIds: Int32Array;
  /** Bit k set: the coin was found in COIN_SOURCES[k]. */
  coinWhere: Uint8Array;
  coins: string[];
}

/** The sentiments in code order. */
export const SENTIMENT_CODES = ['positive', 'neutral', 'negative', 'none'] as const;
/** `day` of an undated article. */
export const NO_DAY = -0x80000000;
/** Where a coin can be found, in trust order: the bits of `coinWhere`. */
export const COIN_SOURCES: readonly CoinSource[] = ['front matter', 'tag', 'cashtag', 'title', 'description'];
const DAY_MS = 86_400_000;

// Interns facet values: value -> code, keeping the first label met.
class Names {
  readonly list: FacetName[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string, label: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.list.length;
      this.codes.set(value, c);
      this.list.push({ value, label });
    }
    return c;
  }
}

// A growable Int32Array, for the CSR lists.
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The facts of articles 0..n-1 (`inputs[i]` is article i's); with `group` false every article is its own story. */
export function computeFacts(inputs: readonly FactsInput[], group = true): Facts {
  const n = inputs.length;
  const sentiment = new Uint8Array(n);
  const day = new Int32Array(n);
  const source = new Int32Array(n);
  const tagStart = new Int32Array(n + 1);
  const coinStart = new Int32Array(n + 1);
  const tagIds = new Ints();
  const coinIds = new Ints();
  const where: number[] = [];
  const sources = new Names();
  const tags = new Names();
  const coins = new Names();
  for (let i = 0; i < n; i++) {
    const a = inputs[i];
    const s = canonicalSentiment(a.sentiment);
    sentiment[i] = s === null ? 3 : SENTIMENT_CODES.indexOf(s);
    day[i] = a.publishedAt === null ? NO_DAY : Math.floor(a.publishedAt / DAY_MS);
    source[i] = sources.code(a.source, a.sourceLabel);
    tagStart[i] = tagIds.length;
    const seen = new Set<string>();
    for (const t of a.tags) {
      const value = t.toLowerCase();
      if (seen.has(value)) continue;
      seen.add(value);
      tagIds.push(tags.code(value, t));
    }
    coinStart[i] = coinIds.length;
    for (const m of detectCoins({ title: a.title, description: a.description, tags: a.tags, coinFields: a.coinFields })) {
      coinIds.push(coins.code(m.symbol, m.symbol));
      where.push(m.where.reduce((bits, w) => bits | (1 << COIN_SOURCES.indexOf(w)), 0));
    }
  }
  tagStart[n] = tagIds.length;
  coinStart[n] = coinIds.length;
  const { story, size } = group ? groupStories(inputs) : { story: Int32Array.from({ length: n }, (_, i) => i), size: new Int32Array(n).fill(1) };
  return {
    n,
    story,
    size,
    sentiment,
    day,
    source,
    sources: sources.list,
    tagStart,
    tagIds: tagIds.done(),
    tags: tags.list,
    coinStart,
    coinIds: coinIds.done(),
    coinWhere: Uint8Array.from(where),
    coins: coins.list.map((c) => c.value),
  };
}

/** Article i's coins as articleCoins (coins/index.ts) gives them: tickers, most trusted first, with where each was found. */
export function coinMentionsOf(f: Facts, i: number): CoinMention[] {
  const out: CoinMention[] = [];
  for (let c = f.coinStart[i]; c < f.coinStart[i + 1]; c++) {
    const bits = f.coinWhere[c];
    out.push({ symbol: f.coins[f.coinIds[c]], where: COIN_SOURCES.filter((_, k) => bits & (1 << k)) });
  }
  return out;
}

const isNames = (v: unknown): v is FacetName[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as FacetName).value === 'string' && typeof (x as FacetName).label === 'string');
const within = (a: ArrayLike<number>, lo: number, hi: number): boolean => {
  for (let i = 0; i < a.length; i++) if (!(a[i] >= lo && a[i] < hi)) return false;
  return true;
};
// CSR offsets: n + 1 of them, from 0, never decreasing, ending at the list's length.
const isStarts = (starts: Int32Array, n: number, length: number): boolean => {
  if (starts.length !== n + 1 || starts[0] !== 0 || starts[n] !== length) return false;
  for (let i = 0; i < n; i++) if (starts[i + 1] < starts[i]) return false;
  return true;
};

/**
 * Whether `v` (read back from disk, so never trusted) is the facts of an `n`-article corpus: every
 * array of the right type and length, every code naming an entry that exists.
 */
export function isFacts(v: unknown, n: number): v is Facts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Facts;
  if (f.n !== n || !isNames(f.sources) || !isNames(f.tags) || !Array.isArray(f.coins) || !f.coins.every((c) => typeof c === 'string')) return false;
  const typed = [f.story, f.size, f.day, f.source, f.tagStart, f.tagIds, f.coinStart, f.coinIds].every((a) => a instanceof Int32Array);
  if (!typed || !(f.sentiment instanceof Uint8Array) || !(f.coinWhere instanceof Uint8Array)) return false;
  if ([f.story, f.size, f.sentiment, f.day, f.source].some((a) => a.length !== n) || f.coinWhere.length !== f.coinIds.length) return false;
  return (
    within(f.story, 0, n) && within(f.size, 1, n + 1) && within(f.sentiment, 0, 4) && within(f.source, 0, f.sources.length) &&
    isStarts(f.tagStart, n, f.tagIds.length) && within(f.tagIds, 0, f.tags.length) &&
    isStarts(f.coinStart, n, f.coinIds.length) && within(f.coinIds, 0, f.coins.length)
  );
}

/** The buffers under the typed arrays of `facts`, each once (facts read back from disk share one), for a postMessage transfer list. */
export function factsBuffers(f: Facts): ArrayBuffer[] {
  return [...new Set([f.story, f.size, f.sentiment, f.day, f.source, f.tagStart, f.tagIds, f.coinStart, f.coinIds, f.coinWhere].map((a) => a.buffer as ArrayBuffer))];
}
