// The asset table coins are detected against: a pinned copy of the `cryptocurrency-icons`
// manifest (symbol, name, brand colour; 487 assets; asset-manifest.json, written by
// scripts/pin-assets.mjs from one exact version of the package, whose version, date and SHA-256
// its header records) plus the project's own short list of aliases and of assets the manifest
// predates. Loaded once, on first use, from the file beside this module: no network, ever.
import { createRequire } from 'node:module';

/** One asset: upper-case ticker, display name, brand colour (`#rrggbb`) or null. */
export interface Asset {
  symbol: string;
  name: string;
  color: string | null;
}

/** The lookup tables detection uses. */
export interface AssetTable {
  /** Upper-case ticker -> asset (aliases such as XBT resolve to their asset). */
  bySymbol: ReadonlyMap<string, Asset>;
  /** Lower-case name or alias ("ether", "bitcoin cash") -> ticker. */
  byName: ReadonlyMap<string, string>;
  /** Most words in any name, so a scan knows how far to look ahead. */
  longestName: number;
}

// Entries of the manifest that are not crypto assets (fiat currencies, a placeholder icon, a bank,
// an exchange) or whose tickers would turn everyday text into coins.
const NOT_ASSETS: ReadonlySet<string> = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'GENERIC', 'HTML', 'SBERBANK', 'QIWI', 'EXMO', 'D', 'R', 'X']);

// Assets the manifest (last published 2024-12) has no icon for but crypto news names daily.
const EXTRA_ASSETS: readonly Asset[] = [
  { symbol: 'TON', name: 'Toncoin', color: '#0098ea' },
  { symbol: 'NEAR', name: 'NEAR Protocol', color: null },
  { symbol: 'SUI', name: 'Sui', color: '#4da2ff' },
  { symbol: 'ARB', name: 'Arbitrum', color: '#28a0f0' },
  { symbol: 'OP', name: 'Optimism', color: '#ff0420' },
  { symbol: 'APT', name: 'Aptos', color: null },
  { symbol: 'SHIB', name: 'Shiba Inu', color: '#ffa409' },
  { symbol: 'PEPE', name: 'Pepe', color: '#4c9641' },
  { symbol: 'TIA', name: 'Celestia', color: '#7b2bf9' },
  { symbol: 'INJ', name: 'Injective', color: null },
  { symbol: 'HYPE', name: 'Hyperliquid', color: null },
  { symbol: 'ACE', name: 'Fusionist', color: null },
  { symbol: 'SUN', name: 'Sun Token', color: null },
  { symbol: 'PYUSD', name: 'PayPal USD', color: null },
  // Found missing by a tester (2026-12): coins of the news of 2024-2026.
  { symbol: 'KAS', name: 'Kaspa', color: '#70c7ba' },
  { symbol: 'WLD', name: 'Worldcoin', color: null },
  { symbol: 'JUP', name: 'Jupiter', color: null },
  { symbol: 'LDO', name: 'Lido DAO', color: '#00a3ff' },
  { symbol: 'SEI', name: 'Sei', color: null },
  { symbol: 'PYTH', name: 'Pyth Network', color: null },
  { symbol: 'BONK', name: 'Bonk', color: null },
  { symbol: 'WIF', name: 'dogwifhat', color: null },
  { symbol: 'STRK', name: 'Starknet', color: null },
  { symbol: 'ENA', name: 'Ethena', color: null },
  { symbol: 'ONDO', name: 'Ondo', color: null },
  { symbol: 'TAO', name: 'Bittensor', color: null },
  { symbol: 'RENDER', name: 'Render', color: null },
  { symbol: 'HBAR', name: 'Hedera', color: null },
  { symbol: 'IMX', name: 'Immutable', color: null },
  { symbol: 'RUNE', name: 'THORChain', color: null },
];

// The project's own aliases: other names and tickers people write for an asset.
const ALIASES: Readonly<Record<string, string>> = {
  ether: 'ETH',
  xbt: 'BTC',
  ripple: 'XRP',
  chainlink: 'LINK',
  'binance coin': 'BNB',
  polkadot: 'DOT',
  tether: 'USDT',
  tron: 'TRX',
  stellar: 'XLM',
  litecoin: 'LTC',
  dogecoin: 'DOGE',
  monero: 'XMR',
  harmony: 'ONE',
  toncoin: 'TON',
  'the open network': 'TON',
  'usd coin': 'USDC',
  'bnb chain': 'BNB',
  polygon: 'MATIC',
  lido: 'LDO',
  pyth: 'PYTH',
};

/** Ticker aliases (written upper-case in text): XBT is how some exchanges write Bitcoin. */
export const TICKER_ALIASES: Readonly<Record<string, string>> = { XBT: 'BTC', POL: 'MATIC' };

/** Where the pinned list came from: asset-manifest.json's header. */
export interface AssetSource {
  package: string;
  version: string;
  /** The version's publication date (YYYY-MM-DD). */
  published: string;
  license: string;
  file: string;
  /** SHA-256 (hex) of the package's file the list was taken from. */
  sha256: string;
  generatedBy: string;
}

/** asset-manifest.json: its header and one [symbol, name, colour or null] per asset. */
export interface PinnedManifest {
  source: AssetSource;
  assets: Array<[unknown, unknown, unknown]>;
}

/** The pinned manifest as stored beside this module. */
export function pinnedManifest(): PinnedManifest {
  return createRequire(import.meta.url)('./asset-manifest.json') as PinnedManifest;
}

let table: AssetTable | null = null;

/** The asset table, built on first use from the installed manifest. */
export function assetTable(): AssetTable {
  if (table) return table;
  const manifest = pinnedManifest().assets;
  const bySymbol = new Map<string, Asset>();
  const byName = new Map<string, string>();
  const add = (a: Asset): void => {
    if (NOT_ASSETS.has(a.symbol) || bySymbol.has(a.symbol)) return;
    bySymbol.set(a.symbol, a);
    const name = a.name.toLowerCase().replace(/\s*\[.*\]$/, '');
    if (!byName.has(name)) byName.set(name, a.symbol);
  };
  for (const [symbol, name, colour] of manifest) {
    if (typeof symbol !== 'string' || typeof name !== 'string' || !/^[A-Z0-9]{1,10}$/.test(symbol)) continue;
    const color = typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : null;
    add({ symbol, name, color });
  }
  for (const a of EXTRA_ASSETS) add(a);
  for (const [alias, symbol] of Object.entries(ALIASES)) if (bySymbol.has(symbol)) byName.set(alias, symbol);
  for (const [alias, symbol] of Object.entries(TICKER_ALIASES)) {
    const asset = bySymbol.get(symbol);
    if (asset && !bySymbol.has(alias)) bySymbol.set(alias, asset);
  }
  let longestName = 1;
  for (const name of byName.keys()) longestName = Math.max(longestName, name.split(' ').length);
  table = { bySymbol, byName, longestName };
  return table;
}

/** The asset for a ticker (any case), or undefined. */
export function assetOf(symbol: string): Asset | undefined {
  return assetTable().bySymbol.get(symbol.toUpperCase());
}

/**
 * The ticker a query or front-matter value names: a ticker (`btc`, `XBT`), a name (`bitcoin`,
 * `Bitcoin Cash`) or an alias (`ether`), case-insensitive; null when it names no asset.
 */
export function resolveCoin(value: string): string | null {
  const t = assetTable();
  const v = value.trim().replace(/^\$/, '');
  const bySymbol = t.bySymbol.get(v.toUpperCase());
  if (bySymbol) return bySymbol.symbol;
  return t.byName.get(v.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
