// The facts the dashboard computes once per load (coins, stories, the pulse's codes) must give
// exactly what the per-article functions give: the pulse of any set of ids, each article's coins,
// each article's story. Checked on the bundled data, on this thread and on the built worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { articleCoins } from '../../../src/core/coins/index.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { pulseOf } from '../../../src/core/pulse/index.js';
import { pulseOfFacts } from '../../../src/core/stories/index.js';
import { EVERY_MATCH, SearchIndex } from '../../../src/core/search/search.js';
import { indexFile, openIndex } from '../../../src/core/index/database.js';
import { leadParagraph } from '../../../src/core/text/lead.js';
import { FactsTable } from '../../../src/core/index/stories-table.js';
import { articleFacts, coinMentionsOf, isFacts, storedArticleFacts, type Facts } from '../../../src/core/stories/facts.js';
import { computeFacts } from '../../../src/core/stories/facts-builder.js';
import { factsInBackground, FactsService } from '../../../src/core/stories/facts-background.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { groupStories, hotOrder, hotScore, storyDoc, storyMapOf } from '../../../src/core/stories/index.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
let articles: Article[];
let facts: Facts;

beforeAll(async () => {
  articles = (await loadCorpus([data], { cache: false })).articles;
  facts = computeFacts(articles.map(factsInput));
});

describe('computeFacts on the bundled data', () => {
  it('counts any set of ids exactly as pulseOf counts those articles', () => {
    const sets = [articles.map((a) => a.id), articles.filter((a) => a.id % 3 === 0).map((a) => a.id), articles.filter((a) => /bitcoin/i.test(a.title)).map((a) => a.id), []];
    for (const ids of sets) expect(pulseOfFacts(ids, facts)).toEqual(pulseOf(ids.map((id) => articles[id])));
    // Small top-N too: the cut falls inside a run of equal counts.
    expect(pulseOfFacts(sets[0], facts, 2)).toEqual(pulseOf(articles, 2));
  });
  it('holds each article’s coins as articleCoins finds them, and groups as groupStories does', () => {
    for (const a of articles) expect(coinMentionsOf(facts, a.id)).toEqual(articleCoins(a));
    // One frozen mention per coin and places found, shared by the articles that have it (memory at 100k).
    const all = articles.flatMap((a) => coinMentionsOf(facts, a.id));
    const distinct = new Set(all);
    expect(all.length).toBeGreaterThan(distinct.size);
    expect(distinct.size).toBe(new Set(all.map((m) => `${m.symbol} ${m.where.join()}`)).size);
    expect([...distinct].every((m) => Object.isFrozen(m) && Object.isFrozen(m.where))).toBe(true);
    const grouped = groupStories(articles.map(storyDoc));
    expect([...facts.story]).toEqual([...grouped.story]);
    expect([...facts.size]).toEqual([...grouped.size]);
    // The bundled data tells some stories through several outlets.
    expect(Math.max(...facts.size)).toBeGreaterThanOrEqual(3);
  });
  it('leaves every article its own story without grouping (--no-group)', () => {
    const flat = computeFacts(articles.map(factsInput), false);
    expect([...flat.size].every((s) => s === 1)).toBe(true);
    expect(pulseOfFacts([0, 1, 2], flat)).toEqual(pulseOfFacts([0, 1, 2], facts));
  });
  it('lists a story’s members earliest first, made on first use', () => {
    const map = storyMapOf(facts, (id) => articles[id]);
    const lead = facts.story.findIndex((s, i) => s === i && facts.size[i] > 2);
    const members = map.members(lead);
    expect(members).toHaveLength(facts.size[lead]);
    expect(members[0]).toBe(lead);
    const dates = members.map((id) => articles[id].publishedAt ?? 0);
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
  });
  it('finds one story’s members when asked, reading no other article, the same lists as grouping every story at once', () => {
    // A grouping with ties in date (the id breaks them) and a story whose lead is not its earliest member.
    const story = Int32Array.from([0, 0, 2, 0, 2, 5, 2, 0]);
    const size = Int32Array.from(story, (s) => story.filter((t) => t === s).length);
    const dates = [30, 10, 5, 10, 50, 1, 5, 20];
    const read: number[] = [];
    const map = storyMapOf({ story, size }, (id) => ((read.push(id), { publishedAt: dates[id] }) as (typeof articles)[number]));
    expect(map.members(0)).toEqual([1, 3, 7, 0]);
    expect(new Set(read)).toEqual(new Set([0, 1, 3, 7]));
    expect(map.members(2)).toEqual([2, 6, 4]);
    expect(map.members(5)).toEqual([5]);
    // Asked again: the same list, only its own articles read.
    read.length = 0;
    expect(map.members(0)).toEqual([1, 3, 7, 0]);
    expect(new Set(read)).toEqual(new Set([0, 1, 3, 7]));
    // Every story of the bundled data as the whole-corpus lists had them.
    const whole = new Map<number, number[]>();
    facts.story.forEach((s, i) => facts.size[i] > 1 && whole.set(s, [...(whole.get(s) ?? []), i]));
    for (const list of whole.values()) list.sort((x, y) => (articles[x].publishedAt ?? 0) - (articles[y].publishedAt ?? 0) || x - y);
    const bundled = storyMapOf(facts, (id) => articles[id]);
    for (const [s, list] of whole) expect(bundled.members(s)).toEqual(list);
  });
});

