// SearchIndex.deferBodies: while set, a search reads no file for a body not in memory (the UI
// thread stays free), says its result is approximate and asks for the bodies; once they are read
// ahead and it is cleared, every result is what a search that never deferred gives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import type { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { SearchIndex } from '../../../src/core/search/search.js';

let root: string;
let corpus: string;

const post = (title: string, body: string, day: number): string => `---\ntitle: ${title}\npublishedAt: '2025-11-${String(day).padStart(2, '0')}T02:13:55.000Z'\n---\n${body}\n`;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-defer-'));
  corpus = path.join(root, 'news');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a.md'), post('Alpha', 'Validators vote on São Paulo fees.', 10));
  fs.writeFileSync(path.join(corpus, 'b.md'), post('Beta', 'Miners sell; $SOL holders wait.', 11));
  fs.writeFileSync(path.join(corpus, 'c.md'), post('Gamma', 'Nothing here about validators.', 12));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const load = async (): Promise<LazyArticle[]> => {
  const result = await loadCorpus([corpus], { cacheDir: path.join(root, 'cache') });
  await result.fullText;
  return result.articles as LazyArticle[];
};
const ids = (index: SearchIndex, q: string): number[] => index.search(q, { limit: 50 }).hits.map((h) => h.id);

describe('SearchIndex.deferBodies', () => {
  const queries = ['"sao paulo"', 'validators', '-miners', 'coin:sol', 'alpha', 'zzz'];

  it('reads no body while set, marks results that needed one approximate, and asks for them with the query', async () => {
    await load();
    const articles = await load();
    const index = new SearchIndex(articles);
    const asked: string[] = [];
    index.deferBodies((q) => asked.push(q));
    const phrase = index.search('"sao paulo"', { limit: 50 });
    expect(phrase.hits).toEqual([]);
    expect(phrase.approximate).toBe(true);
    expect(asked).toEqual(['"sao paulo"']);
    // A word in a title is still found; the other articles needed their bodies.
    expect(index.search('alpha', { limit: 50 }).hits.map((h) => h.id)).toEqual([0]);
    expect(articles.every((a) => !a.hasLowerBody)).toBe(true);
  });

  it('gives, once the bodies are read ahead and it is cleared, exactly what a search that never deferred gives', async () => {
    await load();
    const plain = new SearchIndex(await load());
    const expected = queries.map((q) => ids(plain, q));
    expect(expected[0]).toEqual([0]);
    expect(expected[3]).toEqual([1]);
    const articles = await load();
    const index = new SearchIndex(articles);
    index.deferBodies(() => {});
    for (const q of queries) ids(index, q); // memories made while deferred must not leak into later results
    index.prepare();
    await preloadBodies(articles, () => false, 0);
    index.deferBodies(null);
    expect(queries.map((q) => ids(index, q))).toEqual(expected);
    expect(index.search('"sao paulo"', { limit: 50 }).approximate).toBeFalsy();
  });

  it('leaves bodies already in memory searched as usual', async () => {
    await load();
    const articles = await load();
    await preloadBodies(articles, () => false, 0);
    const index = new SearchIndex(articles);
    let asked = 0;
    index.deferBodies(() => (asked += 1));
    const r = index.search('"sao paulo"', { limit: 50 });
    expect(r.hits.map((h) => h.id)).toEqual([0]);
    expect(r.approximate).toBeFalsy();
    expect(asked).toBe(0);
  });
});
