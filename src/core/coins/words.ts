// Tickers and asset names that are also everyday English (or everyday newsroom) words. In prose
// they are not coins by themselves: "one", "link", "gas", "sun" or "Maker" count only as a cashtag,
// a front-matter value, or written as a ticker next to a price or another coin (detect.ts).
// Curated by reading the manifest's ~480 symbols and names; tickers of one or two letters are
// treated the same way without being listed.

/** Upper-case tickers that read as words. */
export const WORD_TICKERS: ReadonlySet<string> = new Set(
  ('ACE ACT ADD AMP ANT APE ARK ATLAS ATM AUTO BAND BAT BAY BEAM BLOCK BOOTY CALL CHAIN CHAT CHIPS CLAM CLOAK COMP CRED ' +
    'DASH DAT DATA DENT DEW DOCK DOT DROP EDG ELF ELLA EON EXP FAIR FLUX FUEL FUN GAME GAS GIN GOLD GRIN HODL HOT HUSH HYPE ' +
    'ICON ILK INK INS ION KIN LEND LEO LINK LOOM MANA MAX MED MOD MUSIC NANO NEAR NEU OMG OMNI ONE PART PAY PEPE PINK POL POLY POT ' +
    'PRE RAP RAY REN REP RISE SAFE SALT SAN SAND SER SHIFT SIN SKY SMART SOC SPANK START STORM SUB SUMO SUN SUSHI TAU TEL TEN TERN ' +
    'TON TRIG UNI UNITY VIA VIBE WAX WINGS').split(' '),
);

/** Lower-case names (and aliases) that read as words. */
export const WORD_NAMES: ReadonlySet<string> = new Set([
  'ark', 'augur', 'beam', 'blox', 'booty', 'bread', 'capital', 'civic', 'clams', 'comet', 'compound', 'crown', 'cube', 'dash',
  'dent', 'dock', 'ethos', 'flux', 'gas', 'grin', 'harmony', 'icon', 'ink', 'kin', 'maker', 'melon', 'metal', 'nano', 'omni',
  'oyster', 'pepe', 'pillar', 'quant', 'request', 'rise', 'safe', 'salt', 'shift', 'status', 'storm', 'stellar', 'verify',
  'wings', 'waves', 'ripple', 'stacks', 'sui', 'ren', 'wax', 'dai', 'sun token', 'optimism', 'xp', 'data', 'burst', 'ion',
  'verge', 'orchid', 'oxygen', 'zest', 'handshake', 'rapture', 'triggers', 'myriad', 'proton', 'balancer', 'populous', 'guppy',
  'serum', 'elixir', 'emblem', 'enigma', 'expanse', 'cortex', 'datum', 'mainframe', 'nexus', 'radium', 'counterparty',
  'crypto.com', 'metaverse etp', 'cosmos', 'polygon', 'avalanche', 'exchange union', 'dynamic trading rights',
  // Everyday words in mining and markets news ("AI chips", "carbon credits", "nuclear fusion",
  // "not one iota") and a given name (Uma).
  'chips', 'credits', 'fusion', 'vibe', 'iota', 'uma', 'generic',
]);

/**
 * Capitalised words that, right after a name or ticker that is a word, make it the name of
 * something else: a company, fund, studio or product (`Cortex Labs`, `Stellar Capital`,
 * `ARK Invest`, `Quant Funds`, `Civic Leaders`). Left out on purpose: the project's own words
 * (`Protocol`, `Network`, `Foundation`, `DAO`, `Finance`, `Wallet`: `Maker Protocol`, `Stellar
 * Network`, `Compound Finance` are the coin's project) and `Miners`/`Mining` (`Grin miners`,
 * `Dash Mining` are the coin's); `Trade` and `Swap` read as nouns of the coin (`Stellar Trade
 * Volumes Jump 12%`). README "Coins and stories".
 */
export const COMPANY_WORDS: ReadonlySet<string> = new Set(
  ('Labs Lab Capital Invest Investments Studios Studio Partners Health Healthcare Funds Fund Leaders Pay Group Holdings ' +
    'Ventures Bank Markets Inc Ltd LLC Corp Corporation Technologies Digital Research Analytics Security Securities ' +
    'Vaults Pro Agents Media Systems Solutions Management Advisors Asset Assets Insurance Energy Industries Consulting ' +
    'Motors Games Entertainment Pictures Records').split(' '),
);

/**
 * Lower-case words that, right after a name or ticker that is a word, make it part of an
 * everyday noun phrase: `Gas fees spike 40%` is about fees (Ethereum's gas), `Data centers`,
 * `Safe haven`, `Ripple effect`, `Status quo`, `Compound interest`, `Storm warning`. Matched in
 * any case (`GAS FEES`, `Gas Fees`). `price` is left out on purpose: `Stellar price jumps 12%`
 * is the coin's price (README "Coins and stories").
 */
export const NOUN_WORDS: ReadonlySet<string> = new Set(
  ('fees fee costs cost limit limits usage prices station stations center centers centre centres haven harbor harbour ' +
    'effect effects quo interest clouds warning warnings bill bills tax taxes pipeline pipelines shortage shortages ' +
    'war wars breach breaches leak leaks').split(' '),
);

/** True when a ticker needs context in prose: a listed word or one or two characters long. */
export function isWordTicker(symbol: string): boolean {
  return symbol.length <= 2 || WORD_TICKERS.has(symbol);
}
