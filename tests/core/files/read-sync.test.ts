import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCappedSync } from '../../../src/core/files/read-sync.js';
import { cleanup, makeTempDir, mkfifo } from '../load/loader-fs.js';

describe('readCappedSync into a buffer of the caller', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => cleanup(dir));

  it('reads a file that fits into the buffer given, its bytes a view of it; one that does not fit, or past the cap, as without it', () => {
    const small = path.join(dir, 'small.md');
    const large = path.join(dir, 'large.md');
    fs.writeFileSync(small, 'short text\n');
    fs.writeFileSync(large, 'x'.repeat(100));
    const into = Buffer.alloc(64, 0x2a);
    const a = readCappedSync(small, 1 << 20, into);
    expect(a.kind).toBe('read');
    if (a.kind !== 'read') return;
    expect(a.bytes.buffer).toBe(into.buffer);
    expect(a.bytes.toString()).toBe('short text\n');
    expect(a.size).toBe(11);

    const b = readCappedSync(large, 1 << 20, into);
    if (b.kind !== 'read') throw new Error(b.reason);
    expect(b.bytes.buffer).not.toBe(into.buffer);
    expect(b.bytes.toString()).toBe('x'.repeat(100));
    expect(b.size).toBe(100);

    const capped = readCappedSync(large, 50, into);
    if (capped.kind !== 'read') throw new Error(capped.reason);
    expect(capped.bytes.buffer).toBe(into.buffer);
    expect(capped.bytes.toString()).toBe('x'.repeat(50));
    expect(capped.size).toBe(100);

    // The next read into the same buffer leaves the first one's view holding the new bytes: the caller's to know.
    expect(readCappedSync(small, 1 << 20, into)).toMatchObject({ kind: 'read', size: 11 });
    expect(into.subarray(0, 11).toString()).toBe('short text\n');
  });
});

describe('readCappedSync through the fs binding', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => cleanup(dir));

  it('refuses a path with a NUL in it rather than reading the file its first part names', () => {
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'text\n');
    expect(readCappedSync(file, 1 << 20)).toMatchObject({ kind: 'read', size: 5 });
    const read = readCappedSync(`${file}\0.x`, 1 << 20);
    expect(read.kind).toBe('skip');
  });

  it('reports a missing file, a folder and a FIFO as fs would, and reads an empty file', () => {
    expect(readCappedSync(path.join(dir, 'missing.md'), 1 << 20)).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/no such file|not found|missing/i) });
    fs.mkdirSync(path.join(dir, 'folder.md'));
    expect(readCappedSync(path.join(dir, 'folder.md'), 1 << 20)).toEqual({ kind: 'skip', reason: 'not a regular file' });
    mkfifo(dir, 'pipe.md');
    expect(readCappedSync(path.join(dir, 'pipe.md'), 1 << 20)).toEqual({ kind: 'skip', reason: 'not a regular file' });
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    expect(readCappedSync(path.join(dir, 'empty.md'), 1 << 20)).toMatchObject({ kind: 'read', size: 0 });
  });
});
