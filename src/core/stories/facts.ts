// What the dashboard derives from every article, beside the list: its coins, its story
// (groupStories) and what the pulse and the hot order count by (sentiment, UTC day, source, tags,
// date, points), all in flat typed arrays indexed by article id. Computing them costs seconds at
// 100k articles (coin detection ~35 us and grouping ~100 us an article), so the dashboard does it
// on a worker thread (facts-worker.ts), which also counts the pulse and orders by hot over every
// match (facts-engine.ts). Per article they are an ArticleFacts (what the index keeps per file,
// index/stories-table.ts); FactsBuilder (facts-builder.ts) lays those out as Facts. Pure.
import { detectCoins, type CoinMention, type CoinSource } from '../coins/index.js';
import { canonicalSentiment } from '../text/index.js';
import type { StoryDoc } from './group.js';

/** What the facts are computed from, per article: the grouping input plus what the pulse and hot order count. */
export interface FactsInput extends StoryDoc {
  /** The article's file, by which the index keeps its lead paragraph (index/leads.ts) and its facts. */
  path: string;
  /** Outlet name as shown (`The Block`); `source` is its key. */
  sourceLabel: string;
  tags: readonly string[];
  /** Front-matter coin field values, as written (normalise.ts `coinFields`). */
  coinFields: readonly string[];
  sentiment: string | null;
  /** Front-matter `score` and `stickyWeight` (hot.ts). */
  score: number | null;
  stickyWeight: number;
  /** The date is the file's time, not one the article gives. */
  dateGuessed: boolean;
  /** The file's size and mtime as fileStamp writes them: what the index keeps its facts under. */
  stamp: string;
}

/** A file's stamp (size and mtime): stored facts are used only while the file's stamp is the same. */
export const fileStamp = (size: number, mtimeMs: number): string => `${size}:${mtimeMs}`;

/** A facet value (`decrypt`, `mining`) and how it is shown (`Decrypt`, `MINING`: the first spelling met). */
export interface FacetName {
  value: string;
  label: string;
}

/** The facts of one article, story aside: what the index keeps per file. */
export interface ArticleFacts {
  /** SENTIMENT_CODES index. */
  sentiment: number;
  /** Publication date (epoch ms), NaN when undated. */
  time: number;
  /** The hot score's points from the article itself: max(0, score) + (sticky ? 1 : 0); -1 when the date is only the file's time (hot.ts: no age, no score). */
  points: number;
  source: FacetName;
  /** Tags, lower-cased value and first spelling, each once. */
  tags: FacetName[];
  /** Tickers most trusted first, with COIN_SOURCES bits of where each was found. */
  coins: Array<[symbol: string, where: number]>;
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
  /** Publication date (epoch ms), NaN when undated. */
  time: Float64Array;
  /** ArticleFacts.points. */
  points: Float64Array;
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

/** The typed-array columns of Facts, each once: what factsBuffers transfers and facts-snapshot.ts copies out of its blob. */
export const FACTS_COLUMNS = ['story', 'size', 'sentiment', 'day', 'time', 'points', 'source', 'tagStart', 'tagIds', 'coinStart', 'coinIds', 'coinWhere'] as const;
/** A key of FACTS_COLUMNS. */
export type FactsColumn = (typeof FACTS_COLUMNS)[number];
// A typed-array field of Facts left out of FACTS_COLUMNS fails to compile here (it would stay a
// view into the snapshot's blob, and cross threads copied instead of transferred).
type Unlisted = Exclude<{ [K in keyof Facts]: Facts[K] extends ArrayBufferView ? K : never }[keyof Facts], FactsColumn>;
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** The sentiments in code order. */
export const SENTIMENT_CODES = ['positive', 'neutral', 'negative', 'none'] as const;
/** `day` of an undated article. */
export const NO_DAY = -0x80000000;
/** Where a coin can be found, in trust order: the bits of `coinWhere`. */
export const COIN_SOURCES: readonly CoinSource[] = ['front matter', 'tag', 'cashtag', 'title', 'description'];
const DAY_MS = 86_400_000;

/** Whether article i's date is only its file's time (`dateGuessed`): its `points` are -1 (articleFacts). */
export const dateGuessed = (f: Pick<Facts, 'points'>, i: number): boolean => f.points[i] < 0;

/** The UTC day code of a date (epoch ms, NaN when undated). */
export const dayOf = (time: number): number => (Number.isNaN(time) ? NO_DAY : Math.floor(time / DAY_MS));

/** The facts of one article (coin detection: ~35 us). */
export function articleFacts(a: FactsInput): ArticleFacts {
  const s = canonicalSentiment(a.sentiment);
  const tags: FacetName[] = [];
  const seen = new Set<string>();
  for (const t of a.tags) {
    const value = t.toLowerCase();
    if (seen.has(value)) continue;
    seen.add(value);
    tags.push({ value, label: t });
  }
  const coins = detectCoins({ title: a.title, description: a.description, tags: a.tags, coinFields: a.coinFields }).map(
    (m): [string, number] => [m.symbol, m.where.reduce((bits, w) => bits | (1 << COIN_SOURCES.indexOf(w)), 0)],
  );
  return {
    sentiment: s === null ? 3 : SENTIMENT_CODES.indexOf(s),
    time: a.publishedAt ?? Number.NaN,
    points: a.dateGuessed ? -1 : Math.max(0, a.score ?? 0) + (a.stickyWeight > 0 ? 1 : 0),
    source: { value: a.source, label: a.sourceLabel },
    tags,
    coins,
  };
}

const isName = (x: unknown): x is FacetName => typeof x === 'object' && x !== null && typeof (x as FacetName).value === 'string' && typeof (x as FacetName).label === 'string';
const isNames = (v: unknown): v is FacetName[] => Array.isArray(v) && v.every(isName);

/** `v` read back from disk (JSON: an undated article's time is null) as ArticleFacts, or null when it is not one (never trusted). */
export function storedArticleFacts(v: unknown): ArticleFacts | null {
  if (typeof v !== 'object' || v === null) return null;
  const f = { ...(v as ArticleFacts) };
  if ((f.time as number | null) === null) f.time = Number.NaN;
  return isArticleFacts(f) ? f : null;
}

/** Whether `v` is an ArticleFacts. */
export function isArticleFacts(v: unknown): v is ArticleFacts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as ArticleFacts;
  return (
    Number.isInteger(f.sentiment) && f.sentiment >= 0 && f.sentiment < 4 && typeof f.time === 'number' && Number.isFinite(f.points) && f.points >= -1 &&
    isName(f.source) && isNames(f.tags) &&
    Array.isArray(f.coins) && f.coins.every((c) => Array.isArray(c) && typeof c[0] === 'string' && Number.isInteger(c[1]) && c[1] >= 0 && c[1] < 1 << COIN_SOURCES.length)
  );
}

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
 * Whether `v` (from another thread or from disk) is the facts of an `n`-article corpus: every
 * array of the right type and length, every code naming an entry that exists.
 */
