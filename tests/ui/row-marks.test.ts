import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Reading } from '../../src/core/reading/index.js';
import type { SearchIndex } from '../../src/core/search/index.js';
import { rowMarksOf } from '../../src/ui/row-marks.js';
import { article, hit } from './factory.js';

const corpus = [0, 1, 2].map((i) => article(i, { url: `https://example.com/${i}` }));
const index = { article: (id: number) => corpus[id] } as unknown as SearchIndex;

describe('rowMarksOf', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('gives one function per result and reading state: the same for the same result, a new one after a mark changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'cnt-marks-'));
    const reading = Reading.open(dir);
    reading.see(corpus);
    const result = { rawHits: [hit(0), hit(1)], stories: null, rowInfo: new Map() };
    const marks = rowMarksOf(reading, result, index)!;
    expect(rowMarksOf(reading, { ...result }, index)).toBe(marks);
    expect(marks(corpus[0], 0)).toEqual({ unread: true, saved: false });
    // Another result (a new search's hits) gets its own.
    expect(rowMarksOf(reading, { ...result, rawHits: [hit(0), hit(1)] }, index)).not.toBe(marks);
    reading.markRead([corpus[0]]);
    const after = rowMarksOf(reading, result, index)!;
    expect(after).not.toBe(marks);
    expect(after(corpus[0], 0)).toEqual({ unread: false, saved: false });
    expect(rowMarksOf(reading, result, index)).toBe(after);
    expect(rowMarksOf(null, result, index)).toBeNull();
    reading.close();
  });
});
