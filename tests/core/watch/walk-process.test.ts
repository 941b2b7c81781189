// The built folder watch (dist/, as the dashboard runs it): its first walk, in a process of its own,
// hands the files back as one string over the IPC channel, and what the caller does not know is
// still reported as added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { FolderWatch, WatchBatch } from '../../../src/core/watch/watcher.js';
import { eventually } from '../../helpers/eventually.js';

const built = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'core', 'watch', 'watcher.js');

let dir = '';
let running: FolderWatch | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('reports the files the caller does not know, found by the walk process, names of any script and depth', async () => {
  const { watchFolders } = (await import(pathToFileURL(built).href)) as typeof import('../../../src/core/watch/watcher.js');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-walk-process-'));
  fs.mkdirSync(path.join(dir, 'feed one'));
  const names = ['a.md', 'b.md', path.join('feed one', 'ünïcödé 日本.md'), path.join('feed one', 'emoji 🚀.md')];
  for (const name of names) fs.writeFileSync(path.join(dir, name), `---\ntitle: ${name}\n---\n`);
  const known = new Set([path.join(dir, 'a.md')]);
  const batches: WatchBatch[] = [];
  running = watchFolders([dir], (b) => batches.push(b), undefined, (f) => known.has(f));
  await running.ready;
  // The files reconciled at `ready` come in the batch that follows it.
  await eventually(() => expect(batches.length).toBeGreaterThan(0), 30_000);
  expect(batches[0].added.sort()).toEqual(names.slice(1).map((n) => path.join(dir, n)).sort());
  expect(batches[0].changed).toEqual([]);
});

it('given when the caller walked, reports only files of folders changed since (a folder unchanged has nothing new)', async () => {
  const { watchFolders } = (await import(pathToFileURL(built).href)) as typeof import('../../../src/core/watch/watcher.js');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-walk-process-'));
  for (const sub of ['quiet', 'written']) fs.mkdirSync(path.join(dir, sub));
  const quiet = path.join(dir, 'quiet', 'a.md');
  const written = path.join(dir, 'written', 'b.md');
  for (const file of [quiet, written]) fs.writeFileSync(file, '---\ntitle: x\n---\n');
  const hourAgo = Date.now() / 1000 - 3600;
  for (const d of [dir, path.join(dir, 'quiet')]) fs.utimesSync(d, hourAgo, hourAgo);
  // `written` got its file after the caller's walk (its mtime ahead of `since`).
  const later = Date.now() / 1000 + 60;
  fs.utimesSync(path.join(dir, 'written'), later, later);
  const batches: WatchBatch[] = [];
  running = watchFolders([dir], (b) => batches.push(b), undefined, () => false, undefined, Date.now());
  await running.ready;
  await eventually(() => expect(batches.length).toBeGreaterThan(0), 30_000);
  expect(batches.flatMap((b) => b.added)).toEqual([written]);
});
