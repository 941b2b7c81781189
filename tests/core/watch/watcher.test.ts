// The folder watch: what it reports, in batches, including files that land between the caller's
// own walk and the watch being ready (the gap the live-update e2e test raced under load).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolders, type FolderWatch, type WatchBatch } from '../../../src/core/watch/watcher.js';

let dir: string;
let running: FolderWatch | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: string[]): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-watch-'));
  for (const f of files) fs.writeFileSync(path.join(dir, f), `---\ntitle: ${f}\n---\n`);
  return dir;
}

describe('watchFolders', () => {
  it('reports a file present at the start but unknown to the caller as added, and known ones not at all', async () => {
    const root = folder(['a.md', 'b.md', 'notes.txt']);
    const known = new Set([path.join(root, 'a.md')]);
    const batches: WatchBatch[] = [];
    let wake = () => {};
    running = watchFolders([root], (b) => {
      batches.push(b);
      wake();
    }, undefined, (f) => known.has(f));
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    await next();
    expect(batches[0]).toEqual({ added: [path.join(root, 'b.md')], changed: [], removed: [] });
    // The file found by the walk, not by chokidar, is watched from then on: its removal is heard.
    const removal = next();
    fs.rmSync(path.join(root, 'b.md'));
    await removal;
    expect(batches[1]).toEqual({ added: [], changed: [], removed: [path.join(root, 'b.md')] });
  });

  it('without `known`, files present at the start are not reported; a file copied in later is', async () => {
    const root = folder(['a.md']);
    const got: WatchBatch[] = [];
    const arrived = new Promise<void>((resolve) => {
      running = watchFolders([root], (b) => {
        got.push(b);
        resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(path.join(root, 'c.md'), '---\ntitle: c\n---\n');
    await arrived;
    expect(got).toEqual([{ added: [path.join(root, 'c.md')], changed: [], removed: [] }]);
  });
});
