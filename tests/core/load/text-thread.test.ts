// The text build on its own threads, as a built program runs it: started ahead of the rows
// (prepareTextBuild, as a cold load does while it parses), it waits, then builds every pending
// row's text when told to go; cancelled, it ends without writing anything. Worker threads run
// plain JavaScript, so the modules are compiled from the current sources into a folder under
// node_modules (where better-sqlite3 resolves).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../../helpers/run-child.js';
import { toRecord } from '../../../src/core/article-record.js';
import type { ArticleMeta } from '../../../src/core/article.js';
import { articleFields } from '../../../src/core/index/columns.js';
import { openIndex } from '../../../src/core/index/database.js';
import { matchingIds } from '../../../src/core/index/fts.js';
import { ArticleStore } from '../../../src/core/index/store.js';
import { keptVocabulary, STAMP_SQL } from '../../../src/core/index/vocabulary.js';
import type * as TextThread from '../../../src/core/load/text-thread.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const built = path.join(repo, 'node_modules/.cache/crypto-news-tui-test/text-thread');
const CAP = 1 << 20;
let threads: typeof TextThread;
let root: string;

beforeAll(async () => {
  fs.rmSync(built, { recursive: true, force: true });
  const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
  const args = ['src/core/load/text-thread.ts', '--rootDir', 'src/core', '--outDir', built, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--types', 'node', '--resolveJsonModule'];
  await nodeOutput([tsc, ...args], { cwd: repo });
  fs.copyFileSync(path.join(repo, 'src/core/coins/asset-manifest.json'), path.join(built, 'coins/asset-manifest.json'));
  fs.writeFileSync(path.join(built, 'package.json'), '{"type":"module"}');
  threads = (await import(pathToFileURL(path.join(built, 'load', 'text-thread.js')).href)) as typeof TextThread;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-text-thread-'));
}, 120_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(built, { recursive: true, force: true });
});

// An index file with one pending row per article file written under a fresh folder.
function pendingIndex(name: string, bodies: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(root, `${name}-`));
  const file = path.join(dir, 'index.sqlite');
  const { db } = openIndex(file);
  const store = new ArticleStore(db);
  store.put(bodies.map((body, i) => {
    const p = path.join(dir, `a${i}.md`);
    fs.writeFileSync(p, `---\ntitle: Article ${i}\n---\n${body}\n`);
    const st = fs.statSync(p);
    const meta = {
      path: p, relPath: `a${i}.md`, title: `Article ${i}`, description: '', publishedAt: null, dateGuessed: true, updatedAt: null, calendarDates: 0,
      source: 'wire', sourceKey: 'wire', categories: [], tags: [], sentiment: null, score: null, lang: null, draft: false,
      stickyWeight: 0, url: null, format: 'yaml', size: st.size, mtimeMs: st.mtimeMs, notes: [], coinFields: [], externalId: null,
    } as unknown as ArticleMeta;
    const record = toRecord(meta, `${st.dev}:${st.ino}`, 0, []);
    return { path: p, size: st.size, mtime: st.mtimeMs, dev: st.dev, ino: st.ino, published: null, article: record, lead: '', text: null, fields: articleFields(record) };
  }));
  db.close();
  return file;
}

