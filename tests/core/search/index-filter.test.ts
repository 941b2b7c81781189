// `--filter` answered from the on-disk index (reading only the matching rows) must print exactly
// what a run without the index prints: the same articles in the same order, the same warnings in
// the same order, after files were changed, added and deleted since the index was written, and
// over a hostile folder and links that make one file appear twice. The corpus is generated past
// the search's CAP (below it fuse ranks every article and the index path steps aside).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { SearchIndex, type SortKey } from '../../../src/core/search/search.js';
import { writeHostileCorpus, type HostileCorpus } from '../../helpers/hostile-corpus.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
let root: string;
let corpus: string;
let hostile: HostileCorpus;
let roots: string[];
let cacheDir: string;
const NOW = Date.UTC(2026, 10, 21);

// The folders loaded without the index (every file parsed, every body read), once per state of the files.
let reference: Promise<{ index: SearchIndex; warnings: unknown[] }> | null = null;
function loadReference(): Promise<{ index: SearchIndex; warnings: unknown[] }> {
  reference ??= (async () => {
    const { articles, warnings } = await loadCorpus(roots, { cache: false });
    await preloadBodies(articles);
    return { index: new SearchIndex(articles), warnings };
  })();
  return reference;
}

// What `--filter QUERY` prints without the index.
async function withoutIndex(query: string, sort?: SortKey, includeDrafts = false): Promise<{ paths: string[]; warnings: unknown[] }> {
  const { index, warnings } = await loadReference();
  const hits = index.search(query, { sort, includeDrafts, now: NOW }).hits;
  return { paths: hits.map((h) => index.article(h.id).path), warnings };
}

// What `--filter QUERY` prints from the index: the articles' paths, and for `--print path` the
// paths of the rows ranked without the loader (pathsOnly); both must be the full load's.
async function fromIndex(query: string, sort?: SortKey, includeDrafts = false): Promise<{ paths: string[]; warnings: unknown[] } | null> {
  const found = await filterFromIndex(roots, query, { cacheDir, sort, includeDrafts, now: NOW });
  const pathsOnly = await filterFromIndex(roots, query, { cacheDir, sort, includeDrafts, now: NOW, pathsOnly: true });
  expect(pathsOnly === null).toBe(found === null);
  if (!found || !pathsOnly) return null;
  expect(pathsOnly.articles).toBeNull();
  expect(found.paths).toEqual(found.articles!.map((a) => a.path));
  expect(pathsOnly).toEqual({ ...found, articles: null });
  return { paths: found.paths, warnings: found.warnings };
}

const generated = (name: string): string => path.join(corpus, 'generated', name);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-index-filter-'));
  corpus = path.join(root, 'news');
  const made = await runNode([path.join(repo, 'scripts', 'gen-corpus.mjs'), '1300', path.join(corpus, 'generated')]);
  expect(made.status).toBe(0);
  fs.cpSync(path.join(repo, 'data', 'news'), path.join(corpus, 'bundled'), { recursive: true });
  // One file reached three times: a hard link and a symbolic link load it once, at its first path.
  const first = path.join(generated('000'), fs.readdirSync(generated('000')).sort()[0]);
  fs.linkSync(first, path.join(corpus, 'bundled', 'zz-hard-link.md'));
  fs.symlinkSync(first, path.join(corpus, 'bundled', 'zz-symlink.md'));
  // A date the loader cannot read: a warning stored with the row.
  fs.writeFileSync(path.join(corpus, 'bundled', 'guessed-date.md'), '---\ntitle: Solana validators meet\ndate: next tuesday\n---\nSolana body.\n');
  // Field values and cashtags the generated corpus lacks: the filters SQL decides must meet them.
  const bundled = (name: string, text: string): void => fs.writeFileSync(path.join(corpus, 'bundled', name), text);
  bundled('fields-1.md', '---\ntitle: Solana desk note\ndate: 2025-03-01\nlang: en-US\nsentiment: neg\nsource:\n  name: Café Crème News\n  key: the-block\n---\nTraders bought $SOL and $xbt, not $solar or x$eth.\n');
  bundled('fields-2.md', '---\ntitle: Mercado de bitcoin\ndate: 2025-04-01\nlang: pt_BR\nsentiment: Positive\nsource: Decrypt\ncoins: [ETH]\n---\nO ETF de bitcoin e $PAC5 e $$PAC.\n');
  bundled('fields-3.md', '---\ntitle: Marktbericht Solana ETF\ndate: 2025-05-01\nlang: de\nsentiment: bullish\nsource: The Block\ntags: [SOL]\n---\nKein Cashtag hier, nur $5 und $.\n');
  bundled('fields-5.md', '---\ntitle: Solana desk mood\ndate: 2025-07-01\nsentiment: meh\n---\nNo sentiment the language knows.\n');
  bundled('fields-4.md', '---\ntitle: Ether fees fall\ndate: 2025-06-01\nsentiment: NEUTRAL\n---\nSpot etf flows and $eth.\n');
  hostile = writeHostileCorpus();
  roots = [corpus, hostile.dir];
  cacheDir = path.join(root, 'cache');
  expect(await (await loadCorpus(roots, { cacheDir })).fullText).toBe(true);
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  hostile?.cleanup();
});

