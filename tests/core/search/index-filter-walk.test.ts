// A warm `--filter` whose walk runs on its thread answers from the index before the walk is done
// when the index's stamp snapshot is current (load/refresh.ts beforeTheWalk): the snapshot lists
// the files of the last walk that found nothing changed, so the index answers as if this walk
// lists them again. The answer stands only when the walk's paths are the snapshot's and every
// stat equals its stamp; otherwise the walk is matched as before and the index asked again. The
// walk thread runs a built module, so a stand-in whose walk arrives when the test says is used.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathError, statPaths, walkPaths, type WalkedFiles, type WalkThread } from '../../../src/core/files/index.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { LocalIndex } from '../../../src/core/load/local-index.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { article, cleanup, makeTempDir, mkfifo, write } from '../load/loader-fs.js';

const NOW = Date.UTC(2026, 10, 21);
let root: string;
let corpus: string;
let cacheDir: string;

/** A walk thread stand-in: its walk (walkPaths' and statPaths', as the thread's) arrives on release(); release(true) fails it as the thread does. */
function heldWalk(args: string[]): { thread: WalkThread; release: (fail?: boolean) => Promise<void>; released: () => boolean } {
  let resolve!: (w: WalkedFiles | null) => void;
  const reply = new Promise<WalkedFiles | null>((r) => (resolve = r));
  let released = false;
  const thread = { walked: () => reply, begin: () => {}, cancel: () => resolve(null) } as unknown as WalkThread;
  const release = async (fail = false): Promise<void> => {
    released = true;
    if (fail) return resolve(null);
    const walked = await walkPaths(args);
    const paths = walked.files.map((f) => f.path);
    resolve({ paths, joined: paths.join('\0'), warnings: walked.warnings, stats: { finish: async () => statPaths(paths), cancel: () => {} } });
  };
  return { thread, release, released: () => released };
}

async function withoutIndex(query: string): Promise<{ paths: string[]; warnings: string[] }> {
  const { articles, warnings } = await loadCorpus([corpus], { cache: false });
  await preloadBodies(articles);
  const index = new SearchIndex(articles);
  return { paths: index.search(query, { now: NOW }).hits.map((h) => index.article(h.id).path), warnings: warnings.map((w) => `${w.path}: ${w.reason}`) };
}

// --filter from the index with its walk on the stand-in thread, released once the answer is under way.
async function fromIndex(query: string): Promise<{ paths: string[]; warnings: string[] } | null> {
  const walk = heldWalk([corpus]);
  const found = filterFromIndex([corpus], query, { cacheDir, now: NOW, pathsOnly: true, walk: walk.thread });
  await new Promise((r) => setTimeout(r, 20));
  await walk.release();
  const got = await found;
  return got && { paths: got.paths, warnings: got.warnings.map((w) => `${w.path}: ${w.reason}`) };
}

// Begins a warm check with the walk held: whether the index answered before the walk (`before`:
// begin() gave its provisional answer with the walk still held), and how the check settles.
async function check(): Promise<{ early: boolean; before: boolean; outcome: string }> {
  const walk = heldWalk([corpus]);
  const index = new LocalIndex([corpus], { cacheDir, walk: walk.thread });
  const beginning = index.begin();
  // Without a current snapshot begin() waits for the walk: released after a while, long enough
  // that a loaded machine's begin() with a current snapshot (a few ms quiet) is never taken for one.
  const waited = await Promise.race([beginning.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 3_000))]);
  if (waited) await walk.release();
  const begun = await beginning;
  expect(begun).not.toBeNull();
  const before = !walk.released();
  if (!waited) await walk.release();
  const outcome = await begun!.settle();
  index.close();
  return { early: begun!.provisional, before, outcome };
}

beforeAll(async () => {
  root = makeTempDir();
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  for (let i = 0; i < 40; i++) write(corpus, `f${i % 4}/a-${String(i).padStart(3, '0')}.md`, article(i % 3 === 0 ? `Solana note ${i}` : `Ledger note ${i}`));
  const loaded = await loadCorpus([corpus], { cacheDir });
  expect(loaded.warnings).toEqual([]);
  expect(await loaded.fullText).toBe(true);
  // A warm run that finds nothing changed writes the stamp snapshot, in the walk's order.
  expect((await filterFromIndex([corpus], 'solana', { cacheDir, now: NOW, pathsOnly: true }))?.paths).toEqual((await withoutIndex('solana')).paths);
}, 120_000);

afterAll(() => cleanup(root));

describe('a warm --filter before its walk is done', () => {
  it('answers from the stamp snapshot while the walk is still out, and keeps the answer when the walk and every stat agree', async () => {
    expect(await check()).toEqual({ early: true, before: true, outcome: 'same' });
    const got = await fromIndex('solana');
    expect(got).toEqual(await withoutIndex('solana'));
    expect(got!.paths.length).toBe(14);
  });

  it('drops the early answer when the walk finds a file the snapshot does not list, and answers with it', async () => {
    const added = write(corpus, 'f2/zz-added.md', article('Solana added later'));
    const got = await fromIndex('solana');
    expect(got!.paths).toContain(added);
    expect(got).toEqual(await withoutIndex('solana'));
    // The run that found the new file changed the rows, so no snapshot is current: the next run
    // answers after the walk, and, finding nothing changed, writes one; the run after it answers early again.
    expect(await check()).toEqual({ early: true, before: false, outcome: 'same' });
    expect(await check()).toEqual({ early: true, before: true, outcome: 'same' });
  });

  it('drops the early answer when a listed file is gone', async () => {
    const gone = path.join(corpus, 'f0', 'a-000.md');
    expect((await fromIndex('solana'))!.paths).toContain(gone);
    fs.rmSync(gone);
    const got = await fromIndex('solana');
    expect(got!.paths).not.toContain(gone);
    expect(got).toEqual(await withoutIndex('solana'));
  });

  it('drops it when a listed file changed in place (the stats tell, not the walk)', async () => {
    const file = path.join(corpus, 'f1', 'a-005.md');
    fs.writeFileSync(file, article('Solana rewritten'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const got = await fromIndex('solana');
    expect(got!.paths).toContain(file);
    expect(got).toEqual(await withoutIndex('solana'));
  });

  it("reports the walk's own warnings, which arrive after the early answer, as a full load does", async () => {
    mkfifo(corpus, 'f3/pipe.md');
    // The FIFO is no file: the walk warns of it and lists the same files, so the early answer stands.
    await fromIndex('solana');
    expect(await check()).toEqual({ early: true, before: true, outcome: 'same' });
    const got = await fromIndex('solana');
    const full = await withoutIndex('solana');
    expect(full.warnings).toEqual([`${path.join(corpus, 'f3', 'pipe.md')}: not a regular file`]);
    expect(got).toEqual(full);
    fs.rmSync(path.join(corpus, 'f3', 'pipe.md'));
  });

  it('walks here when the thread could not, so a folder gone meanwhile is still a PathError', async () => {
    const walk = heldWalk([corpus]);
    const found = filterFromIndex([corpus], 'solana', { cacheDir, now: NOW, pathsOnly: true, walk: walk.thread });
    await new Promise((r) => setTimeout(r, 20));
    const moved = `${corpus}-moved`;
    fs.renameSync(corpus, moved);
    try {
      await walk.release(true);
      await expect(found).rejects.toBeInstanceOf(PathError);
    } finally {
      fs.renameSync(moved, corpus);
    }
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
  });
});