export function isFacts(v: unknown, n: number): v is Facts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Facts;
  if (f.n !== n || !isNames(f.sources) || !isNames(f.tags) || !Array.isArray(f.coins) || !f.coins.every((c) => typeof c === 'string')) return false;
  const typed = [f.story, f.size, f.day, f.source, f.tagStart, f.tagIds, f.coinStart, f.coinIds].every((a) => a instanceof Int32Array);
  if (!typed || !(f.sentiment instanceof Uint8Array) || !(f.coinWhere instanceof Uint8Array) || !(f.time instanceof Float64Array) || !(f.points instanceof Float64Array)) return false;
  if ([f.story, f.size, f.sentiment, f.day, f.source, f.time, f.points].some((a) => a.length !== n) || f.coinWhere.length !== f.coinIds.length) return false;
  return (
    within(f.story, 0, n) && within(f.size, 1, n + 1) && within(f.sentiment, 0, 4) && within(f.source, 0, f.sources.length) &&
    isStarts(f.tagStart, n, f.tagIds.length) && within(f.tagIds, 0, f.tags.length) &&
    isStarts(f.coinStart, n, f.coinIds.length) && within(f.coinIds, 0, f.coins.length)
  );
}

/** The buffers under the typed arrays of `facts`, each once, for a postMessage transfer list (shared memory left out: it is posted as it is). */
export function factsBuffers(f: Facts): ArrayBuffer[] {
  const buffers = FACTS_COLUMNS.map((k) => f[k].buffer);
  // Shared memory is posted, not transferred (postMessage refuses it in a transfer list).
  return [...new Set(buffers.filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer)))];
}

// One frozen mention per (coin, where bits) of a facts table, shared by every article that has it:
// the dashboard keeps every article's mentions (coins/ primeArticleCoins), and at 100k articles a
// new object and `where` list per mention held ~10 MB for a few hundred distinct values.
const mentionsOf = new WeakMap<Facts, Map<number, CoinMention>>();

/**
 * Article i's coins as articleCoins (coins/index.ts) gives them: tickers, most trusted first, with
 * where each was found. The mentions are frozen and shared between articles.
 */
export function coinMentionsOf(f: Facts, i: number): CoinMention[] {
  let shared = mentionsOf.get(f);
  if (!shared) mentionsOf.set(f, (shared = new Map()));
  const out: CoinMention[] = [];
  for (let c = f.coinStart[i]; c < f.coinStart[i + 1]; c++) {
    const bits = f.coinWhere[c];
    const key = f.coinIds[c] * 256 + bits;
    let mention = shared.get(key);
    if (!mention) {
      const where = Object.freeze(COIN_SOURCES.filter((_, k) => bits & (1 << k))) as CoinSource[];
      shared.set(key, (mention = Object.freeze({ symbol: f.coins[f.coinIds[c]], where })));
    }
    out.push(mention);
  }
  return out;
}