// This process's open descriptors on `file` (one per SQLite connection).
function descriptorsOn(file: string): number {
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

function pendingCount(file: string): number {
  const { db } = openIndex(file);
  try {
    return new ArticleStore(db).pendingCount();
  } finally {
    db.close();
  }
}

describe('prepareTextBuild', () => {
  it('starts its threads at once and builds every pending row\'s text when told to go', async () => {
    const file = pendingIndex('go', ['Validators café staking', 'Crème brûlée validators', 'Nothing here']);
    const prepared = threads.prepareTextBuild(file, CAP);
    // Ready and waiting: nothing is written before go.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pendingCount(file)).toBe(3);
    const progress: number[] = [];
    const result = await prepared.go((done) => progress.push(done)).done;
    expect(result).toEqual({ written: 3, left: 0, complete: true });
    expect(progress.at(-1)).toBe(3);
    const { db } = openIndex(file);
    try {
      expect(matchingIds(db, ['validators'], false)).toHaveLength(2);
      expect(matchingIds(db, ['creme', 'brulee'], false)).toHaveLength(1);
    } finally {
      db.close();
    }
  }, 180_000);

  it('holds the index open while it waits, so the load closing its own connection leaves the WAL to the build', async () => {
    const file = pendingIndex('early-open', ['Validators']);
    // The load's connection, with a write in the WAL, as a cold load's (its ids reserved).
    const { db } = openIndex(file);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', '1')").run();
    const prepared = threads.prepareTextBuild(file, CAP);
    // Descriptors of this process on the file: the load's, then the waiting thread's.
    const opened = (): number => descriptorsOn(file);
    for (let waited = 0; opened() < 2 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened()).toBe(2);
    // Not the last connection: no checkpoint (and disk sync) here, the WAL stays for the build.
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    const build = prepared.go();
    expect(await build.done).toEqual({ written: 1, left: 0, complete: true });
    // Then the thread closes the index, the last connection: its WAL is checkpointed into the file.
    for (let waited = 0; fs.existsSync(`${file}-wal`) && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(pendingCount(file)).toBe(0);
  }, 180_000);

  it('started late, opens no file before go, then says once its thread holds the index open, so the load\'s connection closes without a checkpoint', async () => {
    const file = pendingIndex('late-open', ['Validators']);
    const { db } = openIndex(file);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', '1')").run();
    const prepared = threads.prepareTextBuild(file, CAP, true);
    let said = false;
    void prepared.opened.then(() => (said = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No thread yet: only the load's own connection holds the file.
    expect(said).toBe(false);
    expect(descriptorsOn(file)).toBe(1);
    const build = prepared.go();
    await prepared.opened;
    expect(descriptorsOn(file)).toBe(2);
    // Not the last connection: no checkpoint here, the WAL stays for the build.
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(await build.done).toEqual({ written: 1, left: 0, complete: true });
    expect(pendingCount(file)).toBe(0);
  }, 180_000);

  // A parse thread as parse-pool starts one, done with its batches (none here).
  const parseThread = (): Worker => new Worker(pathToFileURL(path.join(built, 'load', 'parse-worker.js')), { workerData: { role: 'crypto-news-tui:parse' } });

  it('started late, runs its build on a parse thread handed to it (adopt) instead of a thread of its own, which then ends', async () => {
    const file = pendingIndex('late-adopt', ['Validators café', 'Nothing here']);
    const prepared = threads.prepareTextBuild(file, CAP, true);
    const [worker, other] = [parseThread(), parseThread()];
    try {
      expect(prepared.adopt?.(worker)).toBe(true);
      // One thread a build.
      expect(prepared.adopt?.(other)).toBe(false);
      // The build's messages come from the adopted thread: it runs the text thread's script.
      const said: Array<{ kind?: string }> = [];
      worker.on('message', (m: { kind?: string }) => said.push(m));
      const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
      expect(await prepared.go().done).toEqual({ written: 2, left: 0, complete: true });
      expect(said.map((m) => m.kind)).toContain('result');
      expect(await exited).toBe(0);
      expect(pendingCount(file)).toBe(0);
    } finally {
      await Promise.all([worker.terminate(), other.terminate()]);
    }
  }, 180_000);

  it('started late and cancelled with a parse thread adopted, ends that thread', async () => {
    const prepared = threads.prepareTextBuild(pendingIndex('late-adopt-cancel', ['Validators']), CAP, true);
    const worker = parseThread();
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(prepared.adopt?.(worker)).toBe(true);
    prepared.cancel();
    await exited;
    expect(worker.threadId).toBe(-1);
  }, 180_000);

  it('started late and cancelled, starts nothing and settles opened', async () => {
    const file = pendingIndex('late-cancel', ['Validators']);
    const prepared = threads.prepareTextBuild(file, CAP, true);
    prepared.cancel();
    await prepared.opened;
    expect(descriptorsOn(file)).toBe(0);
    expect(pendingCount(file)).toBe(1);
  }, 180_000);

  it('keeps the complete text\'s vocabulary in the index, so the next run that searches words lists none', async () => {
    const file = pendingIndex('vocabulary', ['Validators café staking', 'Nothing here']);
    expect(await threads.prepareTextBuild(file, CAP).go().done).toEqual({ written: 2, left: 0, complete: true });
    // Kept after the result is posted, before the thread closes the index (its WAL then goes).
    for (let waited = 0; fs.existsSync(`${file}-wal`) && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const { db } = openIndex(file);
    try {
      const kept = keptVocabulary(db, db.prepare(STAMP_SQL).pluck().get() as string);
      expect(kept?.text.split('\n')).toEqual(expect.arrayContaining(['validators', 'cafe', 'staking', 'nothing']));
    } finally {
      db.close();
    }
  }, 180_000);

  it('writes nothing when cancelled, and leaves the rows for the next build', async () => {
    const file = pendingIndex('cancel', ['Validators']);
    threads.prepareTextBuild(file, CAP).cancel();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pendingCount(file)).toBe(1);
    expect(await threads.startTextBuild(file, CAP).done).toEqual({ written: 1, left: 0, complete: true });
    expect(pendingCount(file)).toBe(0);
  }, 180_000);
});
