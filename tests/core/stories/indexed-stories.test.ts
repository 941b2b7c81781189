// The dashboard over an on-disk index groups the stories `--filter` and `--no-cache` group (found
// by a tester: at 20k generated articles the indexed dashboard showed `+4` where both showed `+1`,
// its story welded from unrelated news). The facts worker read each article's lead paragraph
// from the index, which the in-memory path never reads (a loaded article's body stays on disk),
// and generated articles open with leads of one template. A few dozen such articles: the worker's
// stories, computed at once or a chunk at a time, then read back warm, are storyMap's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { indexFile } from '../../../src/core/index/database.js';
import { leadParagraph } from '../../../src/core/text/lead.js';
import { factsInBackground } from '../../../src/core/stories/facts-background.js';
import { groupStories } from '../../../src/core/stories/group.js';
import { storyDoc } from '../../../src/core/stories/story-doc.js';
import { storyMap } from '../../../src/core/stories/story-map.js';

const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
const OUTLETS = ['Decrypt', 'CoinDesk', 'The Block', 'Cointelegraph', 'Blockworks', 'CryptoSlate'];
// One boilerplate lead, as the generator writes them: the same sentences under unrelated news.
const LEAD = 'Northwind surprised the market on Friday with the announcement. Data for the period come from public on-chain records. The team published a detailed report alongside the news, and analysts said the numbers were better than expected.';
// Their titles share one word ("Update"), as a link needs a shared title word besides coins and
// figures; it opens them, as titles opening with different names are two subjects (subject.ts OPENER).
const UNRELATED = ['Update: Quarry Vaults Halts Withdrawals', 'Update: Zephyr Miners Orders Rigs', 'Update: Kestria Taxes Staking Rewards', 'Update: Lumen Wallet Hires Auditor', 'Update: Basalt Exchange Lists Memecoins', 'Update: Halcyon Fund Sells Ether'];
const WORDS = 'amber birch cedar delta ember fjord garnet harbor indigo jasper kiln lagoon mesa nectar onyx prairie quartz russet sierra tundra umber violet willow yarrow zinnia'.split(' ');

let root = '';
let data = '';

// Article k: the six look-alikes first (one outlet each, hours apart, sharing only the lead), then
// fillers of their own words; all within one story window.
function write(k: number, title: string, description: string, lead: string): void {
  const at = new Date(Date.UTC(2026, 1, 14, 2 + k)).toISOString();
  const source = OUTLETS[k % OUTLETS.length];
  const body = `${lead}\n\nMore follows.\n`;
  fs.writeFileSync(path.join(data, `a${String(k).padStart(2, '0')}.md`), `---\ntitle: '${title}'\ndescription: '${description}'\npublishedAt: '${at}'\nsource: '${source}'\n---\n\n${body}`);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-indexed-stories-'));
  data = path.join(root, 'news');
  fs.mkdirSync(data);
  UNRELATED.forEach((title, k) => write(k, title, 'Shares moved.', LEAD));
  for (let k = UNRELATED.length; k < 36; k++) {
    const w = (m: number): string => WORDS[(k * 7 + m * 3) % WORDS.length] + (k + m);
    write(k, `${w(0)} ${w(1)} ${w(2)}`, `${w(3)} ${w(4)}`, `${w(5)} ${w(6)} ${w(7)} ${w(8)}.`);
  }
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('stories over the on-disk index', () => {
  it('are the stories --filter and --no-cache group, computed at once, a chunk at a time, and read back warm', async () => {
    const loaded = (await loadCorpus([data], { cache: false })).articles;
    const want = storyMap(loaded);
    // What the test is about: the leads alone would weld the look-alikes into one story.
    const byLead = groupStories(loaded.map((a) => ({ ...storyDoc(a), lead: leadParagraph(a.body) })));
    const alike = loaded.filter((a) => UNRELATED.includes(a.title)).map((a) => a.id);
    expect(alike).toHaveLength(UNRELATED.length);
    expect(Math.max(...alike.map((id) => byLead.size[id]))).toBeGreaterThanOrEqual(3);
    for (const id of alike) expect(want.size[id]).toBe(1);
    for (const streamFrom of [undefined, 1]) {
      const cacheDir = fs.mkdtempSync(path.join(root, 'cache-'));
      const load = await loadCorpus([data], { cache: true, cacheDir });
      expect(load.articles.map((a) => a.path)).toEqual(loaded.map((a) => a.path));
      const opts = { worker, cacheFile: indexFile(cacheDir, [data]), streamFrom };
      for (const start of ['cold', 'warm']) {
        const facts = await factsInBackground((id) => load.articles[id], load.articles.length, opts, load.indexIds ?? null);
        expect({ start, streamFrom, story: [...facts!.story] }).toEqual({ start, streamFrom, story: [...want.story] });
        expect([...facts!.size]).toEqual([...want.size]);
      }
    }
  });
});
