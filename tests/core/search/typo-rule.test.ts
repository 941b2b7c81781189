// The typo rule (search/typos/typo-rule.ts): a free word no article holds is read as its nearest
// corpus word, so it finds what that word finds (bodies included) in the same order, on the
// on-disk index's path, a full load's and --no-cache alike; a word some article holds is never
// corrected, so a query whose terms rule everything out lists nothing. The fixture
// (tests/fixtures/typos) holds Bitcoin in two titles, in two bodies only (one as `bitcoins`), and
// the near misses a fuzzy fallback listed instead: Stablecoin titles, a wallet's reserve report,
// `tether` and `ether` beside Ethereum.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { correctQuery } from '../../../src/core/search/query.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { correctionOf, indexVocabulary } from '../../../src/core/search/typos/typo-rule.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const fixture = path.join(repo, 'tests', 'fixtures', 'typos');
const NOW = Date.UTC(2026, 0, 1);
let cacheDir: string;
let memory: SearchIndex;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-typos-'));
  const { articles } = await loadCorpus([fixture], { cache: false });
  await preloadBodies(articles);
  memory = new SearchIndex(articles);
  expect(await (await loadCorpus([fixture], { cacheDir })).fullText).toBe(true);
}, 60_000);

afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

const name = (p: string): string => path.basename(p, '.md');
const withoutIndex = (query: string): string[] => memory.search(query, { now: NOW }).hits.map((h) => name(memory.article(h.id).path));
async function fromIndex(query: string): Promise<string[]> {
  const found = await filterFromIndex([fixture], query, { cacheDir, now: NOW, pathsOnly: true });
  expect(found, query).not.toBeNull();
  return found!.paths.map(name);
}

describe('correctionOf', () => {
  const vocabulary = indexVocabulary(['bit', 'bitcoin', 'bitcoins', 'ether', 'ethereum', 'solana', 'solano', 'tether'].join('\n'));
  it.each([
    ['bitconi', 'bitcoin'], // a swap of neighbours is one edit
    ['bticoin', 'bitcoin'],
    ['bitcoinz', 'bitcoin'], // bitcoins is as near, and holds bitcoin: its matches are bitcoin's
    ['etherum', 'ethereum'], // ether is two edits away, ethereum one: only the nearest
    ['solanx', 'solana'], // a tie neither holds: the first by code unit
  ])('%s -> %s', (word, fixed) => expect(correctionOf(word, vocabulary)).toBe(fixed));

  it.each(['bitcoin', 'bitc', 'itcoi', 'coin', 'sola', 'bitconiii', 'zitcoin', 'eth', 'solaná', 'bit-coin'])('leaves %s as typed', (word) => {
    // Held by a token (whole, a prefix, a part), more edits than its length allows, another first
    // letter, under four letters, or not a plain ASCII word.
    expect(correctionOf(word, vocabulary)).toBeNull();
  });

  it('corrects positive free words in place, nothing else', () => {
    const fix = (w: string): string => correctionOf(w, vocabulary) ?? w;
    expect(correctQuery('Bitconi -etherum tag:etherum "spot etherum" solanx', fix)).toBe('bitcoin -etherum tag:etherum "spot etherum" solana');
    expect(correctQuery('bitcoin etf', fix)).toBe('bitcoin etf');
  });
});

describe('a typo finds what its word finds', () => {
  it.each([
    ['bitconi', 'bitcoin'],
    ['bticoin', 'bitcoin'],
    ['etherum', 'ethereum'],
    ['bitconi -source:decrypt', 'bitcoin -source:decrypt'],
  ])('%s as %s, with and without the index', async (typo, word) => {
    const want = withoutIndex(word);
    expect(want.length).toBeGreaterThan(0);
    expect(withoutIndex(typo)).toEqual(want);
    expect(await fromIndex(typo)).toEqual(want);
    expect(await fromIndex(word)).toEqual(want);
  });

  it('in every field, bodies included, and titles holding the word first', async () => {
    const got = withoutIndex('bticoin');
    expect(got.slice(0, 2).sort()).toEqual(['bitcoin-developers', 'bitcoin-miners']);
    expect(got.slice(2).sort()).toEqual(['exchange-volumes', 'payments-firm']);
    // No near miss: `etherum` is not `ether` (tether's audit, the volumes' body).
    expect(withoutIndex('etherum').sort()).toEqual(['ethereum-upgrade', 'rollup-fees']);
  });

  it('lists nothing for a query whose terms rule everything out, and for a word near nothing', async () => {
    for (const query of ['bitcoin -bitcoin', 'bitconi -bitcoin', 'zzqxv', 'stablecoin -stablecoin']) {
      expect(withoutIndex(query), query).toEqual([]);
      expect(await fromIndex(query), query).toEqual([]);
    }
  });

  it('prints the same through the CLI, with and without the index, and exits 1 for nothing', async () => {
    const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheDir };
    const cli = (args: string[]) => runNode([path.join(repo, 'dist', 'cli.js'), ...args, fixture], { cwd: repo, env });
    const want = await cli(['-f', 'bitcoin', '-p', 'title']);
    expect(want.stdout.split('\n').filter(Boolean).length).toBe(4);
    for (const extra of [[], ['--no-cache']]) {
      const got = await cli([...extra, '-f', 'bitconi', '-p', 'title']);
      expect(got.stdout).toBe(want.stdout);
      const none = await cli([...extra, '-f', 'bitcoin -bitcoin', '-p', 'title']);
      expect({ status: none.status, stdout: none.stdout }).toEqual({ status: 1, stdout: '' });
    }
  }, 60_000);
});
