// A walk kept between warm checks (files/walk-listing.ts): it stands for a walk only while every
// folder it listed stats as it did, and it is kept only for a walk that met no link, reported
// nothing, and whose folders last changed RACY_MS before it. Folder times are set back with
// utimes where a test changes a folder afterwards, so the change is seen whatever the clock's tick.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkPaths } from '../../../src/core/files/index.js';
import { listedFiles, listingText, RACY_MS, SMALL_WALK_BYTES, smallKeptWalk } from '../../../src/core/files/walk-listing.js';
import { article, cleanup, makeTempDir, write } from '../load/loader-fs.js';

describe('walk listing', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    for (let i = 0; i < 6; i++) write(root, `f${i % 3}/a-${i}.md`, article(`Post ${i}`));
    // Every folder's mtime an hour back (its ctime stays now: walkedAt is put past RACY_MS below).
    const past = new Date(Date.now() - 3_600_000);
    for (const dir of [root, ...['f0', 'f1', 'f2'].map((d) => path.join(root, d))]) fs.utimesSync(dir, past, past);
  });
  afterEach(() => cleanup(root));

  // The text kept for a walk of root now, as if the walk ran RACY_MS after the folders' last change.
  async function kept(): Promise<{ text: string; joined: string }> {
    const walked = await walkPaths([root]);
    const joined = walked.files.map((f) => f.path).join('\0');
    const text = listingText([root], walked.folders, joined, Date.now() + RACY_MS + 1_000);
    expect(text).not.toBeNull();
    return { text: text!, joined };
  }

  it('is small enough to stat without a walk thread up to SMALL_WALK_BYTES, and never when there is none', async () => {
    const file = path.join(root, 'kept-walk');
    expect(smallKeptWalk(file)).toBe(false);
    fs.writeFileSync(file, (await kept()).text);
    expect(smallKeptWalk(file)).toBe(true);
    fs.writeFileSync(file, 'x'.repeat(SMALL_WALK_BYTES));
    expect(smallKeptWalk(file)).toBe(true);
    fs.appendFileSync(file, 'x');
    expect(smallKeptWalk(file)).toBe(false);
    // A folder where the file would be is no kept walk.
    expect(smallKeptWalk(root)).toBe(false);
  });

  it('records every folder the walk listed, and whether it met a link', async () => {
    const walked = await walkPaths([root]);
    expect(walked.folders.map((f) => f.path).sort()).toEqual([root, ...['f0', 'f1', 'f2'].map((d) => path.join(root, d))].sort());
    expect(walked.linked).toBe(false);
    fs.symlinkSync(path.join(root, 'f0', 'a-0.md'), path.join(root, 'f1', 'link.md'));
    expect((await walkPaths([root])).linked).toBe(true);
  });

  it('stands for the walk while no folder changed', async () => {
    const { text, joined } = await kept();
    expect(listedFiles(text, [root])).toBe(joined);
    // A file's contents are not a folder's business: its own stat (the index's stamps) tells.
    fs.appendFileSync(path.join(root, 'f0', 'a-0.md'), 'more');
    expect(listedFiles(text, [root])).toBe(joined);
  });

  it('no longer stands once a file is added, removed or renamed, or a folder made', async () => {
    const changes = [
      () => write(root, 'f1/new.md', article('New')),
      () => fs.rmSync(path.join(root, 'f2', 'a-2.md')),
      () => fs.renameSync(path.join(root, 'f0', 'a-0.md'), path.join(root, 'f0', 'b-0.md')),
      () => fs.mkdirSync(path.join(root, 'f3')),
    ];
    for (const change of changes) {
      const { text } = await kept();
      change();
      expect(listedFiles(text, [root])).toBeNull();
      const past = new Date(Date.now() - 3_600_000);
      for (const dir of [root, ...fs.readdirSync(root).map((d) => path.join(root, d))]) fs.utimesSync(dir, past, past);
    }
  });

  it('no longer stands once a folder is removed, replaced or made unreadable', async () => {
    let { text } = await kept();
    fs.rmSync(path.join(root, 'f2'), { recursive: true });
    expect(listedFiles(text, [root])).toBeNull();
    ({ text } = await kept());
    fs.chmodSync(path.join(root, 'f1'), 0o300);
    expect(listedFiles(text, [root])).toBeNull();
    fs.chmodSync(path.join(root, 'f1'), 0o700);
  });

  it('is not used for other arguments, nor when damaged', async () => {
    const { text } = await kept();
    expect(listedFiles(text, [path.join(root, 'f0')])).toBeNull();
    expect(listedFiles(text, [root, root])).toBeNull();
    for (const bad of ['', 'no header', `{"v":1}\n`, `${text.slice(0, 20)}\n${text}`, text.replace('"v":1', '"v":2'), `[1]\n`]) expect(listedFiles(bad, [root])).toBeNull();
  });

  it('is kept only when every folder last changed RACY_MS before the walk and every argument is a folder', async () => {
    const walked = await walkPaths([root]);
    const joined = walked.files.map((f) => f.path).join('\0');
    // The folders' ctime is now: a walk now is too close to it.
    expect(listingText([root], walked.folders, joined, Date.now())).toBeNull();
    expect(listingText([root], walked.folders, joined, Date.now() + RACY_MS + 1_000)).not.toBeNull();
    // A file argument has no folder whose stat would tell that it went.
    const file = path.join(root, 'f0', 'a-0.md');
    const both = await walkPaths([root, file]);
    expect(listingText([root, file], both.folders, joined, Date.now() + RACY_MS + 1_000)).toBeNull();
  });
});
