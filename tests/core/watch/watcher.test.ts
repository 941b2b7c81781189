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

describe('a symlink loop made while the watch runs', () => {
  it('is reported once as `symlink loop` (file and reason) and not followed: no file is reported again from inside it', async () => {
    const root = folder(['a.md']);
    fs.mkdirSync(path.join(root, 'sub'));
    const batches: WatchBatch[] = [];
    const warnings: Array<{ path: string; reason: string }> = [];
    let wake = () => {};
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    const ready = next();
    running = watchFolders([root], (b) => {
      batches.push(b);
      wake();
    }, undefined, () => false, (w) => warnings.push(w));
    await ready; // the reconcile batch: a.md
    const arrived = next();
    // A link to its own parent, a link to itself, a `.md` link to the watched folder.
    fs.symlinkSync('..', path.join(root, 'sub', 'loop'));
    fs.symlinkSync('self', path.join(root, 'self'));
    fs.symlinkSync(root, path.join(root, 'root.md'));
    fs.writeFileSync(path.join(root, 'sub', 'b.md'), '---\ntitle: b\n---\n');
    await arrived;
    await new Promise((r) => setTimeout(r, 500));
    const reported = batches.flatMap((b) => [...b.added, ...b.changed]).map((f) => path.relative(root, f));
    expect(reported.sort()).toEqual(['a.md', path.join('sub', 'b.md')]);
    expect(warnings.sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: path.join(root, 'root.md'), reason: 'symlink loop' },
      { path: path.join(root, 'self'), reason: 'symlink loop' },
      { path: path.join(root, 'sub', 'loop'), reason: 'symlink loop' },
    ]);
  });
});

describe('a static site root under watch', () => {
  it('reports a post written into content/ and nothing written into archetypes/, themes/ or a section page', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-watch-'));
    const root = dir;
    for (const sub of ['content/posts', 'archetypes', 'themes/t']) fs.mkdirSync(path.join(root, sub), { recursive: true });
    fs.writeFileSync(path.join(root, 'hugo.toml'), 'title = "x"\n');
    const got: WatchBatch[] = [];
    const arrived = new Promise<void>((resolve) => {
      running = watchFolders([root], (b) => {
        got.push(b);
        resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(path.join(root, 'archetypes/news.md'), '---\ndate: {{ .Date }}\n---\n');
    fs.writeFileSync(path.join(root, 'themes/t/README.md'), '# theme\n');
    fs.writeFileSync(path.join(root, 'README.md'), '# site\n');
    fs.writeFileSync(path.join(root, 'content/posts/_index.md'), '---\ntitle: Posts\n---\n');
    fs.writeFileSync(path.join(root, 'content/posts/new.md'), '---\ntitle: New\n---\n');
    await arrived;
    // Any batch that came later would name the ignored files too: wait out one more batch time.
    await new Promise((r) => setTimeout(r, 700));
    expect(got.flatMap((b) => [...b.added, ...b.changed])).toEqual([path.join(root, 'content/posts/new.md')]);
  });
});
