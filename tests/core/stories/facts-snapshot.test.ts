// The facts snapshot (core/stories/facts-snapshot.ts): every article's facts and story kept in the
// index by row id, read back in one piece at the next start. What it gives must be what computing
// the facts gives: the same facts when nothing changed, and after files were added, edited and
// removed the same stories, pulse and coins as a computation over the new corpus. And it is
// never trusted: a blob that is not a snapshot is not used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { indexFile } from '../../../src/core/index/database.js';
import { loadCorpus, warmStart } from '../../../src/core/load/load.js';
import { computeFacts, FactsBuilder } from '../../../src/core/stories/facts-builder.js';
import { FactsEngine } from '../../../src/core/stories/facts-engine.js';
import { factsInBackground, FactsService } from '../../../src/core/stories/facts-background.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { articleFacts, coinMentionsOf, FACTS_COLUMNS, type Facts } from '../../../src/core/stories/facts.js';
import { assembleSnapshot, decodeSnapshot, encodeSnapshot, positionsOf } from '../../../src/core/stories/facts-snapshot.js';
import { pulseOfFacts } from '../../../src/core/stories/index.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);

// The facts a computation over the loaded articles gives (no leads: their bodies stay on disk).
const computed = (loaded: readonly Article[]): Facts => computeFacts(loaded.map(factsInput));
const partition = (f: Facts): string => JSON.stringify(Array.from(f.story, (s, i) => [i, s, f.size[i]]));
const count = (file: string, sql: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

// The worker stores after it answers: waits (up to 15 s) until `sql` gives `want`, then gives what it gives.
async function eventually(file: string, sql: string, want: (v: number) => boolean): Promise<number> {
  for (let i = 0; i < 300 && !want(count(file, sql)); i++) await new Promise((r) => setTimeout(r, 50));
  return count(file, sql);
}

async function withCopy(run: (root: string, cacheDir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-snap-'));
  try {
    const root = path.join(dir, 'news');
    fs.cpSync(data, root, { recursive: true });
    await run(root, path.join(dir, 'cache'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the facts snapshot', () => {
  it('is read back at the next start instead of the per-file rows: the same facts, no row written', () =>
    withCopy(async (root, cacheDir) => {
      if (!fs.existsSync(fileURLToPath(worker))) throw new Error('run `npm run build` first: this test starts the built worker');
      const cacheFile = indexFile(cacheDir, [root]);
      const first = await loadCorpus([root], { cache: true, cacheDir });
      const want = computed(first.articles);
      const once = await factsInBackground((id) => first.articles[id], first.articles.length, { worker, cacheFile }, first.indexIds);
      expect(once).toEqual(want);
      expect(await eventually(cacheFile, 'SELECT count(*) FROM facts_snapshot', (v) => v === 1)).toBe(1);
      // The per-file rows go: only the snapshot can give the facts now, and it writes none back.
      const db = new Database(cacheFile);
      db.exec('DELETE FROM article_facts');
      db.close();
      const again = await loadCorpus([root], { cache: true, cacheDir });
      const twice = await factsInBackground((id) => again.articles[id], again.articles.length, { worker, cacheFile }, again.indexIds);
      expect(twice).toEqual(want);
      expect(count(cacheFile, 'SELECT count(*) FROM article_facts')).toBe(0);
    }));

  it('after files were added, edited and removed: computes those, regroups what they touch, and gives what a computation gives', () =>
    withCopy(async (root, cacheDir) => {
      const cacheFile = indexFile(cacheDir, [root]);
      const first = await loadCorpus([root], { cache: true, cacheDir });
      const before = (await factsInBackground((id) => first.articles[id], first.articles.length, { worker, cacheFile }, first.indexIds))!;
      await eventually(cacheFile, 'SELECT count(*) FROM facts_snapshot', (v) => v === 1);
      // The earliest article of a story of three or more goes; another is edited; a copy of a third is added.
      const lead = before.story.findIndex((s, i) => s === i && before.size[i] >= 3);
      expect(lead).toBeGreaterThanOrEqual(0);
      fs.rmSync(first.articles[lead].path);
      const edited = first.articles.find((a, id) => before.size[id] === 1 && id !== lead)!;
      fs.appendFileSync(edited.path, '\nOne more line about Solana and $ETH.\n');
      const source = first.articles.find((a) => a.path !== edited.path && a.id !== lead)!;
      fs.writeFileSync(path.join(path.dirname(source.path), 'zz-added-copy.md'), fs.readFileSync(source.path));
      const snapshotBefore = count(cacheFile, 'SELECT length(data) FROM facts_snapshot');
      expect(snapshotBefore).toBeGreaterThan(0);

      const next = await loadCorpus([root], { cache: true, cacheDir });
      const after = (await factsInBackground((id) => next.articles[id], next.articles.length, { worker, cacheFile }, next.indexIds))!;
      const want = computed(next.articles);
      expect(after.n).toBe(next.articles.length);
      expect(partition(after)).toBe(partition(want));
      const all = next.articles.map((a) => a.id);
      expect(pulseOfFacts(all, after)).toEqual(pulseOfFacts(all, want));
      for (const a of next.articles) expect(coinMentionsOf(after, a.id)).toEqual(coinMentionsOf(want, a.id));
      // The snapshot was written again for the new rows.
      expect(await eventually(cacheFile, 'SELECT length(data) FROM facts_snapshot', (v) => v !== snapshotBefore)).not.toBe(snapshotBefore);
      const snap = decodeSnapshot(new Database(cacheFile, { readonly: true }).prepare('SELECT data FROM facts_snapshot').pluck().get() as Buffer)!;
      expect(snap.rows.length).toBe(next.articles.length);
    }));

  it('finds each article by its row, leaves out articles without one, and refuses what is not a snapshot', async () => {
    const loaded = (await loadCorpus([data], { cache: false })).articles;
    const facts = computeFacts(loaded.map(factsInput));
    const n = facts.n;
    // Rows in another order than the ids, one article without a row.
    const rowIds = Int32Array.from({ length: n }, (_, id) => (id === 3 ? -1 : 1000 + ((id * 7) % n) * 2));
    const snap = decodeSnapshot(encodeSnapshot(facts, rowIds))!;
    expect(snap.rows.length).toBe(n - 1);
    const pos = positionsOf(snap, rowIds, n);
    expect(pos[3]).toBe(-1);
    for (let id = 0; id < n; id++) {
      if (id === 3) continue;
      expect(snap.rows[pos[id]]).toBe(rowIds[id]);
      expect(coinMentionsOf(snap.facts, pos[id])).toEqual(coinMentionsOf(facts, id));
      expect(snap.facts.time[pos[id]]).toBe(facts.time[id]);
      const root = facts.story[id];
      if (root !== 3) expect(snap.rows[snap.facts.story[pos[id]]]).toBe(rowIds[root]);
    }
    expect(decodeSnapshot(null)).toBeNull();
    expect(decodeSnapshot(Buffer.from('not a snapshot'))).toBeNull();
    const good = v8.deserialize(encodeSnapshot(facts, rowIds)) as { version: number; rows: Int32Array; facts: Facts };
    expect(decodeSnapshot(v8.serialize({ ...good, version: 99 }))).toBeNull();
    expect(decodeSnapshot(v8.serialize({ ...good, rows: good.rows.slice().reverse() }))).toBeNull();
    expect(decodeSnapshot(v8.serialize({ ...good, rows: good.rows.slice(1) }))).toBeNull();
    expect(decodeSnapshot(v8.serialize({ ...good, facts: { ...good.facts, story: good.facts.story.map(() => n + 5) } }))).toBeNull();
  });

  it('gives every column a buffer of its own, so the blob it was read from is not kept alive by the columns', async () => {
    const loaded = (await loadCorpus([data], { cache: false })).articles;
    const facts = computeFacts(loaded.map(factsInput));
    const blob = encodeSnapshot(facts, Int32Array.from({ length: facts.n }, (_, id) => id));
    // What Node's deserializer gives alone: the aligned columns are views into the blob's buffer.
    const raw = v8.deserialize(blob) as { rows: Int32Array; facts: Facts };
    const columns = (f: Facts): ArrayBufferView[] => FACTS_COLUMNS.map((k) => f[k]);
    expect([raw.rows, ...columns(raw.facts)].some((a) => a.buffer.byteLength > a.byteLength)).toBe(true);
    const snap = decodeSnapshot(blob)!;
    for (const a of [snap.rows, ...columns(snap.facts)]) expect([a.byteOffset, a.buffer.byteLength]).toEqual([0, a.byteLength]);
    // The same values.
    expect(columns(snap.facts).map((a) => Array.from(a as Int32Array))).toEqual(columns(raw.facts).map((a) => Array.from(a as Int32Array)));
    expect(Array.from(snap.rows)).toEqual(Array.from(raw.rows));
  });

  it('loads an engine with the facts a computation gives, in columns made once over shared memory, one article computed anew', async () => {
    const loaded = (await loadCorpus([data], { cache: false })).articles;
    const inputs = loaded.map(factsInput);
    const facts = computeFacts(inputs);
    const n = facts.n;
    const rowIds = Int32Array.from({ length: n }, (_, id) => (id === 5 ? -1 : 10 + id));
    const snap = decodeSnapshot(encodeSnapshot(facts, rowIds))!;
    const engine = new FactsEngine();
    assembleSnapshot(snap, positionsOf(snap, rowIds, n), new Map([[5, articleFacts(inputs[5])]]), engine);
    const got = engine.facts;
    expect(got.n).toBe(n);
    for (let id = 0; id < n; id++) {
      expect(coinMentionsOf(got, id)).toEqual(coinMentionsOf(facts, id));
      expect(got.time[id]).toBe(facts.time[id]);
      expect(got.points[id]).toBe(facts.points[id]);
      expect(got.tags[got.tagIds[got.tagStart[id]]]?.value).toBe(facts.tags[facts.tagIds[facts.tagStart[id]]]?.value);
    }
    // Exactly as long as the articles, tags and coins held (the room was counted), and shared.
    for (const column of [got.sentiment, got.day, got.time, got.points, got.source]) {
      expect(column.length).toBe(n);
      expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    expect(got.tagIds.length).toBe(facts.tagIds.length);
    expect(got.coinIds.length).toBe(facts.coinIds.length);
    expect(got.coinIds.byteLength).toBe(got.coinIds.buffer.byteLength);
  });

  it("hands a full column of a builder made with its room as it is, and a later push leaves the handed one as it was", async () => {
    const loaded = (await loadCorpus([data], { cache: false })).articles;
    const each = loaded.map((a) => articleFacts(factsInput(a)));
    const room = { articles: each.length, tags: each.reduce((t, a) => t + a.tags.length, 0), coins: each.reduce((c, a) => c + a.coins.length, 0) };
    const b = new FactsBuilder(undefined, false, room);
    for (const a of each) b.push(a);
    const first = b.snapshot(true);
    expect(b.snapshot(true).time).toBe(first.time);
    const kept = [...first.time];
    b.push({ ...each[0], time: 42 });
    expect([...first.time]).toEqual(kept);
    expect(b.snapshot(true).time[each.length]).toBe(42);
    // Without the room, or unshared, every snapshot is a copy of its own.
    expect(b.snapshot().time).not.toBe(b.snapshot().time);
    const plain = new FactsBuilder();
    for (const a of each) plain.push(a);
    expect(plain.snapshot(true).time).not.toBe(plain.snapshot(true).time);
  });
});

describe("the warm start's page from the snapshot", () => {
  it('gives each page article its coins and time, and the stories cut to the page, before any file is checked', () =>
    withCopy(async (root, cacheDir) => {
      const cacheFile = indexFile(cacheDir, [root]);
      const load = await loadCorpus([root], { cache: true, cacheDir });
      const full = (await factsInBackground((id) => load.articles[id], load.articles.length, { worker, cacheFile }, load.indexIds))!;
      await eventually(cacheFile, 'SELECT count(*) FROM facts_snapshot', (v) => v === 1);
      const page = warmStart([root], 40, { cacheDir })!;
      const service = new FactsService({ worker, cacheFile });
      let facts: Facts | null;
      try {
        facts = await service.warm(page.rowIds);
      } finally {
        service.close();
      }
      expect(facts!.n).toBe(40);
      // The page's article k is the loaded article on the same row.
      const loadedOf = (k: number) => load.indexIds!.indexOf(page.rowIds[k]);
      for (let k = 0; k < 40; k++) {
        const id = loadedOf(k);
        expect(load.articles[id].path).toBe(page.articles[k].path);
        expect(coinMentionsOf(facts!, k)).toEqual(coinMentionsOf(full, id));
        expect(facts!.time[k]).toBe(full.time[id]);
      }
      // Two page articles share a story exactly when they do in the whole corpus; a story's size is its members on the page.
      for (let x = 0; x < 40; x++) {
        for (let y = 0; y < 40; y++) expect(facts!.story[x] === facts!.story[y]).toBe(full.story[loadedOf(x)] === full.story[loadedOf(y)]);
        expect(facts!.size[x]).toBe(Array.from(facts!.story).filter((s) => s === facts!.story[x]).length);
      }
      expect(Math.max(...facts!.size)).toBeGreaterThanOrEqual(2);
      // Without a snapshot there is nothing to give.
      const db = new Database(cacheFile);
      db.exec('DELETE FROM facts_snapshot');
      db.close();
      const none = new FactsService({ worker, cacheFile });
      try {
        expect(await none.warm(page.rowIds)).toBeNull();
      } finally {
        none.close();
      }
    }));
});

describe('a small folder whose warm page started the worker', () => {
  it('loads its facts on that worker, so counts and live updates see every article (the pulse was all zeros)', () =>
    withCopy(async (root, cacheDir) => {
      const cacheFile = indexFile(cacheDir, [root]);
      const load = await loadCorpus([root], { cache: true, cacheDir });
      (await factsInBackground((id) => load.articles[id], load.articles.length, { worker, cacheFile }, load.indexIds))!;
      await eventually(cacheFile, 'SELECT count(*) FROM facts_snapshot', (v) => v === 1);
      const page = warmStart([root], 40, { cacheDir })!;
      // As the dashboard does: the warm page's facts first (this starts the worker), then the load.
      // The folder is below MIN_FOR_WORKER, where a load without a worker computes on this thread.
      // The built module, as the program runs it: only there does it find its worker by itself.
      const built = new URL('../../../dist/core/stories/facts-background.js', import.meta.url).href;
      const { FactsService: BuiltService } = (await import(built)) as typeof import('../../../src/core/stories/facts-background.js');
      const service = new BuiltService({ cacheFile });
      try {
        expect(await service.warm(page.rowIds)).not.toBeNull();
        const next = await loadCorpus([root], { cache: true, cacheDir });
        const facts = (await service.load((id) => next.articles[id], next.articles.length, next.indexIds))!;
        expect(facts.n).toBe(next.articles.length);
        const ids = Int32Array.from(next.articles, (a) => a.id);
        const counted = await service.count(ids.slice(), false, Date.now());
        expect(counted!.pulse.total).toBe(next.articles.length);
        expect(counted!.pulse).toEqual(pulseOfFacts(ids, computed(next.articles)));
      } finally {
        service.close();
      }
    }));
});

describe('the snapshot and --no-group', () => {
  it('a run without grouping writes none and reads a grouped one without its stories; the next grouped run still groups', () =>
    withCopy(async (root, cacheDir) => {
      const cacheFile = indexFile(cacheDir, [root]);
      const load = await loadCorpus([root], { cache: true, cacheDir });
      const run = (group: boolean) => factsInBackground((id) => load.articles[id], load.articles.length, { worker, cacheFile, group }, load.indexIds);
      const flat = (await run(false))!;
      expect([...flat.size].every((s) => s === 1)).toBe(true);
      // Its per-file rows are stored where a snapshot would be, just before: once they are in, none came.
      await eventually(cacheFile, 'SELECT count(*) FROM article_facts', (v) => v === load.articles.length);
      expect(count(cacheFile, 'SELECT count(*) FROM facts_snapshot')).toBe(0);
      const want = computed(load.articles);
      expect(await run(true)).toEqual(want);
      expect(await eventually(cacheFile, 'SELECT count(*) FROM facts_snapshot', (v) => v === 1)).toBe(1);
      const before = count(cacheFile, 'SELECT length(data) FROM facts_snapshot');
      const flatAgain = (await run(false))!;
      expect([...flatAgain.size].every((s) => s === 1)).toBe(true);
      expect(pulseOfFacts(load.articles.map((a) => a.id), flatAgain)).toEqual(pulseOfFacts(load.articles.map((a) => a.id), want));
      expect(count(cacheFile, 'SELECT length(data) FROM facts_snapshot')).toBe(before);
      expect(await run(true)).toEqual(want);
    }));
});
