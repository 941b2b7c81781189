// The background full-text build: every pending row gets its text, in id order; a row whose file
// changed is left pending and counted as left; rows another writer adds while the build runs are
// taken too, and the build reports itself whole when only those were ever pending.
import { describe, expect, it } from 'vitest';
import { toRecord, type ArticleRecord } from '../../../src/core/article-record.js';
import { matchingIds } from '../../../src/core/index/fts.js';
import { articleFields } from '../../../src/core/index/columns.js';
import type { IndexedArticle, PendingRow } from '../../../src/core/index/store.js';
import { buildText, TEXT_BATCH } from '../../../src/core/index/text-build.js';
import { pendingText } from '../../../src/core/index/article-text.js';
import type { ArticleMeta } from '../../../src/core/article.js';
import { memoryIndex } from '../../helpers/memory-index.js';

const mem = memoryIndex();

function record(p: string, title: string): ArticleRecord {
  const meta = {
    path: p, relPath: p.slice(1), title, description: '', publishedAt: null, dateGuessed: true, updatedAt: null, calendarDates: 0,
    source: 'wire', sourceKey: 'wire', categories: [], tags: [], sentiment: null, score: null, lang: null, draft: false,
    stickyWeight: 0, url: null, format: 'yaml', size: 10, mtimeMs: 1, notes: [], coinFields: [], externalId: null,
  } as unknown as ArticleMeta;
  return toRecord(meta, '1:1', 10, []);
}

// A row without text, as a cold load writes it (the text build fills it in).
const pending = (p: string, title: string, published: number | null = null): IndexedArticle => ({
  path: p, size: 10, mtime: 1, dev: 1, ino: p.length, published, article: record(p, title), lead: '', text: null,
  fields: articleFields(record(p, title)),
});

const bodyOf = (row: PendingRow): string => `body of ${row.path.slice(1)} about validators`;
const textsOf = async (rows: readonly PendingRow[]) => rows.map((row) => pendingText(row, bodyOf(row)));

