// A cold load of up to ROWS_HELD files hands each row's text with it: the parse threads keep the
// folded body they made, and the index's thread writes the row and its FTS5 text in one pass
// (index/text-build.ts handedRows, store.ts putHanded) instead of reading every file again after
// the list. What it writes must be what the text build writes from the files read back; a file
// edited after its parse ends up indexed with its new text on the next run.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../../src/core/index/database.js';
import { buildText, reserveRowIds, RowWriter } from '../../../src/core/index/text-build.js';
import { handedText, makeRows } from '../../../src/core/index/article-text.js';
import type { HandedBatch, MadeRow } from '../../../src/core/index/store.js';
import { matchingIds } from '../../../src/core/index/fts.js';
import { parseBatch } from '../../../src/core/load/parse-worker.js';
import { localTexts } from '../../../src/core/load/text-worker.js';
import { R, type ArticleRecord } from '../../../src/core/article-record.js';
import { cleanup, makeTempDir, write } from '../load/loader-fs.js';

const CAP = 1 << 20;

// Articles with what the text must carry: accents folded, coins from front matter, tags, names
// in the title, cashtags in the body (and a body without a `$`), a failed file among them.
const POSTS: Record<string, string> = {
  'a/one.md': "---\ntitle: Solana Fees Rise 49%\ndescription: Validators in São Paulo\ntags: [BTC, Régulation]\nsource:\n  name: Les Échos\n  key: lesechos\n---\nThe $SOL and $eth rally; Ærø's café.\n",
  'a/two.md': '---\ntitle: Ether slips\ncurrencies: [XRP]\ncategories: [markets]\n---\nNo cashtag here, only Ethereum and ÉTÉ.\n',
  'b/three.md': '---\ntitle: "Quiet day"\n---\nPlain body, nothing to find but zyxquiet.\n',
  'b/broken.md': '\u0000\u0001\u0002binary',
  'b/four.md': '+++\ntitle = "TOML story about Bitcoin"\ntags = ["DOGE"]\n+++\nBody with $xbt and $PAC and naïve text.\n',
};

let root: string;
beforeEach(() => {
  root = makeTempDir();
  for (const [rel, text] of Object.entries(POSTS)) write(root, rel, text);
});
afterEach(() => cleanup(root));

const jobs = (): Array<{ path: string; relPath: string; folderName: string }> =>
  Object.keys(POSTS)
    .sort()
    .map((rel) => ({ path: path.join(root, rel), relPath: rel, folderName: path.basename(root) }));

// One index file written from a parse batch: with `bodies`, the rows carry their texts; without,
// they are left pending and the text build reads their files again (a load past ROWS_HELD files).
// `made`: the rows are made ready by the thread that hands them (makeRows) and posted (cloned, the
// bodies moved), as the load's thread does after the list (load/text-thread.ts).
async function indexOf(name: string, withBodies: boolean, made = false): Promise<Database.Database> {
  const reply = parseBatch({ batch: 0, jobs: jobs(), cap: CAP, withBody: true });
  const db = openIndex(path.join(root, name)).db;
  let next = reserveRowIds(db, reply.outcomes.length);
  const ids = Int32Array.from(reply.outcomes.map((o) => (o.ok ? next++ : -1)));
  const writer = new RowWriter(() => db, 16 << 20);
  const batch: HandedBatch = { json: JSON.stringify(reply.outcomes), ids, ...(withBodies ? { bodies: reply.bodies } : {}) };
  const rows = made ? makeRows(batch) : null;
  writer.add(rows ? structuredClone({ json: '', ids: new Int32Array(0), bodies: batch.bodies, made: rows }, { transfer: [reply.bodies] }) : batch);
  writer.flush();
  // As the index's thread does after the rows: handed texts leave nothing for it but reserved ids no row took.
  const built = await buildText(db, localTexts(CAP).read);
  expect(built).toEqual({ written: withBodies ? 0 : 4, left: 0, complete: true });
  return db;
}

const dump = (db: Database.Database): unknown => ({
  vocabulary: db.prepare('SELECT term, doc, cnt FROM articles_vocab ORDER BY term').raw().all(),
  coins: db.prepare('SELECT symbol, id FROM article_coins ORDER BY id, symbol').raw().all(),
  rows: db.prepare('SELECT id, path, article, lead FROM articles ORDER BY id').raw().all(),
  pending: db.prepare('SELECT count(*) FROM text_pending').pluck().get(),
});

