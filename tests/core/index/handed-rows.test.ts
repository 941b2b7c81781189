// A cold load of many files hands its rows to the text build's thread, which writes them after
// the list (index/text-build.ts). The threads run the built bundles, so the loads here drive the
// built loader (dist/, built by `npm test`); the writer's pieces are also tested from the sources.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import { openIndex } from '../../../src/core/index/database.js';
import { reserveRowIds, RowWriter } from '../../../src/core/index/text-build.js';
import type { HandedBatch } from '../../../src/core/index/store.js';
import { cleanup, makeTempDir, write } from '../load/loader-fs.js';
import { indexRows } from '../../helpers/index-rows.js';

type Loader = typeof import('../../../src/core/load/load.js');
const built = (): Promise<Loader> => import(new URL('../../../dist/core/load/load.js', import.meta.url).href) as Promise<Loader>;
type IndexFace = typeof import('../../../src/core/index/index.js');
const builtIndex = (): Promise<IndexFace> => import(new URL('../../../dist/core/index/index.js', import.meta.url).href) as Promise<IndexFace>;

// More files than a cold load needs before it starts the text build's threads with the parse (load.ts).
const FILES = 2_400;

const post = (i: number, title = `Story number ${i}`): string =>
  `---\ntitle: ${title}\npublishedAt: '2025-11-${String(1 + (i % 28)).padStart(2, '0')}T02:13:55.000Z'\nsource:\n  name: Decrypt\n  key: decrypt\ntags: [BTC, t${i % 13}]\n---\nBody of story ${i} about zyxwordw${i}.\n`;

let root: string;
let corpus: string;
let cacheDir: string;
beforeEach(() => {
  root = makeTempDir();
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  for (let i = 0; i < FILES; i++) write(corpus, `f${i % 4}/a-${String(i).padStart(5, '0')}.md`, post(i));
});
afterEach(() => cleanup(root));

describe('a cold load hands its rows to the text build thread (built loader)', () => {
  it('writes every row under the id the load gave it, then the full text; the next run starts warm', { timeout: 120_000 }, async () => {
    const { loadCorpus } = await built();
    const { indexFile } = await builtIndex();
    let wroteSaid: boolean | null = null;
    const cold = await loadCorpus([corpus], { cacheDir, onCacheWritten: (ok) => (wroteSaid = ok) });
    expect(cold.articles).toHaveLength(FILES);
    expect(cold.textReady).toBe(false);
    // The list came before the rows were written: the thread says so only after loadCorpus returned.
    expect(wroteSaid).toBeNull();
    expect(await cold.rowsWritten).toBe(true);
    expect(await cold.fullText).toBe(true);
    expect(wroteSaid).toBe(true);
    const disk = indexRows(indexFile(cacheDir, [corpus]));
    expect(disk.ids.size).toBe(FILES);
    // indexIds, known when the list was, name the rows written after it.
    expect(cold.articles.map((a) => disk.ids.get(a.path))).toEqual(Array.from(cold.indexIds!));
    expect(disk.pending).toBe(0);
    expect(disk.texts).toBe(FILES);

    const warm = await loadCorpus([corpus], { cacheDir });
    expect(warm.textReady).toBe(true);
    expect(await warm.rowsWritten).toBe(true);
    expect(warm.articles.map((a) => a.title)).toEqual(cold.articles.map((a) => a.title));
    expect(Array.from(warm.indexIds!)).toEqual(Array.from(cold.indexIds!));
  });

  it('no one reads the index as complete before the handed rows and their text are in (a first --filter asks it right after the load)', { timeout: 120_000 }, async () => {
    const { loadCorpus } = await built();
    const { hasMark, WordIndex } = await builtIndex();
    const cold = await loadCorpus([corpus], { cacheDir });
    // Asked at once, as a first `--filter about` does: no answer (the words are then read from
    // the bodies), never an empty one.
    expect(await WordIndex.forLoad([corpus], cold.indexIds!, undefined, cacheDir)).toBeNull();
    expect(await cold.fullText).toBe(true);
    const words = await WordIndex.forLoad([corpus], cold.indexIds!, undefined, cacheDir);
    expect(words).not.toBeNull();
    // A word only the bodies hold: every article's text is in.
    const answer = words!.containing(['about']);
    expect(answer?.rest).toEqual([]);
    expect(cold.articles.filter((a) => hasMark(answer!.marks, a.id))).toHaveLength(FILES);
    words!.close();
  });

  it('a first --filter with a free word prints every match (the built CLI)', { timeout: 120_000 }, async () => {
    const { indexFile } = await builtIndex();
    const cli = new URL('../../../dist/cli.js', import.meta.url).pathname;
    const env = { ...process.env, XDG_CACHE_HOME: cacheDir, XDG_STATE_HOME: path.join(root, 'state'), XDG_CONFIG_HOME: path.join(root, 'config') };
    for (const run of ['cold', 'warm']) {
      const out = await runNode([cli, '--filter', 'about', '--print', 'path', corpus], { env });
      expect({ run, status: out.status }).toEqual({ run, status: 0 });
      expect(out.stdout.trim().split('\n')).toHaveLength(FILES);
      // The cold run ended after the text build closed the index: its WAL is in the file, not left
      // for the next run to read through.
      const file = indexFile(path.join(cacheDir, 'crypto-news-tui'), [corpus]);
      if (run === 'cold') expect({ index: fs.existsSync(file), wal: fs.existsSync(`${file}-wal`) }).toEqual({ index: true, wal: false });
    }
  });

  it('an edited, an added and a deleted file show up on the next run', { timeout: 120_000 }, async () => {
    const { loadCorpus } = await built();
    const cold = await loadCorpus([corpus], { cacheDir });
    expect(await cold.fullText).toBe(true);
    const edited = path.join(corpus, 'f1', 'a-00001.md');
    fs.writeFileSync(edited, post(1, 'An edited title'));
    fs.utimesSync(edited, new Date(), new Date(Date.now() + 5_000));
    write(corpus, 'f9/new.md', post(FILES, 'A new story'));
    fs.rmSync(path.join(corpus, 'f2', 'a-00002.md'));
    const next = await loadCorpus([corpus], { cacheDir });
    expect(await next.fullText).toBe(true);
    const titles = next.articles.map((a) => a.title);
    expect(titles).toContain('An edited title');
    expect(titles).not.toContain('Story number 1');
    expect(titles).toContain('A new story');
    expect(titles).not.toContain('Story number 2');
    expect(next.articles).toHaveLength(FILES);
  });

  it('loads the same articles as a load without the index', { timeout: 120_000 }, async () => {
    const { loadCorpus } = await built();
    const cold = await loadCorpus([corpus], { cacheDir });
    const none = await loadCorpus([corpus], { cache: false });
    expect(await cold.fullText).toBe(true);
    expect(cold.articles.map((a) => [a.path, a.title, a.publishedAt, a.tags])).toEqual(none.articles.map((a) => [a.path, a.title, a.publishedAt, a.tags]));
  });
});

