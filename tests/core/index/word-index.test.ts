// Free words answered by the on-disk index must give exactly what the in-memory search gives by
// reading every body: the same hits in the same order and, with a limit, the exact count (the
// in-memory search stops counting at its cap). Checked on a generated corpus larger than the cap,
// plus the bundled articles (accents, non-ASCII text) and a hostile folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import type { Article } from '../../../src/core/article.js';
import { indexFile } from '../../../src/core/index/database.js';
import { tokensContaining } from '../../../src/core/index/vocabulary.js';
import { anyMark, hasMark, markRows } from '../../../src/core/index/fts.js';
import { nearestTokens, type ThreadReads, WordIndex } from '../../../src/core/index/word-index.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { BODY_DEPTH, SearchIndex, type SearchResult } from '../../../src/core/search/search.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { writeHostileCorpus } from '../../helpers/hostile-corpus.js';
import { makeArticle } from '../../helpers/make-article.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
let root: string;
let hostile: string;
let articles: Article[];
let words: WordIndex;
let reload: (threadReads?: ThreadReads) => Promise<{ articles: Article[]; words: WordIndex }>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-words-'));
  const corpus = path.join(root, 'news');
  const made = await runNode([path.join(repo, 'scripts', 'gen-corpus.mjs'), '1500', path.join(corpus, 'generated')]);
  expect(made.status).toBe(0);
  fs.cpSync(path.join(repo, 'data', 'news'), path.join(corpus, 'bundled'), { recursive: true });
  hostile = writeHostileCorpus().dir;
  const roots = [corpus, hostile];
  const cacheDir = path.join(root, 'cache');
  // The full text is built after the rows, on a thread: the word index answers once it is done.
  expect(await (await loadCorpus(roots, { cacheDir })).fullText).toBe(true);
  // The second load is a warm one: rows from the index, as a later run sees them.
  const loaded = await loadCorpus(roots, { cacheDir });
  expect(await loaded.fullText).toBe(true);
  articles = loaded.articles;
  expect(loaded.indexIds?.length).toBe(articles.length);
  words = (await WordIndex.open(indexFile(cacheDir, roots), loaded.indexIds!))!;
  expect(words).not.toBeNull();
  // Another warm load: articles whose bodies no search has read yet.
  reload = async (threadReads) => {
    const again = await loadCorpus(roots, { cacheDir });
    return { articles: again.articles, words: (await WordIndex.open(indexFile(cacheDir, roots), again.indexIds!, undefined, threadReads))! };
  };
}, 180_000);
afterAll(() => {
  words?.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(hostile, { recursive: true, force: true });
});

const QUERIES = [
  'bitcoin', 'coin', 'etf sec', 'solana fees', 'halcyon mining', 'tag:mining bitcoin', 'bitcoin -etf', 'zzqx', 'bitconi',
  'regulator delays decision', 'mining since:2025-06-01', 'sao paulo', 'validators', 'fork', 'sentiment:negative exchange', '2025',
  'regulator d', 'etf s', 'bitcoin são', 'mining e', 'ana',
  // Negated words and coins decided by the index (index-terms.ts), beside words and fields.
  '-etf', 'bitcoin -etf -sec', 'coin:btc', 'coin:sol', '-coin:eth solana', 'coin:sol -etf', '-sentiment:positive -etf',
  'solana -et', '-zzqx bitcoin', 'source:decrypt -bitcoin', '-"spot etf" bitcoin',
];

