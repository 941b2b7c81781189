// statNumbers (files/stat-numbers.ts): one file's stat() as the freshness check's four numbers,
// from Node's fs binding on Node 20 (no fs.Stats and its four Dates a call), else fs.statSync:
// both ways give exactly what fs.statSync says, for every kind of entry a walk can list.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingAllowed, fstatNumbers, statMethod, statNumbers, type StatMethod } from '../../../src/core/files/stat-numbers.js';
import { statPaths } from '../../../src/core/files/stat-thread.js';
import { article, cleanup, makeTempDir, mkfifo, write } from '../load/loader-fs.js';

// What fs.statSync says of `p`, as statNumbers writes it.
function expected(p: string): number[] {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(p, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  return st && st.isFile() ? [st.size, st.mtimeMs, st.dev, st.ino] : [-1, 0, 0, 0];
}

function numbers(p: string, method: StatMethod): number[] {
  const out = new Float64Array(4);
  statNumbers(p, out, 0, method);
  return Array.from(out);
}

describe('statNumbers', () => {
  let root: string;
  let entries: string[];
  beforeAll(() => {
    root = makeTempDir();
    const file = write(root, 'f/a.md', article('A'));
    // An mtime with a fraction of a millisecond: the binding's seconds and nanoseconds must make
    // the very float fs.Stats' mtimeMs is.
    fs.utimesSync(file, 1_700_000_000.123456, 1_700_000_000.987654);
    write(root, 'f/empty.md', '');
    mkfifo(root, 'f/pipe.md');
    fs.symlinkSync(file, path.join(root, 'f', 'link.md'));
    fs.symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'f', 'dangling.md'));
    entries = [file, path.join(root, 'f/empty.md'), path.join(root, 'f/pipe.md'), path.join(root, 'f/link.md'), path.join(root, 'f/dangling.md'), path.join(root, 'f'), path.join(root, 'missing.md'), path.join(file, 'below-a-file.md'), ''];
  });
  afterAll(() => cleanup(root));

  it('uses the binding on Node 20.10+ and fs.statSync elsewhere', () => {
    expect(statMethod()).toBe(bindingAllowed() ? 'binding' : 'statSync');
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major === 20 && minor >= 10 && !process.execArgv.includes('--pending-deprecation')) expect(statMethod()).toBe('binding');
  });

  it.each(['binding', 'statSync'] as const)('gives what fs.statSync says for files, links, FIFOs, folders and missing paths (%s)', (method) => {
    for (const p of entries) expect(numbers(p, method), p).toEqual(expected(p));
    // The regular file's numbers, not a -1.
    expect(numbers(entries[0], method)[0]).toBe(Buffer.byteLength(article('A')));
    expect(numbers(entries[0], method)[1]).toBe(fs.statSync(entries[0]).mtimeMs);
  });

  it('gives statPaths the same numbers either way', () => {
    const out = new Float64Array(entries.length * 4);
    entries.forEach((p, i) => statNumbers(p, out, i * 4, 'statSync'));
    expect(Array.from(statPaths(entries))).toEqual(Array.from(out));
  });
});

describe('fstatNumbers', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir();
  });
  afterAll(() => cleanup(root));

  // What fs.fstatSync says of `fd`, as fstatNumbers writes it (null: not a regular file).
  const fstatExpected = (fd: number): number[] | null => {
    const st = fs.fstatSync(fd);
    return st.isFile() ? [st.size, st.mtimeMs, st.dev, st.ino] : null;
  };

  it.each([undefined, 'binding', 'statSync'] as const)('gives what fs.fstatSync says for a file and a folder, and throws for a closed descriptor (%s)', (method) => {
    const file = write(root, 'g/a.md', article('A'));
    fs.utimesSync(file, 1_700_000_000.123456, 1_700_000_000.987654);
    for (const [p, flags] of [[file, 'r'], [path.join(root, 'g'), 'r']] as const) {
      const fd = fs.openSync(p, flags);
      try {
        const out = new Float64Array(4).fill(7);
        const regular = fstatNumbers(fd, out, method);
        const want = fstatExpected(fd);
        expect(regular, p).toBe(want !== null);
        expect(regular ? Array.from(out) : null, p).toEqual(want);
      } finally {
        fs.closeSync(fd);
      }
    }
    const fd = fs.openSync(file, 'r');
    const out = new Float64Array(4);
    expect(fstatNumbers(fd, out, method)).toBe(true);
    expect(out[0]).toBe(Buffer.byteLength(article('A')));
    expect(out[1]).toBe(fs.statSync(file).mtimeMs);
    fs.closeSync(fd);
    expect(() => fstatNumbers(fd, out, method)).toThrow(/EBADF/);
  });
});

describe('bindingAllowed', () => {
  it('allows Node 20.10 and later 20s only', () => {
    expect(bindingAllowed('20.10.0', {}, [])).toBe(true);
    expect(bindingAllowed('20.20.2', {}, [])).toBe(true);
    expect(bindingAllowed('20.9.0', {}, [])).toBe(false);
    expect(bindingAllowed('18.19.0', {}, [])).toBe(false);
    expect(bindingAllowed('22.11.0', {}, [])).toBe(false);
  });

  it('is off when deprecated APIs are to warn (flag, NODE_OPTIONS or NODE_PENDING_DEPRECATION)', () => {
    expect(bindingAllowed('20.20.2', {}, ['--pending-deprecation'])).toBe(false);
    expect(bindingAllowed('20.20.2', { NODE_OPTIONS: '--max-old-space-size=100 --pending-deprecation' }, [])).toBe(false);
    expect(bindingAllowed('20.20.2', { NODE_PENDING_DEPRECATION: '1' }, [])).toBe(false);
    expect(bindingAllowed('20.20.2', { NODE_OPTIONS: '--max-old-space-size=100' }, ['--no-warnings'])).toBe(true);
  });
});
