// The capped, prefiltered engine must rank like plain fuse.js where plain fuse.js is affordable:
// on a corpus under the cap, its top results equal a plain Fuse's among the articles that hold
// every word (the rule at every size: near misses only when no article holds the words).

import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { FUSE_OPTIONS, SearchIndex } from '../../../src/core/search/search.js';
import { makeCorpus } from '../../helpers/make-article.js';

const titles: Array<[string, string, string[]]> = [
  ['Bitcoin Climbs Above $100,000 as ETF Inflows Surge', 'Spot funds took in record sums.', ['BTC', 'ETF']],
  ['Ethereum Developers Schedule Pectra Upgrade', 'Core devs agreed on a mainnet date.', ['ETH']],
  ['Solana Outage Halts Block Production for Five Hours', 'Validators restarted the network.', ['SOL']],
  ['SEC Delays Decision on Solana ETF Applications', 'The regulator extended its review.', ['SOL', 'ETF', 'REGULATION']],
  ['Miners Sell Bitcoin as Hashprice Falls', 'Revenue per terahash hit a low.', ['BTC', 'MINING']],
  ['Stablecoin Supply Reaches New High', 'USDT and USDC keep growing.', ['STABLECOINS']],
  ['Tether Reports Quarterly Profit', 'Treasury bills drove the gains.', ['STABLECOINS']],
  ['BlackRock Files for Ethereum Staking ETF', 'The fund would stake part of its ether.', ['ETH', 'ETF']],
  ['Coinbase Lists New Memecoins', 'Trading opens on Thursday.', ['EXCHANGES']],
  ['Binance Settles With Regulators', 'The exchange pays a fine.', ['EXCHANGES', 'REGULATION']],
  ['Bitcoin Mining Difficulty Hits Record', 'Hashrate keeps climbing.', ['BTC', 'MINING']],
  ['Ripple Wins Partial Ruling Against SEC', 'A judge split the decision.', ['XRP', 'REGULATION']],
  ['Cardano Founder Outlines Governance Plan', 'Voting moves on-chain.', ['ADA']],
  ['Dogecoin Rallies After Musk Post', 'The memecoin jumped 20%.', ['DOGE']],
  ['Arbitrum DAO Votes on Treasury Diversification', 'Delegates back a new fund.', ['ETH', 'L2']],
  ['Polygon Rebrands Token to POL', 'The migration completes.', ['POL']],
  ['Chainlink Launches Cross-Chain Protocol', 'Banks test the standard.', ['LINK']],
  ['Uniswap Fee Switch Proposal Advances', 'Token holders may earn fees.', ['DEFI']],
  ['Aave Deploys Version Four', 'Lending markets get an upgrade.', ['DEFI']],
  ['MicroStrategy Buys More Bitcoin', 'The firm now holds 400,000 BTC.', ['BTC']],
  ['El Salvador Adds Bitcoin to Reserves', 'Purchases continue daily.', ['BTC']],
  ['Hong Kong Approves Spot Ether Funds', 'Trading begins next week.', ['ETH', 'ETF']],
  ['FTX Creditors Receive First Repayments', 'Distributions started in cash.', ['EXCHANGES']],
  ['Celsius Emerges From Bankruptcy', 'Creditors get shares in a miner.', ['LENDING']],
  ['Lido Staking Share Slips Below 30%', 'Competition grows.', ['ETH', 'STAKING']],
  ['Bitfarms Will Wind Down Bitcoin Mining', 'The company pivots to AI.', ['BTC', 'MINING']],
  ['Kraken Prepares for Public Listing', 'The exchange hires bankers.', ['EXCHANGES']],
  ['Grayscale Cuts Fees on Ethereum Trust', 'Outflows slowed after the change.', ['ETH', 'ETF']],
  ['Worldcoin Faces Privacy Probe', 'Regulators question iris scans.', ['WLD']],
  ['Avalanche Subnet Activity Doubles', 'Gaming chains lead growth.', ['AVAX']],
];
// id 0 is newest, so fuse's tie-break (lower index) and ours (newer) agree.
const corpus = makeCorpus(
  titles.map(([title, description, tags], i) => ({ title, description, tags, publishedAt: Date.UTC(2025, 10, 30) - i * 3_600_000 })),
);

describe('ranking matches plain fuse.js on a small corpus', () => {
  const index = new SearchIndex(corpus);
  const plain = new Fuse(corpus, FUSE_OPTIONS);
  const holds = (a: (typeof corpus)[number], word: string): boolean => [a.title, a.description, ...a.tags, a.body].join(' ').toLowerCase().includes(word);
  it.each(['ethereum', 'regulators', 'stablecoin'])('%s', (query) => {
    const baseline = plain.search(query).filter((r) => holds(r.item, query)).slice(0, 3).map((r) => r.refIndex);
    expect(baseline.length).toBeGreaterThanOrEqual(2);
    expect(index.search(query).hits.slice(0, 3).map((h) => h.id)).toEqual(baseline);
  });

  // The one deliberate difference: a title containing the query outranks a fuzzy title match.
  // Plain fuse puts "Miners Sell Bitcoin..." (4) between the two "... Mining" titles.
  it('puts titles containing the query before fuzzy title matches', () => {
    expect(plain.search('mining').slice(0, 3).map((r) => r.refIndex)).toEqual([10, 4, 25]);
    expect(index.search('mining').hits.slice(0, 3).map((h) => h.id)).toEqual([10, 25, 4]);
  });

  // The second: when articles hold every word, fuse's near misses are not listed at all. Fuse
  // matches "bitcoin etf" as one string, so it scores Bitcoin titles without ETF anywhere (and
  // not every article tagged ETF); those once came first in the bundled data's `bitcoin etf`.
  it('lists only the articles holding every word, never fuzzy near misses beside them', () => {
    // Only "Bitcoin Climbs Above $100,000 as ETF Inflows Surge" (0) holds both words.
    expect(corpus.filter((a) => /bitcoin/i.test(a.title) && a.tags.includes('ETF')).map((a) => a.id)).toEqual([0]);
    expect(plain.search('bitcoin etf').length).toBeGreaterThan(1);
    expect(index.search('bitcoin etf').hits.map((h) => h.id)).toEqual([0]);
    // With no article holding every word, the typo fallback still finds the near ones.
    expect(index.search('bitconi').hits.map((h) => h.id)).toContain(0);
  });
});