describe('the row writer (sources)', () => {
  let file: string;
  beforeEach(() => {
    file = path.join(root, 'index.sqlite');
  });

  const record = (i: number): unknown[] => [`/n/${i}.md`, `${i}.md`, `T${i}`, '', 1_700_000_000_000.5, false, null, 'S', 's', [], [], null, null, null, false, 0, null, 'yaml', 10, 1, [], `1:${i}`, 0, [], [], null];
  // A parse batch as a thread hands it: outcomes as JSON (a failed file among them) and each one's id.
  const batch = (...items: Array<[id: number, i: number]>): HandedBatch => ({
    json: JSON.stringify(items.map(([id, i]) => (id < 0 ? { ok: false, reason: 'binary file', inode: null } : { ok: true, record: record(i), lead: `lead ${i}` }))),
    ids: Int32Array.from(items.map(([id]) => id)),
  });

  it('reserves disjoint id ranges above every id given out, across connections', () => {
    const a = openIndex(file).db;
    const b = openIndex(file).db;
    try {
      const first = reserveRowIds(a, 100);
      const second = reserveRowIds(b, 50);
      expect(first).toBe(1);
      expect(second).toBe(101);
      // Every reserved id waits for its text from the start: the index is not complete before its rows are there.
      expect(a.prepare('SELECT min(id), max(id), count(*) FROM text_pending').raw().get()).toEqual([1, 150, 150]);
      // An ordinary insert after both takes the next id: nothing reserved is given out again.
      a.prepare("INSERT INTO articles (path, size, mtime, dev, ino, article) VALUES ('/x.md', 1, 1, 1, 1, '[]')").run();
      expect(a.prepare("SELECT id FROM articles WHERE path = '/x.md'").pluck().get()).toBe(151);
      expect(reserveRowIds(b, 1)).toBe(152);
    } finally {
      a.close();
      b.close();
    }
  });

  it('holds batches up to its bound in bytes, writes past it, and writes the rest on flush, each pending its text', () => {
    const opened = openIndex(file);
    const db = opened.db;
    let opens = 0;
    const first = batch([1, 1], [-1, 0], [2, 2]);
    const second = batch([3, 3]);
    const bytes = (b: HandedBatch): number => Buffer.byteLength(b.json, 'utf8');
    const writer = new RowWriter(() => (opens++, db), bytes(first) + bytes(second));
    const count = (): number => db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    try {
      writer.add(first);
      writer.add(second);
      expect(count()).toBe(0);
      expect(opens).toBe(0);
      expect({ rows: writer.heldCount, bytes: writer.heldByteCount }).toEqual({ rows: 3, bytes: bytes(first) + bytes(second) });
      writer.add(batch([4, 4], [5, 5]));
      // Past the bound the oldest batch is written: the failed file has no row.
      expect(count()).toBe(2);
      writer.flush();
      expect(count()).toBe(5);
      expect(writer.written).toBe(5);
      expect(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all()).toEqual([1, 2, 3, 4, 5]);
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(5);
      expect(db.prepare('SELECT lead, published FROM articles WHERE id = 4').get()).toEqual({ lead: 'lead 4', published: 1_700_000_000_000 });
      // A row of the same path written meanwhile (another instance) is replaced, not doubled.
      writer.add(batch([9, 1]));
      writer.flush();
      expect(db.prepare("SELECT id FROM articles WHERE path = '/n/1.md'").pluck().all()).toEqual([9]);
    } finally {
      db.close();
    }
  });

  // ~1.5 KB of lead a row: 5,000 rows are ~1,800 WAL pages, past SQLite's automatic checkpoint at 1,000.
  const many = (from: number, count: number, bodies: boolean): HandedBatch => {
    const b = batch(...Array.from({ length: count }, (_, k): [number, number] => [from + k, from + k]));
    // The records' bodies are 0 bytes long: an empty buffer is every body of the batch.
    return { ...b, json: b.json.replace(/"lead \d+"/g, (lead) => `"${lead.slice(1, -1)} ${'x'.repeat(1_500)}"`), ...(bodies ? { bodies: new ArrayBuffer(0) } : {}) };
  };
  const walFrames = (db: Database.Database): number => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0].log;

  // Held in full and brought their texts: every frame the rows made is still in the WAL, none was
  // checkpointed (then the WAL restarts), the one checkpoint is the connection's close. Without
  // their texts the text build writes the whole full text after them: the connection keeps the
  // build's bounded checkpoint (text-build.ts checkpointLess), not none.
  it.each([
    { texts: true, pending: 0, checkpoint: 0 },
    { texts: false, pending: 5_000, checkpoint: 16_384 },
  ])('rows held in full, with their texts: $texts, leave the WAL checkpointed every $checkpoint pages', ({ texts, pending, checkpoint }) => {
    const db = openIndex(file).db;
    try {
      const writer = new RowWriter(() => db, 64 << 20);
      for (let from = 1; from <= 5_000; from += 500) writer.add(many(from, 500, texts));
      writer.flush();
      expect(writer.written).toBe(5_000);
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(pending);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(checkpoint);
      // SQLite's default checkpoint would have run past 1,000 frames; the rows alone made ~1,800.
      expect(walFrames(db)).toBeGreaterThan(1_500);
    } finally {
      db.close();
    }
  });

  it('counts what it holds in UTF-8 bytes (bodies included) and writes it back as the same text', () => {
    const db = openIndex(file).db;
    try {
      const wide = batch([1, 1]);
      // Two characters past Latin-1 and one past the BMP: 3 + 3 + 4 UTF-8 bytes for 1 + 1 + 2 UTF-16 units.
      const json = wide.json.replace('"T1"', '"T1 — …😀"');
      const writer = new RowWriter(() => db, 1 << 20);
      writer.add({ json, ids: wide.ids, bodies: new ArrayBuffer(7) });
      expect(writer.heldByteCount).toBe(json.length + 6 + 7);
      writer.flush();
      expect(writer.heldByteCount).toBe(0);
      const stored = db.prepare('SELECT article FROM articles WHERE id = 1').pluck().get() as string;
      expect((JSON.parse(stored) as unknown[])[2]).toBe('T1 — …😀');
    } finally {
      db.close();
    }
  });

  it("stores the record as the batch's JSON spells it when the batch says where each record is (spans)", () => {
    const db = openIndex(file).db;
    try {
      const plain = batch([1, 1], [-1, 0], [2, 2]);
      // Where a parse thread's outcomesJson puts each record; the text is sliced, not made again.
      const spans = new Int32Array(6).fill(-1);
      for (const k of [0, 2]) {
        const text = JSON.stringify(record(k === 0 ? 1 : 2));
        spans[2 * k] = plain.json.indexOf(text);
        spans[2 * k + 1] = spans[2 * k] + text.length;
      }
      // A record text that differs from JSON.stringify(record) shows which one was stored; past
      // Latin-1, as most records are, its place is the same once the held UTF-8 is read back.
      const json = plain.json.replace('"T2"', '"T2 — as sent"');
      spans[5] += ' — as sent'.length;
      const writer = new RowWriter(() => db, 0);
      writer.add({ json, ids: plain.ids, spans });
      writer.add(batch([3, 3]));
      writer.flush();
      const stored = db.prepare('SELECT id, article FROM articles ORDER BY id').raw().all() as Array<[number, string]>;
      expect(stored.map(([id, a]) => [id, (JSON.parse(a) as unknown[])[2]])).toEqual([[1, 'T1'], [2, 'T2 — as sent'], [3, 'T3']]);
      expect(stored[0][1]).toBe(JSON.stringify(record(1)));
    } finally {
      db.close();
    }
  });
});
