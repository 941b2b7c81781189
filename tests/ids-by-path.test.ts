// The dashboard's article id by path (src/ids-by-path.ts): a Map's get/set/has/delete, answered
// from the articles' own paths, so no path string is held by it; many paths, and paths whose
// hashes collide, each keep their own id; loaded articles give their paths' hashes from their
// bytes (setArticle), with the same answers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IdsByPath } from '../src/ids-by-path.js';
import { loadCorpus } from '../src/core/load/load.js';
import { hashText } from '../src/core/text/index.js';
import { hashesIdentity } from '../src/core/article.js';

// Two paths of one shape whose hashes (text/byte-hash.ts hashText, as IdsByPath takes them) collide.
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `/n/${i.toString(36)}.md`;
    const h = hashText(s);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}

describe('IdsByPath', () => {
  it('answers as a Map of path to id would, over many paths, without holding them', () => {
    const paths = Array.from({ length: 5_000 }, (_, i) => `/corpus/${i % 40}/article-${i}.md`);
    const ids = new IdsByPath((id) => paths[id]);
    paths.forEach((p, id) => ids.set(p, id));
    expect(ids.size).toBe(5_000);
    expect(paths.every((p, id) => ids.get(p) === id && ids.has(p))).toBe(true);
    expect(ids.get('/corpus/0/missing.md')).toBeUndefined();
    expect(ids.delete(paths[17])).toBe(true);
    expect(ids.delete(paths[17])).toBe(false);
    expect(ids.has(paths[17])).toBe(false);
    expect(ids.size).toBe(4_999);
  });

  it('moves a path to a new id (a changed file reloaded)', () => {
    const byId = ['/a.md', '/b.md', '/a.md'];
    const ids = new IdsByPath((id) => byId[id]);
    ids.set('/a.md', 0).set('/b.md', 1);
    ids.set('/a.md', 2);
    expect(ids.get('/a.md')).toBe(2);
    expect(ids.size).toBe(2);
  });

  it('keeps paths whose hashes collide apart', () => {
    const [a, b] = collidingPair();
    expect(a).not.toBe(b);
    const byId = [a, b];
    const ids = new IdsByPath((id) => byId[id]);
    ids.set(a, 0).set(b, 1);
    expect([ids.get(a), ids.get(b)]).toEqual([0, 1]);
    expect(ids.delete(a)).toBe(true);
    expect([ids.get(a), ids.get(b)]).toEqual([undefined, 1]);
    expect(ids.size).toBe(1);
  });

  it('answers as a Map does through many sets, moves and deletes (tables grown and rebuilt past their emptied slots)', () => {
    // Paths by id; a moved path gets a new id, as a reloaded file does.
    const byId: string[] = [];
    const ids = new IdsByPath((id) => byId[id]);
    const model = new Map<string, number>();
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let step = 0; step < 60_000; step++) {
      const path = `/corpus/${random(30)}/article-${random(8_000)}.md`;
      const op = random(10);
      if (op < 6) {
        byId.push(path);
        ids.set(path, byId.length - 1);
        model.set(path, byId.length - 1);
      } else {
        expect(ids.delete(path)).toBe(model.delete(path));
      }
    }
    expect(ids.size).toBe(model.size);
    for (const [path, id] of model) expect(ids.get(path)).toBe(id);
    for (let k = 0; k < 2_000; k++) {
      const path = `/corpus/${random(30)}/article-${random(8_000)}.md`;
      expect(ids.get(path)).toBe(model.get(path));
    }
  });

  it('refuses an id that is not a row id', () => {
    const ids = new IdsByPath(() => '/a.md');
    expect(() => ids.set('/a.md', -1)).toThrow(RangeError);
    expect(() => ids.set('/a.md', 1.5)).toThrow(RangeError);
  });

  it("takes a loaded article's path hash from its bytes (setArticle), answering as set(path) does, collisions included", async () => {
    const { articles } = await loadCorpus([fileURLToPath(new URL('../data', import.meta.url))], { cache: false, workers: 0 });
    expect(articles.length).toBeGreaterThan(20);
    expect(articles.every(hashesIdentity)).toBe(true);
    const [a, b] = collidingPair();
    // The loaded articles, then two in-memory ones whose paths collide with each other.
    const paths = [...articles.map((x) => x.path), a, b];
    const ids = new IdsByPath((id) => paths[id]);
    for (const x of articles) ids.setArticle(x);
    ids.setArticle({ ...articles[0], id: articles.length, path: a }).setArticle({ ...articles[0], id: articles.length + 1, path: b });
    expect(ids.size).toBe(paths.length);
    expect(paths.map((p) => ids.get(p))).toEqual(paths.map((_, id) => id));
    // A path set again moves to its new id, as set() does.
    ids.setArticle({ ...articles[0], id: articles.length + 1, path: b });
    expect([ids.size, ids.get(b)]).toEqual([paths.length, articles.length + 1]);
    expect(ids.delete(articles[3].path)).toBe(true);
    expect(ids.has(articles[3].path)).toBe(false);
  });

  it('keeps its table 35-70% full as it grows (not doubled twice)', () => {
    const paths = Array.from({ length: 100_000 }, (_, i) => `/corpus/${i % 100}/article-${i}.md`);
    const ids = new IdsByPath((id) => paths[id]);
    paths.forEach((p, id) => ids.set(p, id));
    // 100,000 paths: 131,072 slots would be 76% full, so 262,144 (38%); doubled twice it was 524,288.
    const slots = (ids as unknown as { ids: Int32Array }).ids.length;
    expect(slots).toBe(262_144);
    expect(paths.every((p, id) => ids.get(p) === id)).toBe(true);
  });
});

