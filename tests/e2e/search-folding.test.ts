// The search fold (text/fold.ts) through the built CLI, on the on-disk index and with
// `--no-cache`: a query must list the same files both ways (tests/fixtures/cases/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const folder = 'tests/fixtures/cases/search-folding';
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-folding-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

// The files `query` lists, by name, sorted; `cached` reads and writes the index under `home`.
async function found(query: string, cached: boolean): Promise<string[]> {
  const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(home, 'cache'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CONFIG_HOME: path.join(home, 'config') };
  const r = await runCli([...(cached ? [] : ['--no-cache']), '-f', query, '-p', 'path', folder], { cwd: repo, env });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).map((p) => path.basename(p)).sort();
}

const CASES: Array<[string, string[]]> = [
  ['"first spot etf"', ['phrase-linebreak.md']],
  // Markup beside a space opens the phrase: it folded to ` first spot etf` and the search never returned.
  ['"* first spot etf"', ['phrase-linebreak.md']],
  ['\u00a0first\u00a0etf', ['phrase-linebreak.md']],
  // `&#8220;spot ETF&#8221;` in a WordPress export reads as the reader sees it: “spot ETF”.
  ['"spot etf"', ['double-space.md', 'entities-wordpress.md', 'nbsp.md', 'phrase-linebreak.md']],
  ['"double spaced"', ['double-space.md']],
  ['"binance\'s ceo"', ['apostrophe.md']],
  ['kryptowahrungsregulierung tag:steuerrecht pruftjetzt', ['shy.md']],
  ['البيتكوين', ['arabic-harakat.md']],
  ['ביטקוין', ['hebrew-niqqud.md']],
  ['strasse massnahmen oeuvre', ['ligature.md']],
  ['"btc etf"', ['fullwidth.md']],
  // Every dash reads as `-`, typed or written: en and em dashes, the hyphen, the minus sign.
  ['layer-2', ['dashes.md', 'hyphen.md']],
  ['pre-market', ['hyphen.md']],
  ['"2024-2025" tag:layer-2 "fell -5%" bitcoin-etf "layer-2 rollups"', ['dashes.md']],
  ['spot\u2013market', ['dashes.md']],
  // A leading en dash is no negation (only `-` is): the word `-bitcoin`, as in `pro–bitcoin`.
  ['\u2013bitcoin', ['dashes.md']],
  // A phrase across a link's hidden address, a reference's label, an image's address, an autolink.
  ['"first spot ether funds" "cold wallet reserves" "hashrate chart climbed" "at https://example.com/filings every"', ['links.md']],
  // The address stays a body's text for a word, as before.
  ['example.com/custody', ['links.md']],
  ['"sao paulo" tag:regulation source:"les echos"', ['nfd.md']],
  // A body as the reader sees it: Markdown's escapes without their backslashes, as the same words
  // written plainly are found.
  ['eth_getbalance "starred words" c++ "us$100"', ['escapes-literal.md', 'escapes.md']],
  // Character references decoded, as the literal text is found; the references' names and numbers are no words.
  ['"s&p 500" at&t what\'s €90 "90 000"', ['entities-everywhere.md', 'entities-literal.md', 'entities.md']],
  ['bitcoin\'s "sec\'s spot etf"', ['entities-wordpress.md']],
  ['8217', []],
  ['rsquo', []],
  ['nbsp', []],
  ['hellip', []],
  // In code, a reference is shown as written, and found so.
  ['"&lt;b&gt;"', ['entities-everywhere.md']],
  // HTML's tags and attributes are not shown; an inline tag does not split a word; a hidden element's text is not shown.
  ['kg-image', []],
  ['lazy', []],
  ['tabindex', []],
  ['pre-wrap', []],
  ['"type your email"', []],
  ['"enable javascript"', []],
  ['h2o', ['escapes-literal.md', 'escapes.md', 'html-export.md']],
  ['"ctrl+c"', ['html-export.md']],
  // What is shown of attributes stays: an image's alt text, a link's address (its link note), a phrase across the link.
  ['"btc chart" tradingview "source: tradingview"', ['html-export.md']],
  // Indented code (CommonMark 4.4) is shown as written: its references, tags and backslashes are
  // found as written, not decoded; a list item's indented paragraph and nested list, and a lazy
  // continuation line, are read as Markdown.
  ['"chain=zeta&amp;method" "<b>raw</b>" "method=eth\\_call"', ['indented-code.md']],
  ['"chain=zeta&method"', []],
  ['"method=eth_call"', []],
  ['eth_getlogs "q&a notes" "first step & the zorblax" eth_feehistory', ['indented-code.md']],
  // An HTML block's backslashes are no escapes (CommonMark 4.6): shown, and found, as written.
  ['eth\\_sendrawtransaction "sendrawtransaction & wait"', ['html-block-escapes.md']],
  ['eth_sendrawtransaction', []],
  ['eth_estimategas', ['html-block-escapes.md']],
  // A fence line inside an HTML block (to its blank line, or inside `<pre>`) opens no code block:
  // the article after it is still read as prose.
  ['"q&a futures" eth_chainid "eth_syncing call & the mempool"', ['html-block-fences.md']],
  // Þ and ð as Icelandic is written in ASCII.
  ['thingvellir tag:thing godafoss althingi', ['thorn.md']],
];

// Each case is two CLI runs: seconds on a loaded machine.
describe('search folding through the CLI', { timeout: 600_000 }, () => {
  it.each(CASES)('%s lists %j with the index and without', async (query, expected) => {
    expect(await found(query, true)).toEqual(expected);
    expect(await found(query, false)).toEqual(expected);
  });
});
