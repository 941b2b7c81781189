// releaseEntries (files/walk-entries.ts): a warm load lets the walk's entries of held files go before
// their rows are read, and makes one again, as the walk made it, for a row that does not read.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseEntries, TAKEN, type WalkEntry } from '../../../src/core/files/index.js';

describe('releaseEntries', () => {
  it('lets the marked entries go and gives every entry back as it was', () => {
    const files: WalkEntry[] = [
      { path: '/n/a.md', relPath: 'a.md', folderName: 'n' },
      { path: '/n/sub/b.md', relPath: 'sub/b.md', folderName: 'sub' },
      { path: '/elsewhere/c.md', relPath: 'c.md', folderName: 'elsewhere' },
      { path: '/n/odd.md', relPath: 'named.md', folderName: 'n' },
      { path: '/n/new.md', relPath: 'new.md', folderName: 'n' },
    ];
    const before = files.map((f) => ({ ...f }));
    const paths = files.map((f) => f.path);
    const entryAt = releaseEntries(files, paths, Uint8Array.from([1, 1, 1, 1, 0]));
    // A relative path that is not its path's tail cannot be made again: that entry stays.
    expect(files.map((f) => f === TAKEN)).toEqual([true, true, true, false, false]);
    expect(before.map((_, i) => entryAt(i))).toEqual(before);
    expect(entryAt(1).folderName).toBe(path.basename(path.dirname(paths[1])));
  });
});
