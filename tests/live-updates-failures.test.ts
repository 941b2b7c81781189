// A live update never loses an article: when the on-disk index cannot take a change (replaced by
// a directory, busy, broken) the changed file's article is shown from a load without it and the
// failure is told once; when even that load fails the old row stays and each file is told. An
// editor's save by rename (reported as a new file) replaces the row it saves over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexFile } from '../src/core/index/location.js';
import { loadCorpus } from '../src/core/load/load.js';
import type { FolderWatch } from '../src/core/watch/watcher.js';
import { eventually } from './helpers/eventually.js';
import { watchLoaded } from './helpers/live-watch.js';

// The loader as it is, its loadCorpus wrapped so that a test can make one call fail.
vi.mock('../src/core/load/load.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/core/load/load.js')>();
  return { ...actual, loadCorpus: vi.fn(actual.loadCorpus) };
});

let root: string;
let live: FolderWatch | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
  // Failures queued for a call that never came do not reach the next test.
  vi.mocked(loadCorpus).mockReset();
  fs.rmSync(root, { recursive: true, force: true });
});

const post = (title: string): string => `---\ntitle: ${title}\npublishedAt: '2025-11-14T02:13:55.000Z'\n---\nBody.\n`;

/** A folder of a.md and b.md loaded into its index, watched live: what the list shows, and what was warned. */
async function watched() {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-live-fail-'));
  const corpus = path.join(root, 'news');
  const cacheDir = path.join(root, 'cache');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a.md'), post('Alpha'));
  fs.writeFileSync(path.join(corpus, 'b.md'), post('Beta'));
  const first = await loadCorpus([corpus], { cacheDir });
  await first.fullText;
  const watch = watchLoaded(first.articles, corpus, cacheDir);
  const { index, hidden, warned } = watch;
  live = watch.live;
  await live.ready;
  vi.mocked(loadCorpus).mockClear();
  // The titles the list shows (rows not hidden), sorted; the warnings as `path: reason`; the new-file count.
  const seen = () => ({
    titles: Array.from({ length: index.size }, (_, id) => id).filter((id) => !hidden.has(id)).map((id) => index.article(id).title).sort(),
    warned: warned.map((w) => `${w.path}: ${w.reason}`),
    newFiles: watch.newFiles,
  });
  return { corpus, file: indexFile(cacheDir, [corpus]), seen };
}

describe('live updates when the load fails', () => {
  it('shows the edited article when the index was replaced by a directory, and says so once', async () => {
    const { corpus, file, seen } = await watched();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(corpus, 'a.md'), post('Alpha Edited'));
    await eventually(() => expect(seen().titles).toEqual(['Alpha Edited', 'Beta']), 60_000);
    expect(seen().warned).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: live changes not kept in the index \\(.+\\)`))]);
    // Told once: a second edit is shown without a second warning.
    fs.writeFileSync(path.join(corpus, 'b.md'), post('Beta Edited'));
    await eventually(() => expect(seen().titles).toEqual(['Alpha Edited', 'Beta Edited']), 60_000);
    expect(seen().warned).toHaveLength(1);
  }, 180_000);

  it('loads without the index when the load through it throws, naming the index and the reason', async () => {
    const { corpus, file, seen } = await watched();
    vi.mocked(loadCorpus).mockRejectedValueOnce(new Error('database is locked'));
    fs.writeFileSync(path.join(corpus, 'a.md'), post('Alpha Edited'));
    await eventually(() => expect(seen().titles).toEqual(['Alpha Edited', 'Beta']), 60_000);
    expect(seen().warned).toEqual([`${file}: live changes not kept in the index (database is locked): shown now, read again next run`]);
    expect(vi.mocked(loadCorpus).mock.calls.map(([, opts]) => opts?.cache)).toEqual([undefined, false]);
  }, 180_000);

  it('keeps the old row shown and names the file when the load fails without the index too', async () => {
    const { corpus, seen } = await watched();
    vi.mocked(loadCorpus).mockRejectedValueOnce(new Error('database is locked')).mockRejectedValueOnce(new Error('out of memory'));
    const a = path.join(corpus, 'a.md');
    fs.writeFileSync(a, post('Alpha Edited'));
    await eventually(() => expect(seen().warned).toContain(`${a}: not read again (out of memory): its earlier version is shown`), 60_000);
    expect(seen().titles).toEqual(['Alpha', 'Beta']);
  }, 180_000);

  it('an editor’s save by rename replaces the row it saves over: one row, nothing new', async () => {
    const { corpus, seen } = await watched();
    const staged = path.join(root, 'a.md.tmp');
    fs.writeFileSync(staged, post('Alpha Saved'));
    fs.renameSync(staged, path.join(corpus, 'a.md'));
    await eventually(() => expect(seen().titles).toContain('Alpha Saved'), 60_000);
    expect(seen()).toEqual({ titles: ['Alpha Saved', 'Beta'], warned: [], newFiles: 0 });
  }, 180_000);
});