describe('factsInBackground', () => {
  it('computes the same facts on this thread, in chunks', async () => {
    const here = await factsInBackground((id) => articles[id], articles.length, { worker: null });
    expect(here).toEqual(facts);
  });
  it('computes the same facts on the built worker thread', async () => {
    const url = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
    if (!fs.existsSync(fileURLToPath(url))) throw new Error('run `npm run build` first: this test starts the built worker');
    const there = await factsInBackground((id) => articles[id], articles.length, { worker: url });
    expect(there).toEqual(facts);
  });
  it('stops between chunks when asked', async () => {
    expect(await factsInBackground((id) => articles[id], articles.length, { worker: null, shouldStop: () => true })).toBeNull();
  });
});

describe('counting every match', () => {
  it('a search with idsOnly finds the same ids as the full search, in any order', () => {
    const index = new SearchIndex(articles);
    for (const q of ['', 'bitcoin', 'tag:mining', 'coin:sol -sentiment:negative', 'solana fee']) {
      const all = index.search(q, { limit: EVERY_MATCH, idsOnly: true });
      const full = index.search(q, { limit: EVERY_MATCH });
      expect(all.hits.map((h) => h.id).sort((x, y) => x - y)).toEqual(full.hits.map((h) => h.id).sort((x, y) => x - y));
      expect(all.total).toBe(full.total);
    }
  });
  it('hot order over every match: each article once, hottest first, a story’s size counted', () => {
    const now = Math.max(...articles.map((a) => a.publishedAt ?? 0));
    const order = hotOrder(articles.map((a) => a.id), (id) => articles[id], facts.size, now);
    expect(new Set(order).size).toBe(articles.length);
    const scores = order.map((id) => hotScore(articles[id], facts.size[id], now));
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // Without story sizes a multi-outlet story's articles score lower.
    const story = order.find((id) => facts.size[id] > 1)!;
    expect(hotScore(articles[story], facts.size[story], now)).toBeGreaterThan(hotScore(articles[story], 1, now));
  });
});

