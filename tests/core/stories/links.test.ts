// The links' store (links/link-store.ts LinkStore): blocks that grow without copying, each put in order by
// keys sorted natively, then merged as the links are visited; the order must be exactly the one a
// comparator gives (score descending, then a, then b), ties and near-ties included.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkFinder } from '../../../src/core/stories/links/link-finder.js';
import { LinkStore, type Links } from '../../../src/core/stories/links/link-store.js';

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Link {
  a: number;
  b: number;
  s: number;
}

// The order the links must come out in: what LinkFinder gave before the store (a comparator sort).
function expected(links: readonly Link[]): { a: number[]; b: number[] } {
  const sorted = [...links].sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  return { a: sorted.map((l) => l.a), b: sorted.map((l) => l.b) };
}

// The links as visited.
function visited(links: Links): { a: number[]; b: number[] } {
  const out = { a: [] as number[], b: [] as number[] };
  links.each((a, b) => {
    out.a.push(a);
    out.b.push(b);
  });
  return out;
}

// A store holding `links`; `memoryBlocks`: full blocks kept in memory (the rest go to a temporary file in `folder`).
function filled(links: readonly Link[], memoryBlocks?: number, folder?: string): LinkStore {
  const store = new LinkStore(memoryBlocks, folder);
  for (const l of links) store.push(l.a, l.b, l.s);
  return store;
}

// Whether two orders are the same, compared whole (one assertion: per-link expects take long under load).
const sameOrder = (got: { a: number[]; b: number[] }, want: { a: number[]; b: number[] }): boolean => got.a.join(',') === want.a.join(',') && got.b.join(',') === want.b.join(',');

// The links as the store gives them back (filled()'s `memoryBlocks`).
function drained(links: readonly Link[], memoryBlocks?: number): { a: number[]; b: number[] } {
  const store = filled(links, memoryBlocks);
  expect(store.count).toBe(links.length);
  const held = store.links();
  expect(held.count).toBe(links.length);
  const got = visited(held);
  expect(store.count).toBe(0);
  return got;
}

describe('the links\' store', () => {
  it('gives nothing when it holds nothing', () => {
    expect(drained([])).toEqual({ a: [], b: [] });
  });

  it('orders one link, and two that tie exactly, by a then b', () => {
    expect(drained([{ a: 5, b: 9, s: 0.5 }])).toEqual({ a: [5], b: [9] });
    const tie = [
      { a: 7, b: 9, s: 0.5 },
      { a: 3, b: 11, s: 0.5 },
      { a: 3, b: 10, s: 0.5 },
    ];
    expect(drained(tie)).toEqual({ a: [3, 3, 7], b: [10, 11, 9] });
  });

  it('tells apart scores one unit in the last place apart, and scores of 0, 1 and just over 1', () => {
    const one = 1;
    const above = 1 + Number.EPSILON;
    const below = 1 - Number.EPSILON / 2;
    const links = [
      { a: 1, b: 2, s: below },
      { a: 0, b: 3, s: 0 },
      { a: 2, b: 4, s: above },
      { a: 3, b: 5, s: one },
      { a: 4, b: 6, s: 0.22 },
      { a: 5, b: 7, s: 0.22 + 2 ** -54 },
    ];
    expect(drained(links)).toEqual(expected(links));
  });

  it('orders links across several blocks as a comparator does, with many exact and near ties', () => {
    const r = random(42);
    // Scores from a few hundred values (exact ties), some nudged by a unit in the last place.
    const levels = Array.from({ length: 300 }, () => 0.22 + r() * 0.78);
    const links: Link[] = [];
    for (let k = 0; k < 150_000; k++) {
      let s = levels[Math.floor(r() * levels.length)];
      if (r() < 0.2) s += s * Number.EPSILON;
      const a = Math.floor(r() * 5_000);
      links.push({ a, b: a + 1 + Math.floor(r() * 500), s });
    }
    // More than two blocks of 2^16.
    expect(links.length).toBeGreaterThan(2 * 65_536);
    const want = expected(links);
    // In memory, then with every full block but the first, and every one, written to the temporary file.
    for (const memoryBlocks of [undefined, 1, 0]) {
      expect(sameOrder(drained(links, memoryBlocks), want), `memoryBlocks ${memoryBlocks}`).toBe(true);
    }
  });

  it('is what the finder hands over, and the finder holds no links afterwards', () => {
    const time = [0, 1, 2, 3];
    const finder = new LinkFinder({ time: (i) => time[i], source: (i) => i, linkCosine: 0.3, windowMs: 10, bucketWindow: 8 });
    const similarity = [[], [0.4], [0.9, 0.2], [0.4, 0.4, 0.95]];
    for (let j = 0; j < time.length; j++) finder.arrive(j, [7], (i) => similarity[j][i]);
    expect(finder.count).toBe(5);
    expect(visited(finder.links())).toEqual({ a: [2, 0, 0, 0, 1], b: [3, 2, 1, 3, 3] });
    expect(finder.count).toBe(0);
  });
});