describe('buildText', () => {
  it('writes the text of every pending row, in batches, and ends whole', async () => {
    const count = TEXT_BATCH * 2 + 7;
    mem.store.put(Array.from({ length: count }, (_, i) => pending(`/n${i}.md`, `Note ${i}`)));
    const progress: number[] = [];
    const r = await buildText(mem.db, textsOf, (done) => progress.push(done));
    expect(r).toEqual({ written: count, left: 0, complete: true });
    expect(progress).toEqual([TEXT_BATCH, TEXT_BATCH * 2, count]);
    expect(mem.store.pendingCount()).toBe(0);
    expect(matchingIds(mem.db, ['validators'], false)).toHaveLength(count);
  });

  it('leaves a row whose file changed pending, and counts it as left', async () => {
    mem.store.put([pending('/a.md', 'A'), pending('/b.md', 'B'), pending('/c.md', 'C')]);
    const r = await buildText(mem.db, async (rows) => rows.map((row) => pendingText(row, row.path === '/b.md' ? null : bodyOf(row))));
    expect(r).toEqual({ written: 2, left: 1, complete: true });
    expect(mem.store.pendingCount()).toBe(1);
  });

  it('takes rows a second writer adds while it runs, and is whole when they are done', async () => {
    mem.store.put([pending('/a.md', 'A')]);
    let added = false;
    const r = await buildText(mem.db, async (rows) => {
      if (!added) {
        // Another instance's load writes its rows between this build's batches.
        mem.store.put([pending('/x.md', 'X'), pending('/y.md', 'Y')]);
        added = true;
      }
      return textsOf(rows);
    });
    expect(r).toEqual({ written: 3, left: 0, complete: true });
    expect(mem.store.pendingCount()).toBe(0);
  });

  it('writes a batch as one FTS5 segment even when its rows come in no id order', async () => {
    // Rows are taken newest first, which is no id order: written as given, FTS5 wrote a segment
    // per row (it flushes whenever a rowid is not larger than the last) and merging them was most
    // of the build's time.
    const ids = mem.store.put(Array.from({ length: 200 }, (_, i) => pending(`/n${i}.md`, `Note ${i}`)));
    const shuffled = ids.map((id, k) => ({ id, key: (k * 7919) % 200 })).sort((a, b) => a.key - b.key);
    const text = { title: 'T', description: '', tags: '', source: 'wire', category: '', body: 'validators staking', coins: [] };
    // No merging, so every segment written stays to be counted.
    mem.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0); INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 1000);");
    expect(mem.store.putText(shuffled.map(({ id }) => ({ id, text })))).toBe(200);
    expect(mem.db.prepare('SELECT count(DISTINCT segid) FROM articles_fts_idx').pluck().get()).toBe(1);
    expect(matchingIds(mem.db, ['staking'], false)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('takes the pending rows in id order, whatever their dates, one batch after another', async () => {
    // Newest first spread each transaction over the whole id range (FTS5 segments that overlap).
    const count = TEXT_BATCH + 10;
    const ids = mem.store.put(Array.from({ length: count }, (_, i) => pending(`/n${i}.md`, `Note ${i}`, (i * 7919) % count)));
    const asked: number[][] = [];
    await buildText(mem.db, async (rows) => {
      asked.push(rows.map((row) => row.id));
      return textsOf(rows);
    });
    expect(asked.map((batch) => batch.length)).toEqual([TEXT_BATCH, 10]);
    expect(asked.flat()).toEqual([...ids].sort((a, b) => a - b));
  });

  it('reads back only the rows still pending among those asked, ascending', () => {
    const ids = mem.store.put([pending('/a.md', 'A'), pending('/b.md', 'B'), pending('/c.md', 'C'), pending('/d.md', 'D')]);
    const text = { title: 'T', description: '', tags: '', source: 'wire', category: '', body: 'x', coins: [] };
    // Another process wrote the text of /b.md meanwhile; /d.md is pending but not asked for.
    mem.store.putText([{ id: ids[1], text }]);
    const rows = mem.store.rowsOf([ids[2], ids[0], ids[1]]);
    expect(rows.map((r) => r.path)).toEqual(['/a.md', '/c.md']);
    expect(rows[0]).toMatchObject({ id: ids[0], size: 10, mtime: 1, dev: 1, ino: 5 });
    expect(JSON.parse(rows[1].article)[0]).toBe('/c.md');
    expect(mem.store.rowsOf([])).toEqual([]);
  });

  it('checkpoints the WAL every 16,384 pages while it builds, and not at all when a row writer turned that off', async () => {
    mem.store.put([pending('/a.md', 'A')]);
    mem.db.pragma('wal_autocheckpoint = 1000');
    await buildText(mem.db, textsOf);
    expect(mem.db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    mem.store.put([pending('/b.md', 'B')]);
    mem.db.pragma('wal_autocheckpoint = 0');
    await buildText(mem.db, textsOf);
    expect(mem.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('lets segments pile up to 16 a level before merging them', async () => {
    mem.store.put([pending('/a.md', 'A')]);
    await buildText(mem.db, textsOf);
    const config = (k: string): unknown => mem.db.prepare('SELECT v FROM articles_fts_config WHERE k = ?').pluck().get(k);
    expect([config('automerge'), config('crisismerge')]).toEqual([16, 64]);
  });

  it('stops early when told, counting every row still pending as left', async () => {
    mem.store.put(Array.from({ length: TEXT_BATCH * 3 }, (_, i) => pending(`/n${i}.md`, `Note ${i}`)));
    let batches = 0;
    const r = await buildText(mem.db, textsOf, () => batches++, () => batches >= 1);
    expect(r.complete).toBe(false);
    expect(r.written).toBe(TEXT_BATCH);
    expect(r.left).toBe(TEXT_BATCH * 2);
  });
});
