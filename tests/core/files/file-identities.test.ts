// FileIdentities (files/file-identities.ts): a file reached twice through links loads once, at its
// first walk position, whatever order the positions are claimed in.
import { describe, expect, it } from 'vitest';
import { FileIdentities } from '../../../src/core/files/file-identities.js';

const repeatedOf = (ids: FileIdentities, files: number): number[] => Array.from({ length: files }, (_, i) => i).filter((i) => ids.repeated(i));

describe('FileIdentities', () => {
  it('marks every position but the first of one identity, claimed in any order', () => {
    const ids = new FileIdentities(6);
    // The index's order: 4 and 1 are the same file, 5 and 2 and 0 another.
    for (const [dev, ino, at] of [[7, 10, 4], [7, 20, 5], [7, 10, 1], [7, 20, 2], [7, 30, 3], [7, 20, 0]]) ids.claim(dev, ino, at);
    expect(repeatedOf(ids, 6)).toEqual([2, 4, 5]);
  });

  it('tells devices apart, and inodes past 2^32 and 2^53 as the numbers they are', () => {
    const ids = new FileIdentities(6);
    ids.claim(1, 2 ** 33 + 5, 0);
    ids.claim(2, 2 ** 33 + 5, 1);
    ids.claim(1, 5, 2);
    ids.claim(1, 2 ** 53 + 2, 3);
    ids.claim(1, 2 ** 53 + 4, 4);
    ids.claimKey(`1:${2 ** 33 + 5}`, 5);
    expect(repeatedOf(ids, 6)).toEqual([5]);
  });

  it('never repeats an unknown identity, and grows past its first table', () => {
    const ids = new FileIdentities(5000);
    for (const key of ['', 'x', '1:2:3', '-1:-1']) ids.claimKey(key, 0);
    ids.claimKey('', 1);
    ids.claim(-1, -1, 2);
    for (let i = 3; i < 5000; i++) ids.claim(9, (i - 3) % 2000, i);
    expect(repeatedOf(ids, 5000)).toEqual(Array.from({ length: 2997 }, (_, k) => 2003 + k));
  });
});