describe('--filter from the index', () => {
  it('gives the full load’s output after files were changed, added and deleted', async () => {
    const [a, b] = fs.readdirSync(generated('001')).sort().map((f) => path.join(generated('001'), f));
    // Changed: a word no article held, in its body (the text is rewritten with the row).
    fs.appendFileSync(a, '\nThe solana quokkaberry rally.\n');
    // Deleted, and added.
    fs.rmSync(b);
    fs.writeFileSync(path.join(corpus, 'bundled', 'added.md'), '---\ntitle: Quokkaberry and Solana\ndate: 2026-11-01\n---\nSolana news.\n');
    // A file that no longer parses: its warning comes from the parse, in walk order.
    fs.writeFileSync(path.join(corpus, 'bundled', 'broken.md'), '---\ntitle: [never closed\n---\nbody\n');
    reference = null;
    const got = await fromIndex('quokkaberry');
    expect(got).not.toBeNull();
    const want = await withoutIndex('quokkaberry');
    expect(want.paths.length).toBe(2);
    // Warnings stored with unchanged rows (the guessed date), from the parse (the broken file) and the walk's.
    const warned = (want.warnings as Array<{ path: string }>).map((w) => path.basename(w.path));
    expect(warned).toEqual(expect.arrayContaining(['guessed-date.md', 'broken.md']));
    expect(warned.length).toBeGreaterThan(hostile.mustWarn.length);
    expect(got).toEqual(want);
    expect(got!.paths).not.toContain(b);
    const solana = await fromIndex('solana');
    expect(solana).toEqual(await withoutIndex('solana'));
    expect(solana!.paths).toContain(path.join(corpus, 'bundled', 'added.md'));
  }, 120_000);

  const QUERIES = [
    // Free words: answered exactly by FTS5 (the drafts rule, since: and is: in SQL beside them).
    'solana', 'bitcoin etf', 'sol', 'validators', 'etf sec', 'ether', 'fees', 'halcyon mining', 'regulators', '2025', 'xyz', 'ana',
    'since:2025-06-01 solana', '-since:2025-01-01 ether', 'is:sticky bitcoin', 'is:draft bitcoin',
    // Filters, phrases, negations and typos: a superset from the index, decided in memory.
    'tag:btc', 'tag:btc solana', 'category:regulation', 'source:decrypt solana', 'sentiment:negative exchange', 'coin:sol',
    '"solana fees"', 'solana -etf', 'bitconi', 'zzqqxx', 'until:2025-06-01 bitcoin', 'lang:en mining', 'since:2026-01-01', 'ab', '',
    // Field filters and negations SQL decides (index/query-plan.ts), alone, negated and mixed.
    'lang:en', '-lang:en', 'lang:pt', 'lang:de solana', '-lang:en solana', 'sentiment:positive', '-sentiment:neutral bitcoin',
    'sentiment:negative -etf', 'sentiment:none', '-sentiment:none', 'sentiment:none bitcoin', 'source:"the block"', 'source:cafe', '-source:decrypt', '-source:decrypt solana', 'source:"--"', '-source:"--" solana',
    'coin:btc', 'coin:xbt', 'coin:eth', '-coin:btc', 'coin:eth bitcoin', '-coin:sol solana', 'coin:sol',
    '-etf', 'solana -etf -sec', '-bitcoin -solana', 'bitcoin -zzqqxx', '-since:2025-05-01 solana', 'is:sticky -bitcoin',
    // Left to memory beside them: short or accented negated words, negated phrases, negated tags.
    // Typos (search/typos/typo-rule.ts): read as the nearest word, by the index's vocabulary and by the articles' own alike.
    'bticoin', 'etherum', 'solanq -etf', 'bitconi since:2025-06-01', 'bitcoin -bitcoin', 'validatros',
    'bitcoin -et', 'solana -café', 'solana -比特币', '-"bitcoin etf"', 'solana -"spot etf"', '"spot etf" -solana', 'tag:btc -tag:eth', '-category:markets solana',
  ];
  it.each(QUERIES)('%s: same articles, order and warnings by relevance, date and title', async (query) => {
    for (const sort of [undefined, 'date', 'title', 'score'] as const) {
      const got = await fromIndex(query, sort);
      expect(got, `${query} ${sort}`).not.toBeNull();
      expect(got, `${query} ${sort}`).toEqual(await withoutIndex(query, sort));
    }
    const drafts = await fromIndex(query, undefined, true);
    expect(drafts).toEqual(await withoutIndex(query, undefined, true));
  }, 120_000);

  it('sentiment:none finds the articles with no sentiment or one the language does not know, from the index and without it', async () => {
    const want = await withoutIndex('sentiment:none');
    const names = want.paths.map((p) => path.basename(p));
    expect(names).toEqual(expect.arrayContaining(['fields-5.md', 'guessed-date.md']));
    expect(names).not.toContain('fields-4.md');
    expect(await fromIndex('sentiment:none')).toEqual(want);
  }, 120_000);

  it('reads a typo as its nearest word: the same articles as the word, from the index and without it', async () => {
    for (const [typo, word] of [['bticoin', 'bitcoin'], ['etherum', 'ethereum'], ['validatros', 'validators']]) {
      const want = await withoutIndex(word);
      expect(want.paths.length, word).toBeGreaterThan(0);
      expect(await withoutIndex(typo)).toEqual(want);
      expect(await fromIndex(typo)).toEqual(want);
    }
  }, 120_000);

  it('the same file through links is listed once, at its first path', async () => {
    const got = (await fromIndex('bitcoin'))!;
    const linked = got.paths.filter((p) => /zz-(hard|sym)link\.md$/.test(p));
    expect(linked).toEqual([]);
    expect(got).toEqual(await withoutIndex('bitcoin'));
  }, 180_000);

  it('sees a file changed, added or deleted after a run that kept the stamps in one piece (the walk-order snapshot)', async () => {
    // Two unchanged runs: the first writes the snapshot in the walk's order, the second takes it as it is.
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
    const [c, d] = fs.readdirSync(generated('000')).sort().slice(-2).map((f) => path.join(generated('000'), f));
    // Same size, new mtime and a word no article holds; one file deleted; one added.
    fs.writeFileSync(c, fs.readFileSync(c, 'utf8').replace(/^title: .*$/m, (line) => `${line.slice(0, -5)}Zqxwv`));
    fs.utimesSync(c, new Date(), new Date(Date.now() + 5_000));
    fs.rmSync(d);
    fs.writeFileSync(path.join(corpus, 'bundled', 'added-later.md'), '---\ntitle: Zqxwv Solana added later\ndate: 2026-11-02\n---\nSolana.\n');
    reference = null;
    const got = await fromIndex('zqxwv');
    expect(got!.paths.map((p) => path.basename(p)).sort()).toEqual([path.basename(c), 'added-later.md'].sort());
    expect(got).toEqual(await withoutIndex('zqxwv'));
    const solana = await fromIndex('solana');
    expect(solana).toEqual(await withoutIndex('solana'));
    expect(solana!.paths).not.toContain(d);
  }, 120_000);

  it('steps aside without an index', async () => {
    expect(await filterFromIndex(roots, 'solana', { cacheDir: path.join(root, 'no-cache-here') })).toBeNull();
  }, 180_000);
});