describe('free words from the index', () => {
  it.each(QUERIES)('%s: the same hits as reading every body, and the exact count', (query) => {
    const memory = new SearchIndex(articles);
    const indexed = new SearchIndex(articles);
    indexed.useWords(words);
    const all = memory.search(query);
    expect(indexed.search(query)).toEqual(all);
    const limited = indexed.search(query, { limit: 50 });
    expect(limited.hits).toEqual(memory.search(query, { limit: 50 }).hits);
    expect(limited.total).toBe(all.total);
    expect(limited.approximate).toBe(false);
  });

  it('answers for ASCII words only; other words, and words too short to narrow anything, are left to the in-memory search', () => {
    expect(words.containing(['bitcoin'])?.rest).toEqual([]);
    expect(words.containing(['são'])).toBeNull();
    expect(words.containing(['btc/usd'])).toBeNull();
    expect(words.containing(['e'])).toBeNull();
    expect(words.containing(['bitcoin', 'são', 'e'])?.rest).toEqual(['são', 'e']);
  });

  it('decides negated words and coins without reading a body, every article counted', async () => {
    const fresh = await reload();
    try {
      const indexed = new SearchIndex(fresh.articles);
      indexed.useWords(fresh.words);
      const wanted: string[] = [];
      indexed.deferBodies((query) => wanted.push(query));
      const reference = new SearchIndex(articles);
      for (const query of ['-etf', 'coin:sol', 'bitcoin -etf -sec', '-coin:btc mining', 'source:decrypt -bitcoin']) {
        const got = indexed.search(query, { limit: 50 });
        expect(got.approximate, query).toBe(false);
        expect(got.total, query).toBe(reference.search(query).total);
      }
      expect(wanted).toEqual([]);
      // A phrase is looked for in the bodies themselves: those not read yet are asked for.
      expect(indexed.search('"spot etf" -solana', { limit: 50 }).approximate).toBe(true);
      expect(wanted).toEqual(['"spot etf" -solana']);
    } finally {
      fresh.words.close();
    }
  });

  it('answers on a thread, once asked to, the words it leaves to memory: every body decided, counts exact', async () => {
    const fresh = await reload();
    try {
      let answered = 0;
      let wake: (() => void) | null = null;
      fresh.words.answerLater(() => {
        answered += 1;
        wake?.();
      });
      // Bodies not in memory are left unread (the dashboard's deferBodies): only the index can decide them.
      const indexed = new SearchIndex(fresh.articles);
      indexed.useWords(fresh.words);
      const wanted: string[] = [];
      indexed.deferBodies((query) => wanted.push(query));
      const reference = new SearchIndex(articles);
      for (const query of ['regulator de', 'solana -et', '-se coin:eth', 'mining e', 'etf s', 'bitcoin zq']) {
        const before = fresh.words.version;
        const first = indexed.search(query, { limit: 50 });
        // The search says its count is coming while a word of it is read (a newer ask drops an older one: asked again by the next search).
        for (let round = 0; round < 4 && indexed.search(query, { limit: 50 }).counting; round++) await new Promise<void>((resolve) => (wake = resolve));
        // A first answer short of the truth (a lower bound, or a negated word decided on the newest bodies only) says so.
        if (first.approximate || first.total !== reference.search(query).total) expect(first.counting, query).toBe(true);
        wanted.length = 0;
        const got = indexed.search(query, { limit: 50 });
        const all = reference.search(query);
        expect(got.approximate, query).toBe(false);
        expect(got.total, query).toBe(all.total);
        expect(got.hits.map((h) => h.id), query).toEqual(reference.search(query, { limit: 50 }).hits.map((h) => h.id));
        expect(wanted, query).toEqual([]);
        if (first.approximate) expect(fresh.words.version, query).toBeGreaterThan(before);
      }
      expect(answered).toBeGreaterThan(0);
      expect(fresh.words.containing(['e'])?.rest).toEqual([]);
    } finally {
      fresh.words.close();
    }
  });

  it('reads a limited search\'s new tokens on a thread: answered meanwhile from the bodies in memory, the exact answer\'s rows, then exactly', async () => {
    // Every size reads on the thread here, and a key does not wait: the thread, not started yet, cannot have read them.
    const fresh = await reload({ from: 0, waitMs: 0 });
    try {
      let wake: (() => void) | null = null;
      fresh.words.answerLater(() => wake?.());
      const indexed = new SearchIndex(fresh.articles);
      indexed.useWords(fresh.words);
      const reference = new SearchIndex(articles);
      // The newest bodies in memory, as the dashboard reads them ahead (body-preload.ts) and the bench's prepare() does.
      await preloadBodies(indexed.newest(BODY_DEPTH));
      // The tokens this thread reads itself (its statement's reads of one token each).
      const own = fresh.words as unknown as { match: { get: (token: string) => unknown } };
      const get = own.match.get.bind(own.match);
      const here: string[] = [];
      own.match.get = (token) => (here.push(token), get(token));
      // `the` is in the titles of most of the newest articles: answered meanwhile.
      const query = 'the bitcoin';
      const first = indexed.search(query, { limit: 50 });
      expect(first.counting).toBe(true);
      expect(fresh.words.coming('the')).toBe(true);
      // Meanwhile the rows listed are the exact answer's, in its order: nothing jumps once the read is in.
      expect(first.hits).toEqual(reference.search(query, { limit: 50 }).hits);
      while (indexed.search(query, { limit: 50 }).counting) await new Promise<void>((resolve) => (wake = resolve));
      expect(fresh.words.coming('the')).toBe(false);
      // The thread's bitmaps are kept: no token of `the` was read again here on its own (a MATCH of
      // every word together, marksTogether, reads no token's whole list).
      expect(here.filter((t) => /^"[^"]*"$/.test(t) && t.includes('the'))).toEqual([]);
      const got = indexed.search(query, { limit: 50 });
      expect(got.approximate).toBe(false);
      expect(got.total).toBe(reference.search(query).total);
      expect(got.hits).toEqual(reference.search(query, { limit: 50 }).hits);
      // The thread's bitmaps mark what the index read on this thread marks.
      expect(fresh.words.containing(['the', 'bitcoin'], () => true)).toEqual(words.containing(['the', 'bitcoin']));
    } finally {
      fresh.words.close();
    }
  });

  it('waits for the thread\'s read when the bodies in memory cannot give the exact answer\'s rows meanwhile, reading no body from its file', async () => {
    const fresh = await reload({ from: 0, waitMs: 0 });
    try {
      let told = 0;
      fresh.words.answerLater(() => (told += 1));
      const indexed = new SearchIndex(fresh.articles);
      indexed.useWords(fresh.words);
      const reference = new SearchIndex(articles);
      // No body in memory: an answer meanwhile would search every body as empty.
      const query = 'the bitcoin';
      const first = indexed.search(query, { limit: 50 });
      // The key waited for the batch and answered with it: its message, in after this turn, asks nothing again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(told).toBe(0);
      expect(first.counting).toBeUndefined();
      expect(first.approximate).toBe(false);
      expect(fresh.words.coming('the')).toBe(false);
      expect(first.total).toBe(reference.search(query).total);
      expect(first.hits).toEqual(reference.search(query, { limit: 50 }).hits);
      expect(fresh.articles.filter((a) => (a as { hasLowerBody?: boolean }).hasLowerBody)).toEqual([]);
    } finally {
      fresh.words.close();
    }
    // An ask that must be exact (a search without a limit) answers every word now, the thread's read or not.
    const other = await reload({ from: 0, waitMs: 0 });
    try {
      expect(other.words.containing(['the'], () => true)?.rest ?? ['the']).toEqual(['the']);
      expect(other.words.containing(['the'])).toEqual(words.containing(['the']));
    } finally {
      other.words.close();
    }
  });

  it('answers a word whose tokens are not read beside one whose are in one MATCH of both, reading none of its tokens whole', async () => {
    // Every size reads tokens on a thread here, as a million articles does.
    const fresh = await reload({ from: 0, waitMs: 0 });
    try {
      const own = fresh.words as unknown as { match: { get: (expression: string) => unknown } };
      const get = own.match.get.bind(own.match);
      const here: string[] = [];
      own.match.get = (expression) => (here.push(expression), get(expression));
      // `regulator`'s tokens read (an exact ask reads them here), then `dec` typed after it.
      expect(fresh.words.containing(['regulator'])).toEqual(words.containing(['regulator']));
      here.length = 0;
      const both = fresh.words.containing(['regulator', 'dec'], () => true);
      expect(both?.rest).toEqual([]);
      expect(both?.marks).toEqual(words.containing(['regulator', 'dec'])?.marks);
      expect(anyMark(both!.marks)).toBe(true);
      expect(here).toHaveLength(1);
      expect(here[0]).toMatch(/^\(.*"regulator".*\) AND \(.*"decision".*\)$/);
      expect(fresh.words.coming('dec')).toBe(false);
      // A word with nothing read beside it is read token by token, as before (its bitmaps kept for the next keys).
      here.length = 0;
      fresh.words.containing(['halcyon']);
      expect(here.every((e) => /^"[^"]*"$/.test(e))).toBe(true);
    } finally {
      fresh.words.close();
    }
  });

  it('marks the articles of the row ids of a token read as one string, skipping rows of no article of the load', () => {
    // Row 1 -> article 2, row 3 -> article 0, row 12 -> article 40; row 2 is no article's, row 99 past every one.
    const articleOf = new Int32Array(13).fill(-1);
    [articleOf[1], articleOf[3], articleOf[12]] = [2, 0, 40];
    const bits = new Uint32Array(2);
    markRows('1,2,3,12,99', articleOf, bits);
    expect([...bits]).toEqual([0b101, 1 << 8]);
    markRows('', articleOf, (bits.fill(0), bits));
    expect([...bits]).toEqual([0, 0]);
  });

  it('keeps the marks of the few filter terms a query asks for in turn, one keystroke after another', () => {
    // `coin:sol -etf` asks for both terms on every key: with only the last one kept, each read the other's out.
    const coin = words.holding({ kind: 'coin', value: 'SOL' });
    const word = words.holding({ kind: 'word', value: 'etf' });
    expect(coin).not.toBeNull();
    expect(word).not.toBeNull();
    for (let key = 0; key < 3; key++) {
      expect(words.holding({ kind: 'coin', value: 'SOL' })).toBe(coin);
      expect(words.holding({ kind: 'word', value: 'etf' })).toBe(word);
    }
  });

  it('starts the token thread when told to answer later with warm (the dashboard), not before, not otherwise', async () => {
    for (const warm of [false, true]) {
      const fresh = await reload({ from: 0, waitMs: 0 });
      try {
        const thread = (): unknown => (fresh.words as unknown as { reads: { worker: unknown } }).reads.worker;
        expect(thread()).toBeNull();
        fresh.words.answerLater(() => {}, warm);
        expect(thread() !== null).toBe(warm);
      } finally {
        fresh.words.close();
      }
    }
  });

  it('hands its threads the article ids by row as shared memory, not a copy each (4 MB at a million)', () => {
    const articleOf = (words as unknown as { articleOf: Int32Array }).articleOf;
    expect(articleOf.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(articleOf.length).toBeGreaterThanOrEqual(articles.length);
  });

  it('leaves articles past the ones it covers (live updates) to the in-memory search', () => {
    const indexed = new SearchIndex(articles);
    indexed.useWords(words);
    const extra = makeArticle({ id: articles.length, path: '/x/new.md', title: 'Zzqxword surfaces' });
    indexed.add([extra]);
    expect(indexed.search('zzqxword').hits.map((h) => h.id)).toEqual([articles.length]);
  });
});

// The benchmark's typed queries (scripts/bench.mjs QUERIES), typed a key at a time.
const BENCH_KEYS = ['bitcoin', 'etf sec', 'solana fees', 'halcyon mining', 'tag:mining bitcoin', 'bitconi', 'zzqx', 'regulator delays decision', 'solana -etf', 'coin:eth -sec']
  .flatMap((q) => Array.from({ length: q.length }, (_, n) => q.slice(0, n + 1)));

describe('typing with the index reading words on a thread', () => {
  // `preloaded`: how many of the newest bodies are in memory (all: as the dashboard and the bench have them; few: a body-less answer meanwhile would miss rows).
  it.each([['every newest body in memory', Infinity], ['only the newest 100 bodies in memory', 100]])('%s: every key lists the exact answer\'s rows, in its order; a settled key its exact count', async (_name, preloaded) => {
    const fresh = await reload({ from: 0, waitMs: 0 });
    try {
      fresh.words.answerLater(() => {});
      const typed = new SearchIndex(fresh.articles);
      typed.useWords(fresh.words);
      await preloadBodies(typed.newest(Math.min(BODY_DEPTH, preloaded)));
      const settled = new SearchIndex(articles);
      settled.useWords(words);
      let meanwhile = 0;
      for (const key of BENCH_KEYS) {
        const exact = (): SearchResult | null => { try { return settled.search(key, { limit: 1000 }); } catch { return null; } };
        let got: SearchResult | null = null;
        try { got = typed.search(key, { limit: 1000 }); } catch { got = null; }
        const want = exact();
        expect(got === null, key).toBe(want === null);
        if (!got || !want) continue;
        expect(got.hits, key).toEqual(want.hits);
        if (got.counting) meanwhile += 1;
        else expect(got.total, key).toBe(want.total);
      }
      // With the bodies in memory some keys were answered meanwhile (the test exercises that path).
      if (preloaded === Infinity) expect(meanwhile).toBeGreaterThan(0);
    } finally {
      fresh.words.close();
    }
  });
});

describe('the typo pass', () => {
  it('reads a word no article holds as its nearest token: the same hits as that word, in the same order', () => {
    const indexed = new SearchIndex(articles);
    indexed.useWords(words);
    const ids = (query: string): number[] => indexed.search(query).hits.map((h) => h.id);
    expect(ids('bitcoin').length).toBeGreaterThan(0);
    expect(ids('bitconi')).toEqual(ids('bitcoin'));
    expect(ids('zzqxv')).toEqual([]);
  });

  const sorted = ['bitcoin', 'bitcoins', 'bitcorn', 'bitfarms', 'cobalt', 'solana', 'solano'].join('\n');
  it.each([
    // bitcoins and bitcorn are two edits away, bitcoin one (a swap of neighbours): only the nearest.
    ['bitconi', ['bitcoin']],
    ['solnaa', ['solana']],
    ['solanx', ['solana', 'solano']],
    ['cobalt', []],
    ['sol', []],
    ['zitcoin', []],
  ])('%s -> %j', (word, tokens) => {
    expect(nearestTokens(sorted, word)).toEqual(tokens);
  });

  it('finds the nearest tokens at the first and last stretch of a vocabulary and past tokens of other lengths', () => {
    const joined = ['aaaa', 'abcd', 'abce', 'abcdefgh', 'zzzy', 'zzzz'].join('\n');
    expect(nearestTokens(joined, 'abcf')).toEqual(['abcd', 'abce']);
    expect(nearestTokens(joined, 'aaab')).toEqual(['aaaa']);
    expect(nearestTokens(joined, 'abcdefgx')).toEqual(['abcdefgh']);
    expect(nearestTokens(joined, 'zzzx')).toEqual(['zzzy', 'zzzz']);
    expect(nearestTokens(joined, 'mmmm')).toEqual([]);
    expect(nearestTokens('', 'abcd')).toEqual([]);
  });
});

describe('WordIndex.open', () => {
  it('reads the vocabulary an earlier run kept in the index on this thread, starting no worker thread', async () => {
    const again = await loadCorpus([path.join(root, 'news'), hostile], { cacheDir: path.join(root, 'cache') });
    expect(await again.fullText).toBe(true);
    let started = 0;
    const count = (): void => void (started += 1);
    process.on('worker', count);
    try {
      const opened = await WordIndex.open(indexFile(path.join(root, 'cache'), [path.join(root, 'news'), hostile]), again.indexIds!);
      expect(opened).not.toBeNull();
      expect(anyMark(opened!.containing(['bitcoin'])!.marks)).toBe(true);
      opened!.close();
    } finally {
      process.off('worker', count);
    }
    expect(started).toBe(0);
  });
});

describe('tokensContaining', () => {
  const vocabulary = ['bit', 'bitcoin', 'coinbase', 'orbit', 'solana'].join('\n');
  it.each([
    ['coin', ['bitcoin', 'coinbase']],
    ['bit', ['bit', 'bitcoin', 'orbit']],
    ['solana', ['solana']],
    ['zz', []],
  ])('%s -> %j', (word, tokens) => expect(tokensContaining(vocabulary, word, 10)).toEqual(tokens));
  it('gives null past the most tokens asked for', () => expect(tokensContaining(vocabulary, 'b', 2)).toBeNull());
});
