// A warm `--filter` answers from the index while the files are stat-ed (LocalIndex.begin: the index
// as if no file changed), and keeps that answer only when every file's stat equals the stamp stored
// for it. A file changed in place (same paths, new content) is seen only by the stats: the early
// answer must then be dropped and the query answered again from the updated index. The folder
// here loads without a failing file, so every walked file has a row (the early answer needs that).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { LocalIndex } from '../../../src/core/load/local-index.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { SearchIndex } from '../../../src/core/search/search.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const NOW = Date.UTC(2026, 10, 21);
let root: string;
let corpus: string;
let cacheDir: string;

async function withoutIndex(query: string): Promise<string[]> {
  const { articles } = await loadCorpus([corpus], { cache: false });
  await preloadBodies(articles);
  const index = new SearchIndex(articles);
  return index.search(query, { now: NOW }).hits.map((h) => index.article(h.id).path);
}

async function fromIndex(query: string): Promise<string[] | null> {
  const found = await filterFromIndex([corpus], query, { cacheDir, now: NOW, pathsOnly: true });
  return found && found.paths;
}

// Rewrites a file's title with `word` (a word no other article holds) and moves its mtime on.
function retitle(file: string, word: string, ahead: number): void {
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${word} and the ledger`));
  fs.utimesSync(file, new Date(), new Date(Date.now() + ahead));
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-index-early-'));
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  // Past the search's CAP, so free words take the index's exact path.
  const made = await runNode([path.join(repo, 'scripts', 'gen-corpus.mjs'), '1100', corpus]);
  expect(made.status).toBe(0);
  const loaded = await loadCorpus([corpus], { cacheDir });
  expect(loaded.warnings).toEqual([]);
  expect(await loaded.fullText).toBe(true);
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const files = (): string[] => fs.readdirSync(path.join(corpus, '000')).sort().map((f) => path.join(corpus, '000', f));

describe('the early answer of a warm --filter', () => {
  it('answers a file changed in place from the updated index, not from the answer given before the stats', async () => {
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
    const changed = files()[7];
    retitle(changed, 'Vrrmqz', 7_000);
    const got = await fromIndex('vrrmqz');
    expect(got).toEqual([changed]);
    expect(got).toEqual(await withoutIndex('vrrmqz'));
  }, 120_000);

  it('is given when the walk finds exactly the files indexed, and kept only when no stat differs', async () => {
    // Begins a warm check; its early answer's presence and how it settles.
    const check = async (): Promise<[boolean, string]> => {
      const index = new LocalIndex([corpus], { cacheDir });
      const begun = await index.begin();
      expect(begun).not.toBeNull();
      const outcome = await begun!.settle();
      index.close();
      return [begun!.provisional, outcome];
    };
    expect(await check()).toEqual([true, 'same']);
    retitle(files()[9], 'Qxwvzz', 9_000);
    expect(await check()).toEqual([true, 'changed']);
    // A file added: the walk already shows it, so there is no early answer.
    fs.writeFileSync(path.join(corpus, '000', 'zz-added.md'), '---\ntitle: Added later\ndate: 2026-11-02\n---\nSolana.\n');
    expect(await check()).toEqual([false, 'changed']);
    expect(await check()).toEqual([true, 'same']);
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
  }, 120_000);

  it('selects in one read what query() names and rows() reads, counted before anything is read', async () => {
    const index = new LocalIndex([corpus], { cacheDir });
    expect(await index.update()).toBe(true);
    const terms = parseQuery('solana -source:decrypt', NOW).terms;
    const candidates = index.query({ terms, includeDrafts: false })!;
    const selection = index.select({ terms, includeDrafts: false });
    expect(candidates.ids.length).toBeGreaterThan(0);
    expect(selection.passing).toBe(candidates.passing);
    expect(selection.decided).toEqual(candidates.decided);
    const read = selection.read();
    expect(read.selected).toBe(candidates.ids.length);
    expect(read.rows).toEqual(index.rows(candidates.ids));
    // A word no token holds: nothing selected, nothing read.
    expect(index.select({ terms: parseQuery('qqxqzv', NOW).terms, includeDrafts: false }).read()).toEqual({ selected: 0, rows: [] });
    index.close();
  }, 120_000);

  it('counts the articles passing the filters only up to countUpTo when asked, exactly below it', async () => {
    const index = new LocalIndex([corpus], { cacheDir });
    expect(await index.update()).toBe(true);
    const terms = parseQuery('solana -source:decrypt', NOW).terms;
    const all = index.select({ terms, includeDrafts: false }).passing!;
    // Most of the 1,100 articles pass `-source:decrypt`.
    expect(all).toBeGreaterThan(500);
    expect(index.select({ terms, includeDrafts: false, countUpTo: 101 }).passing).toBe(101);
    expect(index.select({ terms, includeDrafts: false, countUpTo: all + 50 }).passing).toBe(all);
    expect(index.select({ terms, includeDrafts: false, countUpTo: all }).passing).toBe(all);
    index.close();
  }, 120_000);
});
