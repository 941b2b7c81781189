// The publication windows (core/publication-window.ts) as the on-disk index decides them: the warm
// start's page and count and a `--filter` answered from the index are tested against the time of
// the query, so an expiry or a publish date that passes after the index was written takes effect
// without the file (or its row) changing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, warmStart } from '../../../src/core/load/load.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';

const EXPIRY = Date.UTC(2030, 0, 1);
const before = EXPIRY - 60_000;
const after = EXPIRY + 60_000;
let root: string;
let corpus: string;
let cacheDir: string;

function put(name: string, front: string): void {
  fs.writeFileSync(path.join(corpus, name), `---\n${front}source: Hugo Desk\n---\nA body about bitcoin.\n`);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-window-'));
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  fs.mkdirSync(corpus);
  put('expiring.md', `title: Expiring Promotion\ndate: 2025-11-01T00:00:00Z\nexpiryDate: ${new Date(EXPIRY).toISOString()}\n`);
  put('scheduled.md', `title: Scheduled Note\ndate: 2025-11-02T00:00:00Z\npublishDate: ${new Date(EXPIRY).toISOString()}\n`);
  put('dated-ahead.md', `title: Dated Ahead\ndate: ${new Date(EXPIRY).toISOString()}\n`);
  put('plain.md', 'title: Plain Wrap\ndate: 2025-11-03T00:00:00Z\n');
  put('draft.md', 'title: Draft Piece\ndate: 2025-11-04T00:00:00Z\ndraft: true\n');
  // Without a date of its own, a file dated ahead by its clock is listed (a guessed date never delays).
  put('undated.md', 'title: Undated Piece\n');
  fs.utimesSync(path.join(corpus, 'undated.md'), new Date(after), new Date(after));
  const load = await loadCorpus([corpus], { cacheDir });
  expect(await load.fullText).toBe(true);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const warmTitles = (now: number, includeDrafts = false) => {
  const warm = warmStart([corpus], 100, { cacheDir, now, includeDrafts });
  return { titles: warm?.articles.map((a) => a.title).sort(), listed: warm?.listed, total: warm?.total };
};
const filtered = async (query: string, now: number): Promise<string[] | undefined> =>
  (await filterFromIndex([corpus], query, { cacheDir, now, pathsOnly: true }))?.paths.map((p) => path.basename(p)).sort();

describe('publication windows in the index', () => {
  it("the warm start's page and its count at a time before and after the dates, from the same index", () => {
    const stamp = fs.statSync(path.join(corpus, 'expiring.md')).mtimeMs;
    expect(warmTitles(before)).toEqual({ titles: ['Expiring Promotion', 'Plain Wrap', 'Undated Piece'], listed: 3, total: 6 });
    expect(warmTitles(after)).toEqual({ titles: ['Dated Ahead', 'Plain Wrap', 'Scheduled Note', 'Undated Piece'], listed: 4, total: 6 });
    expect(warmTitles(before, true).titles).toHaveLength(6);
    expect(fs.statSync(path.join(corpus, 'expiring.md')).mtimeMs).toBe(stamp);
  });

  it('a filter answered by the index (words and fields) keeps to the window at its time', async () => {
    expect(await filtered('source:hugo', before)).toEqual(['expiring.md', 'plain.md', 'undated.md']);
    expect(await filtered('source:hugo', after)).toEqual(['dated-ahead.md', 'plain.md', 'scheduled.md', 'undated.md']);
    expect(await filtered('bitcoin', before)).toEqual(['expiring.md', 'plain.md', 'undated.md']);
    expect(await filtered('bitcoin', after)).toEqual(['dated-ahead.md', 'plain.md', 'scheduled.md', 'undated.md']);
  });
});
