// The bodies file is read lazily: a byte range per body, then the whole file once many are asked
// for. Whatever the mode, a range must read the same bytes, and a file that is not the one the
// metadata names must be refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyStore, WHOLE_AFTER } from '../../src/core/body-store.js';

let dir: string;
let file: string;
const header = Buffer.from('0123456789abcdef');
const content = Buffer.from('alpha beta gamma delta');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-bodies-'));
  file = path.join(dir, 'x.bodies');
  fs.writeFileSync(file, Buffer.concat([header, content]));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const size = header.length + content.length;
// Five bodies: 'alpha ', 'beta ', '' (empty), 'gamma ', 'delta'.
const bounds = Float64Array.from([16, 22, 27, 27, 33, 38]);
const NEEDLES = ['eta', 'a', 'a b', 'delta', 'gamma ', 'zz'];

describe('BodyStore', () => {
  it('reads byte ranges one by one, then the whole file once, with the same bytes either way', () => {
    const store = BodyStore.open(file, size, header, bounds)!;
    const alpha = header.length;
    expect(store.read(alpha, alpha + 5).toString()).toBe('alpha');
    for (let i = 0; i < WHOLE_AFTER; i++) store.read(alpha + 6, alpha + 10);
    expect(store.wholeReads).toBe(1);
    expect(store.read(alpha + 6, alpha + 10).toString()).toBe('beta');
    expect(store.read(alpha + 17, size).toString()).toBe('delta');
    expect(store.wholeReads).toBe(1);
  });

  it('keeps reading the file it opened after a rewrite renames another over it', () => {
    const store = BodyStore.open(file, size, header, bounds)!;
    const other = path.join(dir, 'y.bodies');
    fs.writeFileSync(other, Buffer.concat([header, Buffer.from('ALPHA BETA GAMMA DELTA')]));
    fs.renameSync(other, file);
    expect(store.read(header.length, header.length + 5).toString()).toBe('alpha');
  });

  // Marks are found reading the file in chunks (here as small as 7 bytes, so that bodies are read
  // alone, together, and one longer than a chunk), or in the whole file once it has been read.
  it.each([
    ['in chunks of 7 bytes', (store: BodyStore) => store.markAll(NEEDLES, 7)],
    ['in chunks of 12 bytes', (store: BodyStore) => store.markAll(NEEDLES, 12)],
    ['in the default chunk', (store: BodyStore) => store.markAll(NEEDLES)],
    ['in the whole file', (store: BodyStore) => {
      for (let i = 0; i <= WHOLE_AFTER; i++) store.read(16, 20);
      expect(store.wholeReads).toBe(1);
      store.markAll(NEEDLES);
    }],
  ])('marks exactly the bodies that contain each needle, %s', (_name, mark) => {
    const store = BodyStore.open(file, size, header, bounds)!;
    expect(store.marked('eta', 1)).toBeUndefined();
    mark(store);
    const marks = (n: string): boolean[] => [0, 1, 2, 3, 4].map((k) => store.marked(n, k)!);
    expect(marks('eta')).toEqual([false, true, false, false, false]);
    expect(marks('a')).toEqual([true, true, false, true, true]);
    // 'alpha ' + 'beta ' hold "a b" only across the boundary: in neither body.
    expect(marks('a b')).toEqual([false, false, false, false, false]);
    expect(marks('delta')).toEqual([false, false, false, false, true]);
    expect(marks('gamma ')).toEqual([false, false, false, true, false]);
    expect(marks('zz')).toEqual([false, false, false, false, false]);
    // Marks are per scan: a needle of an earlier scan is no longer known.
    store.markAll(['beta']);
    expect(store.marked('eta', 1)).toBeUndefined();
    expect(store.marked('beta', 1)).toBe(true);
  });

  it('gives empty bytes for a range outside the file', () => {
    const store = BodyStore.open(file, size, header, bounds)!;
    expect(store.read(size - 2, size + 10).length).toBe(0);
    expect(store.read(5, 5).length).toBe(0);
  });

  it.each([
    ['another size', () => BodyStore.open(file, size + 1, header, bounds)],
    ['another header (bodies from another write)', () => BodyStore.open(file, size, Buffer.from('fedcba9876543210'), bounds)],
    ['no file', () => BodyStore.open(path.join(dir, 'missing'), size, header, bounds)],
  ])('refuses %s', (_name, open) => {
    expect(open()).toBeNull();
  });
});
