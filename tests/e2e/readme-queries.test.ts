// Pins the top results of the README's example queries on the bundled data, run through the built
// CLI with and without the on-disk index. The search engine under these queries is being rebuilt
// (SQL filters, FTS5 candidates, fuse.js ranking a bounded set); the ranking a reader sees must
// not move while it is. The expected lists were recorded from the in-memory engine before the
// rebuild: a change here is a ranking change and needs a reason in its commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-readme-'));
afterAll(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

async function top(query: string, extra: string[]): Promise<string[]> {
  const r = await runNode([cli, '-f', query, '-p', 'path', '-n', '5', ...extra, 'data'], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

const pinned: Array<[string, string[], string[]]> = [
  ['bitfarms', [], ['data/news/bitfarms-wind-down.md']],
  [
    'tag:mining since:2025-11-01',
    [],
    [
      'data/news/kestrel-compute-gpu-contract.md',
      'data/news/tundra-digital-restructuring.md',
      'data/news/granite-ridge-second-site.md',
      'data/news/aurora-basin-mining-flood.md',
      'data/news/ferrous-hash-fleet-upgrade.md',
    ],
  ],
  [
    'sentiment:negative -source:decrypt',
    [],
    [
      'data/news/ostrava-markets-hot-wallet-breach.md',
      'data/news/anchorline-regulator-fine.md',
      'data/news/tidepool-governance-attack.md',
      'data/news/nft-volume-slump.md',
      'data/news/august-flash-crash-liquidations.md',
    ],
  ],
  ['"hard fork"', ['-s', 'date'], ['data/news/eth-gas-limit-vote.md']],
  [
    'bitcoin etf',
    [],
    // Only the two articles that hold both words (tagged ETF, Bitcoin in the title). Fuse's near
    // misses (Bitcoin titles with no ETF anywhere) once followed them, and before that came first:
    // a folder this small now follows the rule a big one does (the index's path), words held or no match.
    ['data/news/cobalt-bitcoin-fund-inflows.md', 'data/news/castellan-etf-review.md'],
  ],
  [
    'ethereum',
    [],
    [
      'data/news/eth-gas-limit-vote.md',
      'data/news/eth-staking-queue-clears.md',
      'data/news/larkspur-client-release.md',
      'data/news/basalt-rollup-fee-cut.md',
      'data/news/basalt-sequencer-decentralization.md',
    ],
  ],
];

describe("the README's example queries keep their top results", () => {
  it.each(pinned)('%s %j', async (query, extra, expected) => {
    expect(await top(query, ['--no-cache', ...extra])).toEqual(expected);
    // Twice with the index: the first run builds it, the second answers from it.
    expect(await top(query, extra)).toEqual(expected);
    expect(await top(query, extra)).toEqual(expected);
  });
});
