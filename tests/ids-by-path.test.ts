// The dashboard's article id by path (src/ids-by-path.ts): a Map's get/set/has/delete, answered
// from the articles' own paths, so no path string is held by it; many paths, and paths whose
// hashes collide, each keep their own id.
import { describe, expect, it } from 'vitest';
import { IdsByPath } from '../src/ids-by-path.js';

// Two paths of one shape whose FNV-1a hashes (over UTF-16 units, as IdsByPath takes them) collide.
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `/n/${i.toString(36)}.md`;
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    const other = seen.get(h | 0);
    if (other !== undefined) return [other, s];
    seen.set(h | 0, s);
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
});
