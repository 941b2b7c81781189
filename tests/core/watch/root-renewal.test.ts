// A folder given to the watch that is replaced under its name (moved away and another moved in, a
// link pointed elsewhere) is watched again: the new folder's files come as one `renewed` batch,
// what is written there later is heard, and the old folder, wherever it went, is heard no more.
// Before, the watch went on watching the old folder's inode: the dashboard stayed at 0/0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolders, type FolderWatch, type WatchBatch } from '../../../src/core/watch/watcher.js';
import { eventually } from '../../helpers/eventually.js';

let dir: string;
let running: FolderWatch | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (title: string) => `---\ntitle: ${title}\n---\n`;
function folderOf(at: string, names: string[]): string {
  fs.mkdirSync(path.join(at, 'news'), { recursive: true });
  for (const n of names) fs.writeFileSync(path.join(at, 'news', n), post(n));
  return at;
}

// Every batch and every root told, as they come.
function watched(root: string) {
  const batches: WatchBatch[] = [];
  const roots: Array<[string, boolean]> = [];
  running = watchFolders([root], (b) => void batches.push(b), undefined, undefined, undefined, undefined, (r, gone) => void roots.push([r, gone]));
  const heard = (kind: 'added' | 'changed' | 'removed') => batches.flatMap((b) => b[kind]).map((f) => path.relative(root, f)).sort();
  const renewed = () => batches.filter((b) => b.renewed).map((b) => ({ renewed: b.renewed, added: b.added.map((f) => path.relative(root, f)).sort() }));
  return { batches, roots, heard, renewed };
}

describe('a watched root replaced under its name', () => {
  it('moved away and another moved in: gone, then the new folder\'s files as one batch; its later files heard, the old folder\'s not', async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-renew-')));
    const root = folderOf(path.join(dir, 'live'), ['a.md', 'b.md']);
    const w = watched(root);
    await running!.ready;
    fs.renameSync(root, path.join(dir, 'live.old'));
    await eventually(() => expect(w.roots).toEqual([[root, true]]));
    expect(w.renewed()).toEqual([{ renewed: [root], added: [] }]);
    folderOf(path.join(dir, 'live.new'), ['b.md', 'c.md']);
    fs.renameSync(path.join(dir, 'live.new'), root);
    await eventually(() => expect(w.roots).toEqual([[root, true], [root, false]]));
    expect(w.renewed()).toEqual([{ renewed: [root], added: [] }, { renewed: [root], added: ['news/b.md', 'news/c.md'] }]);
    const before = w.batches.length;
    // The old folder, moved away, is no longer watched: nothing of it comes under the root's name.
    fs.writeFileSync(path.join(dir, 'live.old', 'news', 'ghost.md'), post('ghost'));
    fs.writeFileSync(path.join(root, 'news', 'd.md'), post('d'));
    await eventually(() => expect(w.heard('added')).toContain('news/d.md'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(w.batches.slice(before).flatMap((b) => [...b.added, ...b.changed, ...b.removed])).toEqual([path.join(root, 'news', 'd.md')]);
  }, 30_000);

  it('a link pointed at another folder: that folder\'s files as one batch under the link, nothing of the old target after', async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-renew-')));
    folderOf(path.join(dir, 'releases', '1'), ['a.md', 'b.md']);
    folderOf(path.join(dir, 'releases', '2'), ['b.md', 'c.md']);
    const current = path.join(dir, 'current');
    fs.symlinkSync('releases/1', current);
    const w = watched(current);
    await running!.ready;
    // As a deploy does it, atomically: a new link renamed over the old one.
    fs.symlinkSync('releases/2', path.join(dir, 'next'));
    fs.renameSync(path.join(dir, 'next'), current);
    await eventually(() => expect(w.renewed()).toEqual([{ renewed: [current], added: ['news/b.md', 'news/c.md'] }]));
    expect(w.roots).toEqual([[current, false]]);
    const before = w.batches.length;
    fs.writeFileSync(path.join(dir, 'releases', '1', 'news', 'ghost.md'), post('ghost'));
    fs.writeFileSync(path.join(current, 'news', 'd.md'), post('d'));
    await eventually(() => expect(w.heard('added')).toContain('news/d.md'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(w.batches.slice(before).flatMap((b) => [...b.added, ...b.changed, ...b.removed])).toEqual([path.join(current, 'news', 'd.md')]);
  }, 30_000);
});
