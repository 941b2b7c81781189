// Bodies read ahead on the parse threads must be exactly what a search would read itself, and
// a file changed since the load must not lend its new body to the article loaded from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerBodiesFromIndex, preloadBodies } from '../../../src/core/search/body-preload.js';
import type { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { readsBodies, SearchIndex } from '../../../src/core/search/search.js';

let root: string;
let corpus: string;

const post = (title: string, body: string): string => `---\ntitle: ${title}\npublishedAt: '2025-11-14T02:13:55.000Z'\n---\n${body}\n`;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-preload-'));
  corpus = path.join(root, 'news');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a.md'), post('Alpha', 'Validators vote on São Paulo fees.'));
  fs.writeFileSync(path.join(corpus, 'b.md'), post('Beta', 'Miners sell.'));
  fs.writeFileSync(path.join(corpus, 'c.md'), post('Gamma', 'Nothing here.'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

// The index's full text is built after the list; these tests ask it questions, so they wait for it.
const load = async () => {
  const result = await loadCorpus([corpus], { cacheDir: path.join(root, 'cache') });
  await result.fullText;
  return result.articles as LazyArticle[];
};

describe('preloadBodies', () => {
  it('keeps the folded bodies a search would read, and the same search answers the same', async () => {
    await load();
    const articles = await load();
    expect(articles.every((a) => !a.hasLowerBody)).toBe(true);
    const expected = articles.map((a) => a.lowerBody.toString('utf8'));
    const fresh = await load();
    expect(await preloadBodies(fresh, () => false, 0)).toBe(3);
    expect(fresh.every((a) => a.hasLowerBody)).toBe(true);
    expect(fresh.map((a) => a.lowerBody.toString('utf8'))).toEqual(expected);
    expect(expected[0]).toContain('sao paulo');
    for (const q of ['validators', 'sao paulo', '-miners', 'zzz']) {
      expect(new SearchIndex(fresh).search(q).hits.map((h) => h.id), q).toEqual(new SearchIndex(await load()).search(q).hits.map((h) => h.id));
    }
    expect(await preloadBodies(fresh, () => false, 0)).toBe(0); // nothing left to read
  });

  it('keeps no body from a file changed since the load', async () => {
    const articles = await load();
    fs.writeFileSync(path.join(corpus, 'b.md'), post('Beta', 'Miners sell everything now.'));
    expect(await preloadBodies(articles, () => false, 0)).toBe(2);
    expect(articles[1].hasLowerBody).toBe(false);
  });
});

describe('readsBodies', () => {
  it.each([
    ['bitcoin', true],
    ['"spot etf"', true],
    ['-miners tag:btc', true],
    ['tag:btc since:7d', false],
    ['coin:sol', true],
    ['', false],
    ['since:', false], // malformed: the search reports it, nothing is read
  ])('%j -> %s', (q, expected) => {
    expect(readsBodies(q)).toBe(expected);
  });
});

describe('answerBodiesFromIndex', () => {
  const search = (articles: LazyArticle[], q: string) => new SearchIndex(articles).search(q, {}).hits.map((h) => articles[h.id].title).sort();

  it('answers plain words from the index exactly as the bodies do, without reading a file', async () => {
    fs.writeFileSync(path.join(corpus, 'd.md'), post('Delta', 'Revalidators and sub-miners; Crédit Agricole.'));
    await load();
    const paths = [corpus];
    for (const q of ['validators', 'miners', '-miners', 'validators miners', 'credit', 'agricole -nothing', 'zzz', 'val']) {
      const truth = search(await load(), q);
      const articles = await load();
      expect(answerBodiesFromIndex(articles, q, paths, articles.length, path.join(root, 'cache'))).toBe(true);
      // Every article got its stand-in body: the search below reads no file.
      expect(articles.every((a) => a.hasLowerBody)).toBe(true);
      expect(search(articles, q), q).toEqual(truth);
    }
  });

  it('leaves phrases, coins, a missing index and a row count that disagrees to the bodies', async () => {
    const articles = await load();
    const cache = path.join(root, 'cache');
    expect(answerBodiesFromIndex(articles, '"sao paulo"', [corpus], articles.length, cache)).toBe(false);
    expect(answerBodiesFromIndex(articles, 'coin:btc', [corpus], articles.length, cache)).toBe(false);
    expect(answerBodiesFromIndex(articles, 'validators', [corpus], articles.length + 1, cache)).toBe(false);
    expect(answerBodiesFromIndex(articles, 'validators', [corpus], articles.length, path.join(root, 'nowhere'))).toBe(false);
    expect(articles.some((a) => a.hasLowerBody)).toBe(false);
  });

  it('leaves the bodies to the files while the index is still building its text', async () => {
    const cache = path.join(root, 'cache');
    const cold = await loadCorpus([corpus], { cacheDir: cache });
    cold.stopText(); // stopped before its first batch: every row still waits for its text
    expect(await cold.fullText).toBe(false);
    expect(answerBodiesFromIndex(cold.articles, 'validators', [corpus], cold.articles.length, cache)).toBe(false);
    // The next load finishes the text, and then the index answers.
    const warm = await loadCorpus([corpus], { cacheDir: cache });
    expect(await warm.fullText).toBe(true);
    expect(answerBodiesFromIndex(warm.articles, 'validators', [corpus], warm.articles.length, cache)).toBe(true);
  });
});
