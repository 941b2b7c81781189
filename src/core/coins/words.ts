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
    'TON TRIG UNI UNITY VIA VIBE WAX WINGS VET ZEN TAO RUNE RENDER BONK SEI WIF JUP').split(' '),
);

/**
 * Tickers that are acronyms of the news (a hacking group's `APT`, net asset value, exchange-traded
 * products, NGOs as `ONG`, a camera's `EOS`), written in capitals as tickers are: a figure nearby
 * says nothing, so they count only opening a clause with a price or a move (`EOS jumps 12%`), as
 * a cashtag, a front-matter value or a tag.
 */
export const ACRONYM_TICKERS: ReadonlySet<string> = new Set(['APT', 'NAV', 'ETP', 'ONG', 'EOS']);

/**
 * Tickers that are everyday words in the other languages news is written in (`SOL`: sun in
 * Spanish and Portuguese, `VIVO`): in a headline all in capitals they wait for a figure or a
 * list, as word-tickers do elsewhere (`DÍA DE SOL EN MADRID` is no SOL).
 */
export const OTHER_LANGUAGE_TICKERS: ReadonlySet<string> = new Set(['SOL', 'VIVO']);

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
  // Ethereum's upgrade (`Electra`), a planet, a verb, an adjective, a word in Italian and Portuguese.
  'electra', 'jupiter', 'render', 'immutable', 'sei', 'bonk', 'eos',
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
    'Motors Games Entertainment Pictures Records Zurich University Institute').split(' '),
);

/**
 * Of COMPANY_WORDS, those that after a ticker that is no word can name only a firm or a school
 * (`ETH Zurich`, `BTC Labs`; not `BTC Energy Use Climbs 5%`, which is Bitcoin's).
 */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set(
  'Zurich University Institute Labs Capital Holdings Ventures Inc Ltd LLC Corp Corporation Partners Invest Investments'.split(' '),
);

/**
 * Lower-case words that, right after a name or ticker that is a word, make it part of an
 * everyday noun phrase: `Gas fees spike 40%` is about fees (Ethereum's gas), `Data centers`,
 * `Safe haven`, `Ripple effect`, `Status quo`, `Compound interest`, `Storm warning`. Matched in
 * any case (`GAS FEES`, `Gas Fees`). `price` is left out on purpose: `Stellar price jumps 12%`
 * is the coin's price (README "Coins and stories").
 */
export const NOUN_WORDS: ReadonlySet<string> = new Set(
  ('fees fee costs cost limit limits usage prices annual station stations center centers centre centres haven harbor harbour ' +
    'effect effects quo interest clouds warning warnings bill bills tax taxes pipeline pipelines shortage shortages ' +
    'war wars breach breaches leak leaks').split(' '),
);

/**
 * Names of several words that are everyday phrases too (`bitcoin gold correlation`, `as the graph
 * shows`, `a high performance blockchain`): in prose they count only written as a name, every
 * word capitalised (`Bitcoin Gold`, `The Graph`); else the shorter name they start with counts
 * (`Bitcoin`).
 */
export const PHRASE_NAMES: ReadonlySet<string> = new Set([
  'bitcoin gold', 'bitcoin private', 'bitcoin diamond', 'bitcoin plus', 'bitcoin hush', 'the graph', 'the sandbox',
  'high performance blockchain', 'internet computer', 'internet of people', 'power ledger', 'global social chain',
  'time new bank', 'all sports', 'genesis vision', 'note blockchain', 'block array', 'action coin', 'star atlas',
  'quantum resistant ledger', 'iot chain',
]);

/**
 * Words that, right after a name that is a word, name the coin's own chain or foundation
 * (`Stellar Development Foundation`, `Cosmos Hub`, `Sui network`, `Harmony mainnet`): the coin,
 * in any case of the word and with no price or move needed. Not `Protocol`, `DAO` or `Finance`:
 * firms are named so too (`Cortex DAO Publishes Reserve Report`), and those count with a price or
 * a move only (README "Coins and stories").
 */
export const PROJECT_WORDS: ReadonlySet<string> = new Set('network foundation hub mainnet testnet blockchain ecosystem'.split(' '));

/** True when a ticker needs context in prose: a listed word or one or two characters long. */
export function isWordTicker(symbol: string): boolean {
  return symbol.length <= 2 || WORD_TICKERS.has(symbol) || ACRONYM_TICKERS.has(symbol);
}
