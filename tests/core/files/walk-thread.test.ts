// The walk thread (files/walk-thread.ts) runs the built walk-worker.js, so these tests drive the
// built module (dist/, built by `npm test`); from the TypeScript sources it must step aside.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statPaths, walkPaths } from '../../../src/core/files/index.js';
import { WalkThread as SourceWalkThread } from '../../../src/core/files/walk-thread.js';
import { RACY_MS } from '../../../src/core/files/walk-listing.js';
import { article, cleanup, makeTempDir, mkfifo, write } from '../load/loader-fs.js';

type Built = typeof import('../../../src/core/files/walk-thread.js');
const built = (): Promise<Built> => import(new URL('../../../dist/core/files/walk-thread.js', import.meta.url).href) as Promise<Built>;

describe('WalkThread', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => cleanup(root));

  // A tree with what the walk reports or skips: a hidden folder, a FIFO named .md, a dangling link, other extensions.
  function tree(files: number): void {
    for (let i = 0; i < files; i++) write(root, `f${i % 7}/a-${String(i).padStart(4, '0')}.md`, article(`Post ${i}`));
    write(root, '.hidden/secret.md', article('hidden'));
    write(root, 'notes.txt', 'not markdown');
    mkfifo(root, 'f0/pipe.md');
    fs.symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'f1', 'dangling.md'));
  }

  it('walks as walkPaths does and stats as statPaths does, sharing the stat calls with this thread', async () => {
    // Enough files for several stat chunks, so the two threads really split them.
    tree(1_500);
    const { WalkThread } = await built();
    const thread = WalkThread.start([root]);
    expect(thread).not.toBeNull();
    const walked = await thread!.walked();
    expect(walked).not.toBeNull();
    const here = await walkPaths([root]);
    expect(walked!.paths).toEqual(here.files.map((f) => f.path));
    expect(walked!.joined).toBe(walked!.paths.join('\0'));
    expect(walked!.warnings).toEqual(here.warnings);
    expect(walked!.warnings.map((w) => path.basename(w.path)).sort()).toEqual(['dangling.md', 'pipe.md']);
    expect(Array.from(await walked!.stats.finish())).toEqual(Array.from(statPaths(walked!.paths)));
  });

  // `files` articles in `folders` folders whose walk may be kept, and where to keep it.
  async function keepable(files: number, folders: number): Promise<{ cache: string; listing: string }> {
    for (let i = 0; i < files; i++) write(root, `f${i % folders}/a-${i}.md`, article(`Post ${i}`));
    // A walk is kept only once every folder's last change is RACY_MS old (walk-listing.ts).
    await new Promise((r) => setTimeout(r, RACY_MS + 200));
    // Kept outside the folder walked: writing it there would change the folder.
    const cache = makeTempDir();
    return { cache, listing: path.join(cache, 'kept-walk') };
  }

  it('keeps its walk where begin() says, and a later thread takes it for the walk while no folder changed', async () => {
    const { cache, listing } = await keepable(40, 4);
    const { WalkThread } = await built();
    const first = WalkThread.start([root])!;
    first.begin(listing);
    const walked = await first.walked();
    expect(walked!.paths).toEqual((await walkPaths([root])).files.map((f) => f.path));
    // Kept before the walk was posted, so it is there now, whatever ends the thread next.
    expect(fs.existsSync(listing)).toBe(true);
    await walked!.stats.finish();
    // The kept walk with its last file left out: a thread that returns that list read it instead of walking.
    const text = fs.readFileSync(listing, 'utf8');
    fs.writeFileSync(listing, text.slice(0, text.lastIndexOf('\0')));
    const second = WalkThread.start([root])!;
    second.begin(listing);
    const again = await second.walked();
    expect(again!.paths).toEqual(walked!.paths.slice(0, -1));
    expect(Array.from(await again!.stats.finish())).toEqual(Array.from(statPaths(again!.paths)));
    // A file added: its folder's times changed, so the folders are walked again.
    write(root, 'f0/new.md', article('New'));
    const third = WalkThread.start([root])!;
    third.begin(listing);
    const fresh = await third.walked();
    expect(fresh!.paths).toEqual((await walkPaths([root])).files.map((f) => f.path));
    expect(fresh!.paths).toContain(path.join(root, 'f0', 'new.md'));
    await fresh!.stats.finish();
    cleanup(cache);
  });

  it('says when it runs without beginning the walk, so a listing given after still counts', async () => {
    const { cache, listing } = await keepable(12, 3);
    const { WalkThread } = await built();
    const thread = WalkThread.start([root])!;
    await thread.online();
    // online() did not begin the walk without a listing: begin(listing) after it is the one that counts.
    thread.begin(listing);
    const walked = await thread.walked();
    expect(walked!.paths).toEqual((await walkPaths([root])).files.map((f) => f.path));
    expect(fs.existsSync(listing)).toBe(true);
    await walked!.stats.finish();
    cleanup(cache);
  });

  it('settles online() for a thread ended before it ran', async () => {
    const { WalkThread } = await built();
    const thread = WalkThread.start([root])!;
    thread.cancel();
    await thread.online();
    expect(await thread.walked()).toBeNull();
  });

  it('answers an empty folder', async () => {
    const { WalkThread } = await built();
    const walked = await WalkThread.start([root])!.walked();
    expect(walked!.paths).toEqual([]);
    expect(await walked!.stats.finish()).toEqual(new Float64Array(0));
  });

  it('gives null for an argument that cannot be walked, so the caller walks it here and reports it', async () => {
    const { WalkThread } = await built();
    const missing = path.join(root, 'nope');
    expect(await WalkThread.start([missing])!.walked()).toBeNull();
    await expect(walkPaths([missing])).rejects.toThrow(/nope: no such file or directory/);
  });

  it('steps aside when the thread module is not built (the program run from its sources)', () => {
    expect(SourceWalkThread.start([root])).toBeNull();
  });

  it('cancelled before the walk is wanted, the thread ends and nothing is left waiting', async () => {
    tree(200);
    const { WalkThread } = await built();
    const thread = WalkThread.start([root])!;
    thread.cancel();
    // The walk never arrives: the thread's exit settles it as null.
    expect(await thread.walked()).toBeNull();
  });
});