describe('factsInBackground on the worker, stopped midway', () => {
  it('resolves null and leaves no unhandled rejection behind when the worker is terminated', async () => {
    const url = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      let asked = 0;
      const many = Array.from({ length: 9_000 }, (_, i) => articles[i % articles.length]);
      expect(await factsInBackground((id) => many[id], many.length, { worker: url, shouldStop: () => ++asked > 1 })).toBeNull();
      await new Promise((r) => setTimeout(r, 300));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('facts kept in the on-disk index, per article file', () => {
  const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
  const rows = (file: string): number => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'article_facts'").pluck().get() ? (db.prepare('SELECT count(*) FROM article_facts').pluck().get() as number) : 0;
    } finally {
      db.close();
    }
  };
  // The articles as the service sees them, counting how many of them had their inputs read.
  const counted = (list: readonly Article[]) => {
    const read = new Set<number>();
    const view = list.map((a, id) => new Proxy(a, { get: (t, k, r) => (k === 'title' && read.add(id), Reflect.get(t, k, r) as unknown) }));
    return { article: (id: number) => view[id], read };
  };
  const partition = (f: Facts): string => JSON.stringify(Array.from(f.story, (s, i) => [i, s, f.size[i]]));
  // `n` articles cycled from the bundled ones, each with its own id and path (the loaded article
  // as prototype: its metadata getters, and its body read lazily, are the loader's).
  const own = (value: unknown): PropertyDescriptor => ({ value, writable: true, enumerable: true });
  const copies = (n: number): Article[] =>
    Array.from({ length: n }, (_, i) => Object.create(articles[i % articles.length], { id: own(i), path: own(`/news/${i}.md`) }) as Article);
  // An empty index file of this program's in a temporary folder, removed after `body`.
  const withIndex = async (body: (file: string, dir: string) => unknown): Promise<void> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-facts-'));
    try {
      const file = path.join(dir, 'index.sqlite');
      openIndex(file).db.close();
      await body(file, dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('are read back when no file changed (no input read), and only a changed file and its story window are computed again', () =>
    withIndex(async (file) => {
      const many = copies(600);
      const first = await factsInBackground((id) => many[id], many.length, { worker, cacheFile: file });
      expect(first).toEqual(computeFacts(many.map(factsInput)));
      for (let i = 0; i < 300 && rows(file) < many.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(rows(file)).toBe(many.length);
      const again = counted(many);
      expect(await factsInBackground(again.article, many.length, { worker, cacheFile: file })).toEqual(first);
      expect(again.read.size).toBe(0);
      // One file changed: its stamp differs; its facts are computed again, its story window regrouped.
      const changed = [...many];
      changed[5] = Object.create(many[5], { size: own(many[5].size + 1) }) as Article;
      const after = counted(changed);
      const third = await factsInBackground(after.article, changed.length, { worker, cacheFile: file });
      expect(after.read.has(5)).toBe(true);
      expect(after.read.size).toBeLessThan(changed.length);
      expect(partition(third!)).toBe(partition(first!));
      expect(coinMentionsOf(third!, 5)).toEqual(coinMentionsOf(first!, 5));
    }));

  it('a removed file leaves its story and its row; the rest is read back', () =>
    withIndex(async (file) => {
      const many = copies(600);
      const first = (await factsInBackground((id) => many[id], many.length, { worker, cacheFile: file }))!;
      for (let i = 0; i < 300 && rows(file) < many.length; i++) await new Promise((r) => setTimeout(r, 50));
      // The earliest article of a story of several is removed: the loader's ids close up behind it.
      const gone = first.story.findIndex((s, i) => s === i && first.size[i] >= 3);
      const rest = many.filter((_, i) => i !== gone);
      const view = counted(rest);
      const facts = (await factsInBackground(view.article, rest.length, { worker, cacheFile: file }))!;
      expect(view.read.size).toBeLessThan(rest.length);
      const want = computeFacts(rest.map(factsInput));
      expect(partition(facts)).toBe(partition(want));
      expect(pulseOfFacts(rest.map((_, i) => i), facts)).toEqual(pulseOf(rest));
      for (let i = 0; i < 300 && rows(file) > rest.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(rows(file)).toBe(rest.length);
    }));

  it('a live update writes the added article’s row: the next start reads everything back', () =>
    withIndex(async (file) => {
      const many = copies(601);
      const service = new FactsService({ worker, cacheFile: file });
      try {
        await service.load((id) => many[id], 600);
        const updated = await service.change({ added: [factsInput(many[600])], gone: [], context: many.slice(0, 600).map((a, id) => ({ id, input: factsInput(a) })) });
        expect(updated!.n).toBe(601);
      } finally {
        service.close();
      }
      for (let i = 0; i < 300 && rows(file) < 601; i++) await new Promise((r) => setTimeout(r, 50));
      expect(rows(file)).toBe(601);
      const view = counted(many);
      const facts = await factsInBackground(view.article, many.length, { worker, cacheFile: file });
      expect(view.read.size).toBe(0);
      expect(pulseOfFacts(many.map((_, i) => i), facts!)).toEqual(pulseOf(many));
    }));

  it('never trusts what it reads back: wrong lengths, codes or shapes are refused', () => {
    const good = structuredClone(facts);
    expect(isFacts(good, articles.length)).toBe(true);
    expect(isFacts(good, articles.length + 1)).toBe(false);
    expect(isFacts({ ...good, story: good.story.slice(1) }, articles.length)).toBe(false);
    expect(isFacts({ ...good, source: good.source.map(() => good.sources.length) }, articles.length)).toBe(false);
    expect(isFacts({ ...good, coinStart: good.coinStart.map((c, i) => (i === 1 ? -1 : c)) }, articles.length)).toBe(false);
    expect(isFacts('not facts', articles.length)).toBe(false);
    const one = articleFacts(factsInput(articles[0]));
    expect(storedArticleFacts(JSON.parse(JSON.stringify(one)))).toEqual(one);
    expect(storedArticleFacts({ ...one, sentiment: 9 })).toBeNull();
    expect(storedArticleFacts({ ...one, coins: [['BTC', 'title']] })).toBeNull();
    expect(storedArticleFacts(null)).toBeNull();
  });

  it('rows of another build are not used; a file that is not this program’s index is neither read nor written', () =>
    withIndex(async (file, dir) => {
      const table = FactsTable.open(file, 'build-1')!;
      expect(table.write([{ path: '/a.md', stamp: '1:2', facts: { x: 1 }, story: { path: '/a.md', size: 1 } }])).toBe(true);
      expect(table.isFresh('/a.md', '1:2')).toBe(true);
      expect(table.isFresh('/a.md', '1:3')).toBe(false);
      table.close();
      const other = FactsTable.open(file, 'build-2')!;
      expect(other.isFresh('/a.md', '1:2')).toBe(false);
      other.close();
      const foreign = path.join(dir, 'other.sqlite');
      new Database(foreign).exec('CREATE TABLE t (x)');
      expect(FactsTable.open(foreign, 'build-1')).toBeNull();
      expect(FactsTable.open(path.join(dir, 'missing.sqlite'), 'build-1')).toBeNull();
      expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    }));
});

describe('grouping a loaded corpus', () => {
  it('groups as --filter does, without the lead paragraphs the index keeps (the bodies stay on disk)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-leads-'));
    try {
      const loaded = (await loadCorpus([data], { cache: true, cacheDir: dir })).articles;
      const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
      const fromIndex = await factsInBackground((id) => loaded[id], loaded.length, { worker, cacheFile: indexFile(dir, [data]) });
      expect([...fromIndex!.story]).toEqual([...groupStories(loaded.map(storyDoc)).story]);
      // Leads that could have been used (indexed-stories.test.ts: a corpus where they change the stories).
      expect(loaded.some((a) => leadParagraph(a.body) !== '')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with the load\'s index rows, the worker reads every input from the index: this thread builds none, the facts are the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-rows-'));
    try {
      const load = await loadCorpus([data], { cache: true, cacheDir: dir });
      const loaded = load.articles;
      const rowIds = load.indexIds!;
      expect(rowIds.every((id) => id >= 0)).toBe(true);
      const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
      const want = computeFacts(loaded.map(factsInput));
      // Titles read on this thread: what building an input costs (the counting view of the test above).
      const reads = new Set<number>();
      const view = loaded.map((a, id) => new Proxy(a, { get: (t, k, r) => (k === 'title' && reads.add(id), Reflect.get(t, k, r) as unknown) }));
      const cacheFile = indexFile(dir, [data]);
      const facts = await factsInBackground((id) => view[id], loaded.length, { worker, cacheFile }, rowIds);
      expect(reads.size).toBe(0);
      expect(facts).toEqual(want);
      // An article the index holds no row for is the one this thread still sends.
      fs.rmSync(dir, { recursive: true, force: true });
      const again = await loadCorpus([data], { cache: true, cacheDir: dir });
      const partial = Int32Array.from(again.indexIds!, (id, k) => (k === 7 ? -1 : id));
      reads.clear();
      const facts2 = await factsInBackground((id) => view[id], loaded.length, { worker, cacheFile }, partial);
      expect([...reads]).toEqual([7]);
      expect(facts2).toEqual(want);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
