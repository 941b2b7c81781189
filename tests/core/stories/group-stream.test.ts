// Grouping a chunk at a time (group-stream.ts, facts-stream.ts) must give exactly what grouping
// everything at once gives (groupStories, computeFacts): on the bundled data, on a corpus where
// the window's eviction and the buckets' trimming come into play, and on the facts worker reading
// its inputs from the index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { indexFile } from '../../../src/core/index/database.js';
import { leadParagraph } from '../../../src/core/text/lead.js';
import { computeFacts } from '../../../src/core/stories/facts-builder.js';
import { factsInBackground, FactsService } from '../../../src/core/stories/facts-background.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { FactsEngine } from '../../../src/core/stories/facts-engine.js';
import { computeInChunks } from '../../../src/core/stories/facts-stream.js';
import type { FactsInput } from '../../../src/core/stories/facts.js';
import { BUCKET_WINDOW, groupStories, WINDOW_MS } from '../../../src/core/stories/group.js';
import { groupStream, StoryTermCounts } from '../../../src/core/stories/group-stream.js';
import { PackedTerms } from '../../../src/core/stories/packed-terms.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
const HOUR = 3_600_000;

// Streams `docs` through both passes, `chunk` at a time.
async function streamed(docs: readonly FactsInput[], chunk: number) {
  const counts = new StoryTermCounts();
  for (const d of docs) counts.add(d);
  const time = Float64Array.from(docs, (d) => d.publishedAt ?? Number.NaN);
  const codes = new Map<string, number>();
  const source = Int32Array.from(docs, (d) => codes.get(d.source) ?? (codes.set(d.source, codes.size), codes.size - 1));
  let pauses = 0;
  const stories = await groupStream(counts, time, source, async () => void pauses++, chunk);
  return { stories, pauses };
}

// The bundled articles again and again, each copy a few days later and with outlets renamed per
// copy: many stories, buckets of far more than BUCKET_WINDOW articles, and vectors that leave the window.
async function manyInputs(copies: number): Promise<FactsInput[]> {
  const loaded = (await loadCorpus([data], { cache: false })).articles;
  const base = loaded.map((a) => ({ ...factsInput(a), lead: leadParagraph(a.body) }));
  const out: FactsInput[] = [];
  for (let c = 0; c < copies; c++) {
    for (const d of base) {
      out.push({ ...d, path: `${d.path}#${c}`, source: `${d.source}-${c % 3}`, publishedAt: d.publishedAt === null ? null : d.publishedAt + c * 40 * HOUR });
    }
  }
  return out;
}