describe('the links\' temporary file', () => {
  const savedTmp = process.env.TMPDIR;
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });
  const ours = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('crypto-news-tui-links-'));
  // Four full blocks and a part, scores from a generator.
  const many = (): Link[] => {
    const r = random(7);
    return Array.from({ length: 4 * 65_536 + 123 }, () => {
      const a = Math.floor(r() * 100_000);
      return { a, b: a + 1 + Math.floor(r() * 1_000), s: Math.round(r() * 1e4) / 1e4 };
    });
  };

  it('is gone from the temporary folder while it is written and after the links are read back', () => {
    const before = ours();
    const links = many();
    const store = filled(links, 0);
    // Written (four full blocks), yet nothing of it left in the folder: unlinked once open.
    expect(store.blocksInFile).toBe(4);
    expect(ours()).toEqual(before);
    expect(sameOrder(visited(store.links()), expected(links))).toBe(true);
    expect(ours()).toEqual(before);
  });

  it('goes in the folder it is given (the index\'s), and nowhere else when that folder cannot take it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cnt-links-folder-'));
    try {
      const links = many();
      const given = filled(links, 0, folder);
      expect(given.blocksInFile).toBe(4);
      // Unlinked once open: nothing in the folder while it is written, nor after.
      expect(readdirSync(folder)).toEqual([]);
      const want = expected(links);
      expect(sameOrder(visited(given.links()), want)).toBe(true);
      expect(readdirSync(folder)).toEqual([]);
      // A folder that is gone: the links stay in memory, not in the system's temporary folder.
      const gone = filled(links, 0, path.join(folder, 'gone'));
      expect(gone.blocksInFile).toBe(0);
      expect(sameOrder(visited(gone.links()), want)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the links in memory when no temporary file can be made, in the same order', () => {
    process.env.TMPDIR = path.join(tmpdir(), 'crypto-news-tui-no-such-folder', 'deeper');
    expect(existsSync(process.env.TMPDIR)).toBe(false);
    const links = many();
    const store = filled(links, 0);
    expect(store.blocksInFile).toBe(0);
    expect(sameOrder(visited(store.links()), expected(links))).toBe(true);
  });
});

describe('the links in steps', () => {
  it('visits the same links in the same order as each(), a step at a time, and says when none are left', () => {
    const r = random(11);
    const links: Link[] = Array.from({ length: 3 * 65_536 + 5 }, () => {
      const a = Math.floor(r() * 50_000);
      return { a, b: a + 1 + Math.floor(r() * 100), s: Math.round(r() * 1e3) / 1e3 };
    });
    const want = expected(links);
    // In memory, and with every full block in the temporary file.
    for (const memoryBlocks of [undefined, 0]) {
      const store = filled(links, memoryBlocks);
      const got = { a: [] as number[], b: [] as number[] };
      const step = store.links().inSteps((a, b) => {
        got.a.push(a);
        got.b.push(b);
      });
      let steps = 1;
      while (step(50_000)) {
        // Each step but the last visits exactly as many as asked.
        expect(got.a.length).toBe(50_000 * steps);
        steps++;
      }
      expect(steps).toBe(Math.ceil(links.length / 50_000));
      expect(sameOrder(got, want), `memoryBlocks ${memoryBlocks}`).toBe(true);
      expect(store.count).toBe(0);
    }
  });
});
