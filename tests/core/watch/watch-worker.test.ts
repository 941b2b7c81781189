// The watch walk's reply: every file's path in one string (one copy between threads, not a string
// per file), split back exactly, and a path kept from it holding only its own characters.
import { describe, expect, it } from 'vitest';
import { FILES_A_CHUNK, joinedChunks, ownPath, walkedPaths } from '../../../src/core/watch/watch-worker.js';

describe('walkedPaths', () => {
  it('splits the joined paths back exactly, spaces, newlines and non-ASCII names included', () => {
    const paths = ['/a/b.md', '/a/with space.md', '/a/line\nbreak.md', '/a/ünïcödé 日本.md', '/a/emoji 🚀.md', '/x'];
    expect([...walkedPaths(joinedChunks(paths))]).toEqual(paths);
  });

  it('gives nothing for no files, and one path for one file', () => {
    expect([...walkedPaths(joinedChunks([]))]).toEqual([]);
    expect([...walkedPaths([''])]).toEqual([]);
    expect([...walkedPaths(joinedChunks(['/only.md']))]).toEqual(['/only.md']);
  });

  it('reads the paths one at a time (a caller can stop early)', () => {
    const it = walkedPaths(joinedChunks(['/1.md', '/2.md', '/3.md']));
    expect(it.next().value).toBe('/1.md');
    expect(it.next().value).toBe('/2.md');
  });
});

describe('joinedChunks', () => {
  it('joins at most FILES_A_CHUNK paths a string, and the chunks read back in order', () => {
    const paths = Array.from({ length: 2 * FILES_A_CHUNK + 3 }, (_, k) => `/feed/${k}.md`);
    const chunks = joinedChunks(paths);
    expect(chunks).toHaveLength(3);
    expect(chunks[2].split('\0')).toEqual(paths.slice(2 * FILES_A_CHUNK));
    expect([...walkedPaths(chunks)]).toEqual(paths);
  });
});

describe('ownPath', () => {
  it('is equal to the path it copies, whatever its characters', () => {
    for (const p of ['/a/b.md', '/a/ünïcödé 日本.md', '/a/emoji 🚀.md', '']) expect(ownPath(p)).toBe(p);
  });
});
