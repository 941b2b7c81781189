// A column of an ArticleTable kept as UTF-8 bytes (load/text-column.ts): every value reads back
// exactly as it went in, nulls and empty strings apart, whatever its characters or length, and
// the bytes live outside the JS heap.
import { describe, expect, it } from 'vitest';
import { hashText, NO_HASH, TextColumn, textState } from '../../../src/core/text/index.js';

describe('TextColumn', () => {
  it('reads back every value exactly: nulls, empty strings, non-Latin-1 text, a lone surrogate', () => {
    const values = ['plain', null, '', 'Café ünïcode — “quoted”', '比特币 🚀 rally', 'a\uD800b', '\uDC00', 'tail'];
    const column = new TextColumn(2);
    const rows = values.map((v) => column.push(v));
    expect(rows).toEqual(values.map((_, i) => i));
    expect(column.size).toBe(values.length);
    expect(rows.map((r) => column.get(r))).toEqual(values);
  });

  it('holds no positions while every row is null, and reads nulls and values right around its first value', () => {
    const before = process.memoryUsage().arrayBuffers;
    const nulls = new TextColumn(200_000);
    for (let i = 0; i < 200_000; i++) nulls.push(null);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100_000);
    expect([nulls.get(0), nulls.get(199_999), nulls.hash(5)]).toEqual([null, null, NO_HASH]);
    // Nulls before the first value, past the capacity, between values and after a growth.
    const column = new TextColumn(4);
    const values: Array<string | null> = [null, null, null, null, null, null, 'first', null, '', 'x', ...Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? `v${i}` : null))];
    for (const v of values) column.push(v);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
    expect(values.map((_, i) => column.hash(i))).toEqual(values.map((v) => (v === null ? NO_HASH : hashText(v))));
  });

  it('holds values across many chunks, one longer than a chunk, and grows past its capacity', () => {
    const column = new TextColumn(1);
    const long = 'x'.repeat(2 ** 20 + 5);
    const values = Array.from({ length: 30_000 }, (_, i) => (i === 12_345 ? long : `/corpus/${i % 97}/article-${i}-é.md`));
    for (const v of values) column.push(v);
    expect(column.get(12_345)).toBe(long);
    for (const i of [0, 1, 4_095, 12_344, 12_346, 29_999]) expect(column.get(i)).toBe(values[i]);
    expect(values.every((v, i) => column.get(i) === v)).toBe(true);
  });

  it('keeps its bytes outside the JS heap (as external memory)', () => {
    const before = process.memoryUsage().arrayBuffers;
    const column = new TextColumn(50_000);
    for (let i = 0; i < 50_000; i++) column.push(`A description of article ${i}, long enough to matter in a corpus of many.`);
    const after = process.memoryUsage().arrayBuffers;
    expect(after - before).toBeGreaterThan(50_000 * 60);
    expect(column.get(49_999)).toBe('A description of article 49999, long enough to matter in a corpus of many.');
  });

  it('hashes each value from its bytes as hashText hashes the string: nulls apart, kept-whole values, past a chunk, after a prefix', () => {
    const long = 'y'.repeat(2 ** 20 + 3);
    const values = ['plain', null, '', 'Café ünïcode — “quoted”', '比特币 🚀 rally', 'a\uD800b', long, 'gen-1-0'];
    const column = new TextColumn(2);
    for (const v of values) column.push(v);
    values.forEach((v, row) => expect(column.hash(row)).toBe(v === null ? NO_HASH : hashText(v)));
    // A lone surrogate hashes as U+FFFD, as its UTF-8 bytes hold it: the same string hashes the same.
    expect(column.hash(5)).toBe(hashText('a\uFFFDb'));
    // Continuing from a prefix's state is the hash of the prefix and the value together.
    expect(column.hash(3, textState('/news/'))).toBe(hashText('/news/Café ünïcode — “quoted”'));
    expect(column.hash(2, textState('/news/'))).toBe(hashText('/news/'));
    // Hashes are 30-bit (small integers for V8), and different values mostly differ.
    const hashes = values.map((_, row) => column.hash(row)).filter((h) => h !== NO_HASH);
    expect(hashes.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 30)).toBe(true);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
