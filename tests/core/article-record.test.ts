// A record's inode ("dev:ino") read back as numbers: what the index's stamp columns and the
// loader's same-file check rely on. Anything that is not two non-negative numbers is unknown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitInode } from '../../src/core/article-record.js';

// The rule as first written (split on ':', exactly two parts, both numbers >= 0): the faster
// reading must agree with it on every string.
const byParts = (inode: string): [number, number] => {
  const parts = inode.split(':');
  const [dev, ino] = parts.map(Number);
  return parts.length === 2 && dev >= 0 && ino >= 0 ? [dev, ino] : [-1, -1];
};

describe('splitInode', () => {
  it('reads dev and ino, and gives [-1, -1] for anything else', () => {
    expect(splitInode('65024:5753133')).toEqual([65024, 5753133]);
    expect(splitInode('0:18446744073709')).toEqual([0, 18446744073709]);
    for (const bad of ['', '-1', '1:2:3', 'a:1', '1:-2', ':', '1:x', '-1:-1']) expect(splitInode(bad)).toEqual(byParts(bad).map((n) => (Number.isNaN(n) ? -1 : n)));
    expect(splitInode('1:2:3')).toEqual([-1, -1]);
    expect(splitInode('')).toEqual([-1, -1]);
  });

  it('agrees with the split reading on any string', () => {
    const piece = fc.oneof(fc.nat().map(String), fc.constantFrom('', '-1', ' 7', '1e3', '0x10', 'x', '1.5'));
    const inode = fc.oneof(fc.tuple(piece, piece).map(([a, b]) => `${a}:${b}`), fc.string(), fc.tuple(piece, piece, piece).map((p) => p.join(':')));
    fc.assert(fc.property(inode, (s) => splitInode(s).join() === byParts(s).join()), { numRuns: 2000 });
  });
});