describe('grouping a chunk at a time', () => {
  it('gives groupStories\' stories on the bundled data, whatever the chunk', async () => {
    const docs = await manyInputs(1);
    const want = groupStories(docs);
    for (const chunk of [1, 7, 1000]) {
      const { stories, pauses } = await streamed(docs, chunk);
      // A pause after every chunk compared (the thread answers counts meanwhile).
      expect(pauses).toBe(Math.ceil(docs.filter((d) => d.publishedAt !== null).length / chunk));
      expect([...stories.story]).toEqual([...want.story]);
      expect([...stories.size]).toEqual([...want.size]);
    }
    expect(Math.max(...want.size)).toBeGreaterThanOrEqual(3);
  });

  it('gives the same stories where buckets outgrow their window and vectors leave it', async () => {
    const docs = await manyInputs(40);
    const dated = docs.map((d) => d.publishedAt).filter((t): t is number => t !== null);
    // The corpus spans many story windows, and one term's bucket sees far more than BUCKET_WINDOW articles.
    expect(Math.max(...dated) - Math.min(...dated)).toBeGreaterThan(10 * WINDOW_MS);
    expect(docs.length).toBeGreaterThan(20 * BUCKET_WINDOW);
    const want = groupStories(docs);
    const { stories } = await streamed(docs, 97);
    expect([...stories.story]).toEqual([...want.story]);
    expect([...stories.size]).toEqual([...want.size]);
    expect(new Set(want.story).size).toBeLessThan(docs.length * 0.9);
  });

  it('packs terms and counts and reads them back exactly: wide gaps, big counts, empty articles', () => {
    const packed = new PackedTerms();
    const articles: Array<{ ids: number[]; counts: number[] }> = [
      { ids: [0, 1, 127, 128, 16_383, 16_384, 2_000_000, 2 ** 31 - 1], counts: [1, 2, 127, 128, 300, 2 ** 31 + 5, 2 ** 40, 3] },
      { ids: [], counts: [] },
      { ids: [5], counts: [0] },
    ];
    // Enough articles (~140 bytes each) to fill more than one block of 4 MiB.
    for (let i = 0; i < 32_000; i++) articles.push({ ids: Array.from({ length: 20 }, (_, k) => i + k * 100_000_000), counts: Array.from({ length: 20 }, (_, k) => 1 + ((i * k * 1_000) % 1_000_000)) });
    for (const a of articles) packed.push(a.ids, a.counts);
    expect(packed.n).toBe(articles.length);
    expect(packed.bytes).toBeGreaterThan(2 * (1 << 22));
    // Compared once, all articles' terms read back in order against all written.
    const read = articles.map((_, i) => {
      const ids = new Int32Array(packed.size(i));
      const counts = new Float64Array(packed.size(i));
      packed.read(i, ids, counts);
      return [...ids, -1, ...counts].join(' ');
    });
    expect(read).toEqual(articles.map((a) => [...a.ids, -1, ...a.counts].join(' ')));
    // The ids and the low bits of each count (the subject flags) read at an offset, without the counts.
    const flagged = articles.slice(0, 200).map((_, i) => {
      const ids = new Int32Array(packed.size(i) + 3);
      const flags = new Uint8Array(packed.size(i) + 3);
      packed.readFlags(i, ids, flags, 3, 7);
      return [...ids.subarray(3), -1, ...flags.subarray(3)].join(' ');
    });
    expect(flagged).toEqual(articles.slice(0, 200).map((a) => [...a.ids, -1, ...a.counts.map((c) => c % 128)].join(' ')));
  });

  it('reads each input once: the stories come from the terms the first pass kept', async () => {
    const docs = await manyInputs(3);
    const reads = new Array<number>(docs.length).fill(0);
    const engine = new FactsEngine(true);
    await computeInChunks(engine, docs.length, async (ids) => new Map(ids.map((id) => (reads[id]++, [id, docs[id]]))), async () => {}, 40);
    expect(reads.every((r) => r === 1)).toBe(true);
    expect(engine.snapshot()).toEqual(computeFacts(docs, true));
  });

  it('computes the facts computeFacts computes, with and without grouping', async () => {
    const docs = await manyInputs(5);
    for (const group of [true, false]) {
      const engine = new FactsEngine(group);
      let turns = 0;
      await computeInChunks(engine, docs.length, async (ids) => new Map(ids.map((id) => [id, docs[id]])), async () => void turns++, 50);
      expect(engine.snapshot()).toEqual(computeFacts(docs, group));
      expect(turns).toBeGreaterThan(docs.length / 50);
    }
  });

  it('on the facts worker, a first start over the index computes in chunks: the facts computeFacts gives, kept as a snapshot', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-stream-'));
    try {
      const load = await loadCorpus([data], { cache: true, cacheDir: dir });
      const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
      const want = computeFacts(load.articles.map(factsInput));
      const cacheFile = indexFile(dir, [data]);
      const facts = await factsInBackground((id) => load.articles[id], load.articles.length, { worker, cacheFile, streamFrom: 10 }, load.indexIds);
      expect(facts).toEqual(want);
      // Kept as a snapshot only: no per-file row was computed and written (the all-at-once path writes one per article).
      const stored = (sql: string): unknown => {
        const db = new Database(cacheFile, { readonly: true });
        try {
          return db.prepare(sql).pluck().get();
        } finally {
          db.close();
        }
      };
      // The worker stores after it answers: waited for, up to 15 s.
      for (let i = 0; i < 300 && stored('SELECT count(*) FROM facts_snapshot') !== 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stored('SELECT count(*) FROM facts_snapshot')).toBe(1);
      expect(stored('SELECT count(*) FROM article_facts')).toBe(0);
      // Read back from the snapshot the next time: the same.
      const again = await factsInBackground((id) => load.articles[id], load.articles.length, { worker, cacheFile, streamFrom: 10 }, load.indexIds);
      expect(again).toEqual(want);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the facts worker, a snapshot of rows written since (a new parser: every row a new id) is computed again in chunks, not all at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-restamp-'));
    const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
    const cacheFile = indexFile(dir, [data]);
    // Facts of `load` over the index; whether the first computation went in chunks (it reports its progress; a snapshot read does not).
    const factsOf = async (load: Awaited<ReturnType<typeof loadCorpus>>): Promise<{ facts: unknown; chunked: boolean }> => {
      const service = new FactsService({ worker, cacheFile, streamFrom: 10 });
      let chunked = false;
      service.onProgress = () => void (chunked = true);
      try {
        return { facts: await service.load((id) => load.articles[id], load.articles.length, load.indexIds), chunked };
      } finally {
        service.close();
      }
    };
    const snapshots = (): unknown => {
      const db = new Database(cacheFile, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM facts_snapshot').pluck().get();
      } finally {
        db.close();
      }
    };
    try {
      const first = await loadCorpus([data], { cache: true, cacheDir: dir });
      expect((await factsOf(first)).chunked).toBe(true);
      for (let i = 0; i < 300 && snapshots() !== 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(snapshots()).toBe(1);
      expect((await factsOf(await loadCorpus([data], { cache: true, cacheDir: dir }))).chunked).toBe(false);
      // Another read cap is another parser stamp (load/limits.ts): every row is written again, under new ids.
      const rewritten = await loadCorpus([data], { cache: true, cacheDir: dir, maxFileSize: 2 * 1024 * 1024 });
      expect(Math.min(...rewritten.indexIds!)).toBeGreaterThan(Math.max(...first.indexIds!));
      const want = computeFacts(rewritten.articles.map(factsInput));
      const again = await factsOf(rewritten);
      expect(again.chunked).toBe(true);
      expect(again.facts).toEqual(want);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the facts worker, streams from the index while another writer holds it: no input asked of this thread, the snapshot kept once it is free', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-busy-'));
    try {
      const load = await loadCorpus([data], { cache: true, cacheDir: dir });
      const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
      const want = computeFacts(load.articles.map(factsInput));
      const cacheFile = indexFile(dir, [data]);
      // The load's own text build is done first (from sources it runs on this thread, which the lock below would stall).
      await load.fullText;
      // Another writer (a first start's text build making its indexes) holds the index past the facts table's busy timeout.
      const writer = new Database(cacheFile);
      writer.exec('BEGIN IMMEDIATE');
      let asked = 0;
      const facts = await factsInBackground((id) => (asked++, load.articles[id]), load.articles.length, { worker, cacheFile, streamFrom: 10 }, load.indexIds);
      writer.exec('COMMIT');
      writer.close();
      expect(facts).toEqual(want);
      // Every input came from the index: this thread built none (the all-at-once fallback asks for every article).
      expect(asked).toBe(0);
      const snapshots = (): unknown => {
        const db = new Database(cacheFile, { readonly: true });
        try {
          return db.prepare('SELECT count(*) FROM facts_snapshot').pluck().get();
        } catch {
          return 0; // the table is made by the worker once it can write
        } finally {
          db.close();
        }
      };
      // Written once the writer let go (the worker tries again after its answer), waited for up to 60 s.
      for (let i = 0; i < 1_200 && snapshots() !== 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(snapshots()).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
