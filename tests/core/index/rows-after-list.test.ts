// A cold load of more files than ROWS_HELD hands its rows to the text build's thread without
// their bodies: the thread holds them while the parse runs and writes them once the list is made,
// then builds their text from the files read again (index/text-build.ts). The loads here drive
// the built loader (dist/, built by `npm test`): the threads run the built bundles.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import { cleanup, makeTempDir, write } from '../load/loader-fs.js';
import { indexRows } from '../../helpers/index-rows.js';

type Loader = typeof import('../../../src/core/load/load.js');
const built = (): Promise<Loader> => import(new URL('../../../dist/core/load/load.js', import.meta.url).href) as Promise<Loader>;
type IndexFace = typeof import('../../../src/core/index/index.js');
const builtIndex = (): Promise<IndexFace> => import(new URL('../../../dist/core/index/index.js', import.meta.url).href) as Promise<IndexFace>;

const post = (i: number): string =>
  `---\ntitle: Story — number ${i}\npublishedAt: '2025-11-${String(1 + (i % 28)).padStart(2, '0')}T02:13:55.000Z'\nsource:\n  name: Decrypt\n  key: decrypt\ntags: [BTC, t${i % 13}]\n---\nBody of story ${i} about zyxwordw${i}.\n`;

let root: string;
let corpus: string;
let files: number;
beforeAll(async () => {
  const { ROWS_HELD } = await builtIndex();
  // Past the bound for rows handed with their bodies, well under ROWS_HANDED.
  files = ROWS_HELD + 300;
  root = makeTempDir();
  corpus = path.join(root, 'news');
  for (let i = 0; i < files; i++) write(corpus, `f${i % 8}/a-${String(i).padStart(5, '0')}.md`, post(i));
});
afterAll(() => cleanup(root));

describe('a cold load past ROWS_HELD files writes its rows after the list (built loader)', () => {
  it('every row under the id the load gave it, written after loadCorpus returned, then the full text from the files; the next run is warm', { timeout: 240_000 }, async () => {
    const { loadCorpus } = await built();
    const { indexFile, ROWS_HANDED } = await builtIndex();
    expect(files).toBeLessThan(ROWS_HANDED);
    const cacheDir = path.join(root, 'cache-a');
    let wroteSaid: boolean | null = null;
    const cold = await loadCorpus([corpus], { cacheDir, onCacheWritten: (ok) => (wroteSaid = ok) });
    expect(cold.articles).toHaveLength(files);
    // The rows were handed over: the thread says they are written only after the list.
    expect(wroteSaid).toBeNull();
    expect(await cold.rowsWritten).toBe(true);
    expect(wroteSaid).toBe(true);
    // Each row was written with its text, made from its file while the rows were written: none
    // is left pending for a second pass once they are all in (the texts' thread no longer waits
    // for every row first).
    const atRows = indexRows(indexFile(cacheDir, [corpus]));
    expect(atRows.ids.size).toBe(files);
    expect(atRows.pending).toBe(0);
    expect(atRows.texts).toBe(files);
    expect(await cold.fullText).toBe(true);
    const disk = indexRows(indexFile(cacheDir, [corpus]));
    expect(disk.ids.size).toBe(files);
    expect(cold.articles.map((a) => disk.ids.get(a.path))).toEqual(Array.from(cold.indexIds!));
    expect(cold.articles.map((a) => disk.titles.get(a.path))).toEqual(cold.articles.map((a) => a.title));
    expect(disk.titles.get(path.join(corpus, 'f1', 'a-00001.md'))).toBe('Story — number 1');
    // Their text came from the files read again (no body went with the rows).
    expect(disk.pending).toBe(0);
    expect(disk.texts).toBe(files);

    const warm = await loadCorpus([corpus], { cacheDir });
    expect(warm.textReady).toBe(true);
    expect(Array.from(warm.indexIds!)).toEqual(Array.from(cold.indexIds!));
  });

  it('a run that ends right after the list leaves an index the next run completes, never one it takes as whole', { timeout: 240_000 }, async () => {
    const { loadCorpus } = await built();
    const { indexFile } = await builtIndex();
    const cacheDir = path.join(root, 'cache-b');
    // A process that ends as soon as it has the list (a dashboard quit or killed at once): the
    // rows held by the text thread may be written in part, or not at all.
    const loader = new URL('../../../dist/core/load/load.js', import.meta.url).href;
    const script = `const { loadCorpus } = await import(${JSON.stringify(loader)}); const r = await loadCorpus([${JSON.stringify(corpus)}], { cacheDir: ${JSON.stringify(cacheDir)} }); process.stdout.write(String(r.articles.length)); process.exit(0);`;
    const quit = await runNode(['--input-type=module', '-e', script]);
    expect({ status: quit.status, out: quit.stdout }).toEqual({ status: 0, out: String(files) });
    const file = indexFile(cacheDir, [corpus]);
    const left = indexRows(file);
    // Not vacuous: the index was left without some rows or some text.
    expect(left.ids.size < files || left.pending > 0).toBe(true);

    const next = await loadCorpus([corpus], { cacheDir });
    expect(next.textReady).toBe(false);
    const none = await loadCorpus([corpus], { cache: false });
    expect(next.articles.map((a) => [a.path, a.title, a.publishedAt])).toEqual(none.articles.map((a) => [a.path, a.title, a.publishedAt]));
    expect(await next.fullText).toBe(true);
    const done = indexRows(file);
    expect(done.ids.size).toBe(files);
    expect(done.pending).toBe(0);
    expect(done.texts).toBe(files);
    expect(next.articles.map((a) => done.ids.get(a.path))).toEqual(Array.from(next.indexIds!));
  });

  it('a cold --filter leaves every row and its text for the next run (the built CLI)', { timeout: 240_000 }, async () => {
    const { indexFile } = await builtIndex();
    const cacheHome = path.join(root, 'cache-c');
    const cli = new URL('../../../dist/cli.js', import.meta.url).pathname;
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome, XDG_STATE_HOME: path.join(root, 'state'), XDG_CONFIG_HOME: path.join(root, 'config') };
    const out = await runNode([cli, '--filter', 'about', '--print', 'path', corpus], { env });
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(files);
    const file = indexFile(path.join(cacheHome, 'crypto-news-tui'), [corpus]);
    // The text build closed the index before the process ended: its WAL is in the file.
    expect({ index: fs.existsSync(file), wal: fs.existsSync(`${file}-wal`) }).toEqual({ index: true, wal: false });
    const disk = indexRows(file);
    expect({ rows: disk.ids.size, pending: disk.pending, texts: disk.texts }).toEqual({ rows: files, pending: 0, texts: files });
  });
});
