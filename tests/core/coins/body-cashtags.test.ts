// bodyCashtagSymbols (what the on-disk index stores for `coin:`) must name exactly the assets for
// which the in-memory filter's bodyHasCashtag is true, for every asset and every body.
import { describe, expect, it } from 'vitest';
import { assetOf, bodyCashtagSymbols, bodyHasCashtag, resolveCoin } from '../../../src/core/coins/index.js';
import { foldText } from '../../../src/core/text/index.js';
import manifest from '../../../src/core/coins/asset-manifest.json' with { type: 'json' };

const symbols = [...new Set((manifest.assets as Array<[string, string, string]>).map(([s]) => resolveCoin(s)).filter((s): s is string => s !== null))];

const BODIES = [
  'Traders bought $SOL and $xbt, not $solar or x$eth.',
  '$btc at the start, $ETH. at the end $sol',
  'Prices: $5, $ and $$, $1inch, $é$btc, é$btc, $btcé, $btc_ok, $btc-usd.',
  'No cashtag here at all.',
  '$PAC5 and $$PAC and $pac',
  '$matic $pol $xbt $XBT; ($link) [$dot] "$ada"',
  '💰$doge🚀 and 中$trx文 and $trx',
];

describe('bodyCashtagSymbols', () => {
  it.each(BODIES)('%s: the assets bodyHasCashtag finds, no more', (body) => {
    const folded = foldText(body);
    const bytes = Buffer.from(folded, 'utf8');
    const want = symbols.filter((s) => bodyHasCashtag(bytes, s)).sort();
    expect(bodyCashtagSymbols(folded).sort()).toEqual(want);
  });

  it('finds aliases under their asset and leaves longer words alone', () => {
    expect(bodyCashtagSymbols(foldText('$xbt and $solar')).sort()).toEqual(['BTC']);
    expect(assetOf('BTC')).not.toBeNull();
  });
});
