// The rows a big first sight reads whole (reading/key-marks.ts): a key's marks found by its UTF-8
// bytes whatever the script, through tables grown many times; nothing found for a key not added;
// a key added twice keeps its first mark.
import { describe, expect, it } from 'vitest';
import { KeyMarks } from '../../../src/core/reading/key-marks.js';

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('KeyMarks', () => {
  it('finds every key added, in pages, with its mark; no other key', () => {
    const parts = ['id:', 'url:https://e.com/', 'path:/tmp/', 'é', 'ü', '日本', '😀', 'a', 'z', '0', '~'];
    const keys = new Set<string>();
    let seed = 3;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    while (keys.size < 5_000) {
      let k = parts[random(3)];
      for (let i = random(6); i >= 0; i--) k += parts[random(parts.length)];
      keys.add(k);
    }
    const sorted = [...keys].sort(byBytes);
    const store = new KeyMarks();
    for (let at = 0; at < sorted.length; at += 777) {
      const page = sorted.slice(at, at + 777);
      store.append(page, page.map((_, i) => (at + i) * 4 + (i % 4)));
    }
    expect(store.size).toBe(sorted.length);
    sorted.forEach((k, i) => expect(store.get(k)).toBe(i * 4 + ((i % 777) % 4)));
    for (const absent of ['', 'id:', 'id:zzzz-none', `${sorted[0]}\u0000`, sorted[sorted.length - 1] + 'x', 'é'.repeat(200)]) {
      if (!keys.has(absent)) expect(store.get(absent)).toBeUndefined();
    }
  });

  it('keeps the first mark of a key added twice', () => {
    const store = new KeyMarks();
    store.append(['b', 'd'], [1, 2]);
    store.append(['c', 'd', 'e'], [3, 4, 5]);
    expect([store.get('b'), store.get('c'), store.get('d'), store.get('e'), store.get('a'), store.size]).toEqual([1, 3, 2, 5, undefined, 4]);
  });
});
