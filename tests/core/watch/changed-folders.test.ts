// The watch's first walk keeps only the files that can be news: those of folders whose entries
// changed since the caller's walk began, and of every folder below one (a folder moved in whole).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addedSince, CLOCK_MARGIN_MS } from '../../../src/core/watch/changed-folders.js';

let root = '';
const HOUR_S = 3600;
const at = (file: string, secondsAgo: number): void => {
  const t = Date.now() / 1000 - secondsAgo;
  fs.utimesSync(file, t, t);
};
const write = (rel: string): string => {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '# x\n');
  return file;
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-changed-folders-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('addedSince', () => {
  it('keeps the files of a folder changed since, drops those of a folder unchanged since', () => {
    const old = write('old/a.md');
    const fresh = write('fresh/b.md');
    at(path.join(root, 'old'), HOUR_S);
    at(root, HOUR_S);
    expect(addedSince([old, fresh], [root], Date.now())).toEqual([fresh]);
  });

  it('keeps every file below a changed folder, however old its own folder (a folder moved in whole)', () => {
    const deep = write('moved/in/deep/c.md');
    for (const dir of ['moved/in/deep', 'moved/in']) at(path.join(root, dir), HOUR_S);
    at(root, HOUR_S);
    // `moved` itself is where the folder landed: its mtime is now.
    expect(addedSince([deep], [root], Date.now())).toEqual([deep]);
    at(path.join(root, 'moved'), HOUR_S);
    expect(addedSince([deep], [root], Date.now())).toEqual([]);
  });

  it('does not look above a root: an old root with old folders gives nothing, whatever its parent', () => {
    const file = write('x/d.md');
    at(path.join(root, 'x'), HOUR_S);
    at(root, HOUR_S);
    // The parent (the system's temporary folder) changes all the time.
    expect(addedSince([file], [path.join(root, 'x')], Date.now())).toEqual([]);
  });

  it('counts a folder stamped a little before `since` as changed (the file system clock is coarser), not one stamped long before', () => {
    const file = write('e.md');
    at(root, (CLOCK_MARGIN_MS / 2) / 1000);
    expect(addedSince([file], [root], Date.now())).toEqual([file]);
    at(root, (3 * CLOCK_MARGIN_MS) / 1000);
    expect(addedSince([file], [root], Date.now())).toEqual([]);
  });

  it('keeps a file root and the files of a folder gone meanwhile', () => {
    const file = write('f.md');
    at(root, HOUR_S);
    expect(addedSince([file], [file], Date.now())).toEqual([file]);
    const ghost = path.join(root, 'gone', 'g.md');
    expect(addedSince([ghost, file], [root], Date.now())).toEqual([ghost]);
  });
});