describe('texts handed over with the rows', () => {
  it('index the same words, coins and rows as the texts read back from the files', async () => {
    const handed = await indexOf('handed.sqlite', true);
    const readBack = await indexOf('read-back.sqlite', false);
    try {
      const ours = dump(handed) as { vocabulary: unknown[]; coins: unknown[]; pending: number };
      expect(ours.pending).toBe(0);
      // Not vacuous: the words, the folded accents and the coins are there.
      expect(ours.vocabulary.length).toBeGreaterThan(30);
      expect(matchingIds(handed, ['sao', 'paulo'], false)).toHaveLength(1);
      expect(matchingIds(handed, ['regulation'], false)).toHaveLength(1);
      expect(matchingIds(handed, ['ete'], false)).toHaveLength(1);
      expect(ours.coins).toEqual(expect.arrayContaining([['SOL', 1], ['ETH', 1], ['BTC', 1], ['XRP', 2], ['ETH', 2], ['BTC', 3], ['DOGE', 3]]));
      expect(ours).toEqual(dump(readBack));
    } finally {
      handed.close();
      readBack.close();
    }
  });

  it('made ready by the thread that hands them (makeRows), index the same words, coins and rows', async () => {
    const handed = await indexOf('handed.sqlite', true);
    const made = await indexOf('made.sqlite', true, true);
    try {
      expect((dump(made) as { coins: unknown[] }).coins.length).toBeGreaterThan(5);
      expect(dump(made)).toEqual(dump(handed));
      const columns = 'SELECT id, path, size, mtime, dev, ino, published, source_match, lang, sentiment, draft, sticky, warned FROM articles ORDER BY id';
      expect(made.prepare(columns).raw().all()).toEqual(handed.prepare(columns).raw().all());
    } finally {
      handed.close();
      made.close();
    }
  });

  it('a batch without bodies is not made ready: its rows wait for the texts read from the files', () => {
    const reply = parseBatch({ batch: 0, jobs: jobs(), cap: CAP, withBody: false });
    expect(makeRows({ json: JSON.stringify(reply.outcomes), ids: Int32Array.from(reply.outcomes.map((_, k) => k + 1)) })).toBeNull();
  });

  it('rows made ready are written as they come, once 2,000 are held, whole batches a transaction, before the last is handed', () => {
    const db = openIndex(path.join(root, 'eager.sqlite')).db;
    try {
      const rows = (from: number, count: number): MadeRow[] =>
        Array.from({ length: count }, (_, k): MadeRow => [from + k, `/n/${from + k}.md`, 1, 2, 3, from + k, null, '[]', '', '', '', '', 0, 0, 0, null, null, 'title', '', '', '', '', [], 0, 0]);
      const writer = new RowWriter(() => db, 64 << 20);
      const count = (): number => db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
      writer.add({ json: '', ids: new Int32Array(0), bodies: new ArrayBuffer(0), made: rows(1, 1_500) });
      expect(count()).toBe(0);
      writer.add({ json: '', ids: new Int32Array(0), bodies: new ArrayBuffer(0), made: rows(1_501, 1_500) });
      // The first batch went in as the second came (two would be past 2,000 rows a transaction); the second waits for more or flush().
      expect(count()).toBe(1_500);
      expect(writer.heldCount).toBe(1_500);
      writer.flush();
      expect(count()).toBe(3_000);
      expect(matchingIds(db, ['title'], false)).toHaveLength(3_000);
    } finally {
      db.close();
    }
  });

  it('a body without a `$` is not decoded for cashtags, and gives the coins a decoded one does', () => {
    const reply = parseBatch({ batch: 0, jobs: jobs(), cap: CAP, withBody: true });
    let offset = 0;
    for (const o of reply.outcomes) {
      if (!o.ok) continue;
      const body = Buffer.from(reply.bodies, offset, o.record[R.bodyLength]);
      offset += o.record[R.bodyLength];
      const text = handedText(o.record as ArticleRecord, body);
      expect(text.body).toBe(body);
      // The same text as from the body as a string (article-text.ts articleText, the read-back path).
      const fromString = handedText(o.record as ArticleRecord, Buffer.from(body.toString('utf8') + ' $', 'utf8'));
      expect(text.coins).toEqual(fromString.coins);
    }
    expect(offset).toBe(reply.bodies.byteLength);
  });
});

describe('a cold load with handed texts (built loader)', () => {
  type Loader = typeof import('../../../src/core/load/load.js');
  const built = (): Promise<Loader> => import(new URL('../../../dist/core/load/load.js', import.meta.url).href) as Promise<Loader>;
  type IndexFace = typeof import('../../../src/core/index/index.js');
  const builtIndex = (): Promise<IndexFace> => import(new URL('../../../dist/core/index/index.js', import.meta.url).href) as Promise<IndexFace>;
  // Enough files for the load to hand its rows to the text build's thread (load.ts).
  const FILES = 2_200;
  const post = (i: number, word: string): string => `---\ntitle: Story ${i}\npublishedAt: '2025-11-0${1 + (i % 9)}T02:13:55.000Z'\n---\nBody ${i} about ${word}.\n`;

  it('a file edited after its parse ends up indexed with its new text on the next run', { timeout: 120_000 }, async () => {
    const corpus = path.join(root, 'news');
    const cacheDir = path.join(root, 'cache');
    for (let i = 0; i < FILES; i++) write(corpus, `f${i % 3}/s-${String(i).padStart(5, '0')}.md`, post(i, 'oldword'));
    const { loadCorpus } = await built();
    const { indexFile } = await builtIndex();
    const cold = await loadCorpus([corpus], { cacheDir });
    // Edited while the text is being written: the row and text written describe what was parsed.
    const edited = path.join(corpus, 'f1', 's-00004.md');
    fs.writeFileSync(edited, post(4, 'newword'));
    fs.utimesSync(edited, new Date(), new Date(Date.now() + 5_000));
    expect(await cold.fullText).toBe(true);
    const file = indexFile(cacheDir, [corpus]);
    const count = (word: string): number => {
      const db = new Database(file, { readonly: true });
      try {
        return matchingIds(db, [word], false).length;
      } finally {
        db.close();
      }
    };
    expect(count('oldword')).toBe(FILES);
    expect(count('newword')).toBe(0);
    const next = await loadCorpus([corpus], { cacheDir });
    expect(await next.fullText).toBe(true);
    expect(count('oldword')).toBe(FILES - 1);
    expect(count('newword')).toBe(1);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(0);
      const id = db.prepare('SELECT id FROM articles WHERE path = ?').pluck().get(edited);
      expect(matchingIds(db, ['newword'], false)).toEqual([id]);
    } finally {
      db.close();
    }
  });
});
