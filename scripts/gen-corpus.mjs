#!/usr/bin/env node
// Writes a large seeded corpus of fictional news articles in the seed's schema, for speed work:
//   node scripts/gen-corpus.mjs COUNT DIR [--seed N] [--per-folder N]
// Article i depends only on (seed, i), so a smaller corpus is a prefix of a bigger one, and file i always lands
// at DIR/<i / PER>/<i>-<slug>.md, PER = --per-folder (default 1,000, which keeps folders listable; the
// benchmark's million is 100 folders of 10,000, the shape the scale issue measures).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = 'usage: gen-corpus COUNT DIR [--seed N] [--per-folder N]\n  COUNT  number of articles (1..10000000)\n  DIR    output folder (created)\n  --seed integer seed (default 1)\n  --per-folder  files per subfolder (1..10000000, default 1000)';
const PER_FOLDER = 1000;
const END = Date.UTC(2026, 10, 20, 18, 0, 0); // fixed, not Date.now(): same seed must give the same bytes on any day
const SPAN = 3 * 365 * 86_400_000;

const w = (s) => s.split('|');
const SOURCES = [['Decrypt', 'decrypt', 'RSS'], ['CoinDesk', 'coindesk', 'API'], ['The Block', 'theblock', 'RSS'],
  ['Cointelegraph', 'cointelegraph', 'RSS'], ['Blockworks', 'blockworks', 'API'], ['Bitcoin Magazine', 'bitcoinmagazine', 'RSS'],
  ['CryptoSlate', 'cryptoslate', 'RSS'], ['DL News', 'dlnews', 'API'], ['The Defiant', 'thedefiant', 'RSS']];
const NAMES = w('Northwind|Granite Ridge|Tundra|Solace|Kestrel|Highplain|Ferrous|Aurora Basin|Meridian|Harborline|Quayside|Ostrava|Lumen|Tidepool|Cinder|Arbor|Halcyon|Basalt|Quillnet|Larkspur|Sable|Cortex|Lattice|Fernbrook|Copperleaf|Pellucid|Anchorline|Keystone|Brightwater|Kelp|Glasshouse|Pixel Orchard|Polaris|Vantor|Cobalt|Crestmoor|Delphos|Ferrylight|Hollow Pine|Saltmarsh|Redfern|Vireo|Marigold|Ironbark|Bluewater|Stonegate|Emberly|Wrenfield|Oakhaven|Silverline|Driftwood|Juniper|Moraine|Calder|Ashgrove|Bramble|Larch|Tamsin|Orrery|Zephyr');
const CAT_KINDS = { BTC: ['fund', 'firm', 'exchange'], ETH: ['protocol', 'firm'], SOL: ['protocol', 'firm', 'exchange'], DEFI: ['protocol'], NFT: ['protocol', 'firm'],
  REGULATION: ['exchange', 'fund', 'firm'], MARKETS: ['exchange', 'fund'], MINING: ['miner'], STABLECOINS: ['firm', 'protocol'], SECURITY: ['exchange', 'protocol', 'firm'],
  AI: ['firm', 'protocol'], LAYER2: ['protocol'] };
const KINDS = {
  miner: w('Hashworks|Mining|Digital|Hash|Compute|Miners|Energy'), exchange: w('Exchange|Markets|Trade|Digital Markets|Pro'),
  protocol: w('Finance|Protocol|Swap|Lend|Vaults|DAO|Labs'), fund: w('Asset Management|Capital|Funds|Investments'),
  firm: w('Labs|Security|Analytics|Research|Wallet|Pay'),
};
const PEOPLE = w('Mara Quill|Teodor Lindqvist|Ayasha Brennan|Okonkwo Adeyemi|Priya Ramanathan|Lucien Vasquez|Hana Sato|Jin-woo Park|Elsbeth Marr|Dario Fenwick|Ines Moravec|Tomasz Wierzba|Rosa Lindgren|Noor Haddad|Maren Holt|Park Seo-yeon|Adaeze Nwosu|Sven Adler|Idris Kamara|Marisol Ortega|Lior Ben-Ami|Mirela Dragan|Haruto Mori|Anouk Verbeek|Oren Blackwood|Caitlin Ferreira|Bao Tran|Felix Aumont|Ilse Kranz|Esther Abara');
const PLACES = w('Nordavia|Castellan|Veridia|Osterland|Marovia|Kestria|Valmont|Solenne|Arvenia|Tessaly');
const ASSETS = w('BTC|ETH|SOL|stablecoin|ether|bitcoin|SOL|PUSD|ADL|BSLT|LUM|TIDE');
const MONTHS = w('January|February|March|April|May|June|July|August|September|October|November|December');
const CATS = {
  BTC: { tags: w('BTC|ETF|LIGHTNING|FEES|BUSINESS|PAYMENTS'), titles: w('Bitcoin {up} {pct}% as {co} Buys ${m}M More|{co} Adds Lightning Payments in {n} Shops|Study: Bitcoin Fees {up} {pct}% in {month}|{co} Holds {n} BTC After {month} Purchases|Bitcoin Developers Debate {topic}') },
  ETH: { tags: w('ETH|STAKING|LAYER2|FEES|CLIENTS|GOVERNANCE'), titles: w('Ethereum Validators Signal for {topic}|{co} Client Ships v{v} With Faster Sync|ETH Staking Queue {up} to {n} Validators|{co} Opens ETH Staking for Funds in {place}|Ether {up} {pct}% After {topic} Vote') },
  SOL: { tags: w('SOL|DEFI|MEMECOINS|VALIDATORS|PAYMENTS'), titles: w('Solana Fees {up} {pct}% as Launchpads Roar|{co} Brings Stablecoin Checkout to {n} Shops on Solana|{co} Halts Trading for {h} Hours During Solana Congestion|Solana Validator Client {co} Reaches {pct}% of Stake') },
  DEFI: { tags: w('DEFI|LENDING|DEX|GOVERNANCE|LIQUIDATIONS|DAO'), titles: w('{co} Launches V{v} With Isolated Markets|{co} Left With ${m}M in Bad Debt|{co} Holders Vote on {topic}|DeFi Lending Rates {up} to {pct}% on {co}|{co} Migrates ${m}M of Liquidity') },
  NFT: { tags: w('NFT|ART|GAMING|GOVERNANCE'), titles: w('{co} Holders Vote to Restore Royalties|NFT Volume {up} {pct}% in {month}|{co} Opens a Gallery for On-Chain Art in {place}|{co} Sells {n} Game Items in a Day') },
  REGULATION: { tags: w('REGULATION|ETF|TAX|ENFORCEMENT|STABLECOINS|EXCHANGE'), titles: w('{place} Publishes Draft Rules for {topic}|{place} Regulator Delays Decision on {n} Bitcoin Funds|{co} Fined ${m}M by {place} Authority|{place} Tax Office Issues Guidance on {topic}|{place} Passes Law on {topic}') },
  MARKETS: { tags: w('MARKETS|BTC|ETH|DERIVATIVES|ETF|EXCHANGE'), titles: w('Weekly Outlook: Bitcoin Holds ${k}K|${b}B in Options Expire on {co}|{co} Bitcoin Fund Takes In ${m}M in {month}|{co} Cuts {pct}% of Staff|Crypto Markets {up} {pct}% as {topic} Looms|{co} Lists {n} New Tokens') },
  MINING: { tags: w('MINING|BTC|ENERGY|HASHRATE|BUSINESS|AI'), titles: w('{co} Curtails {pct}% of Fleet as Power Prices Spike|{co} Signs {n} MW Hosting Deal|{co} Posts ${m}M Quarterly Loss|{co} Orders {n},000 New Miners|{co} Shifts {n} MW From Mining to AI Hosting|Difficulty {up} {pct}%, Squeezing {co}') },
  STABLECOINS: { tags: w('STABLECOINS|PAYMENTS|REGULATION|DEPEG|AUDIT'), titles: w('{co} Stablecoin Passes ${b}B in Supply|{co} Slips to $0.9{d} as Redemptions Pile Up|{co} Publishes Reserve Report for {month}|{place} Pilots a Stablecoin With {n} Banks') },
  SECURITY: { tags: w('HACK|SECURITY|WALLETS|PHISHING|BRIDGE|AUDIT'), titles: w('{co} Drained of ${m}M in Bridge Exploit|{co} Loses ${m}M in Hot Wallet Breach|Researchers Warn of {co} Drainer Kit|{co} Audit Finds {n} High-Severity Bugs|{co} Wallet Drops Seed Phrases for Passkeys') },
  AI: { tags: w('AI|TOKENS|COMPUTE|AGENTS|WALLETS'), titles: w('{co} Gives AI Agents Wallets With Limits|AI Trading Agents Lose {pct}% in {co} Contest|{co} Launches Index of {n} AI Tokens|{co} Rents Idle GPUs for Token Payments') },
  LAYER2: { tags: w('LAYER2|ETH|FEES|SEQUENCERS'), titles: w('{co} Rollup Cuts Fees {pct}% With Blobs|{co} Rollup Rotates Between {n} Sequencers|{co} Unlocks {n}M Tokens in {month}|Layer-2 Fees {up} {pct}% in {month}') },
};
const CAT_KEYS = Object.keys(CATS);
const TOPICS = w('a Higher Gas Limit|Stablecoin Reserves|Staking Taxes|Exchange Licences|Token Unlocks|Fee Markets|Custody Rules|Proof of Reserves|Royalties|Treasury Diversification|Validator Rewards|Client Diversity');
const UPS = w('Rise|Fall|Jump|Slide|Climb|Drop');
const HEADINGS = w('What happened|Why it matters|The numbers|How it works|Who is affected|Reaction|What comes next|Background|Risks|The details|Market impact|Analyst view');
const SENTENCES = w('{co} said the change would take effect in {month}.|The move follows months of pressure from customers and investors.|Analysts said the numbers were better than expected, though risks remain.|The company did not say how much the project would cost.|{person}, who leads the team, said the decision was "overdue".|Volumes in {asset} rose about {pct}% over the same period.|Critics argue the plan concentrates too much power in a few hands.|Regulators in {place} have asked for more detail before approving it.|The figures have not been independently verified.|Several rivals are expected to follow within weeks.|Users will not need to take any action, according to the announcement.|The team published a detailed report alongside the news.|Shares and tokens linked to {co} moved sharply after the announcement.|Similar plans have failed before, when markets turned.|The firm holds about ${m} million in reserves, it said.|Fees were cut by roughly {pct}% for most users.|The decision passed with {pct}% of votes cast.|It is the {ord} such event this year, by one count.|Data for the period come from public on-chain records.|{person} said the goal was to make the process "boring and predictable".');
const BULLETS = w('lower fees for most users|a new reporting dashboard|daily reconciliation of balances|a cap of ${m}M per day|support for {asset}|a {n}-day notice period|an independent review every year|a bug bounty of up to ${m}M|faster withdrawals|a guardian multisig for emergencies|quarterly reports to holders|stricter limits on leverage');
const LEDES = w('{co} announced the change on {day}, saying it had been planned for several months.|{co} confirmed the figures in a statement on {day}.|{co} told customers about the decision in an email on {day}, ahead of a public post.|In a filing on {day}, {co} set out the plan and its expected costs.|{co} surprised the market on {day} with the announcement.|{co} said on {day} that the first phase is already under way.');
const DAYS = w('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');
const ORD = w('second|third|fourth|fifth|sixth');

// Small, fast, well-mixed 32-bit PRNG; the seed is hashed so that different seeds don't merely permute articles.
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seedFor = (seed, i) => (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ i) >>> 0;

function parseArgs(argv) {
  const pos = [];
  let seed = 1;
  let perFolder = PER_FOLDER;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a === '--seed' ? argv[++k] : a.slice(7);
      if (v === undefined || !/^-?\d{1,10}$/.test(v)) return null;
      seed = Number(v) | 0;
    } else if (a === '--per-folder' || a.startsWith('--per-folder=')) {
      const v = a === '--per-folder' ? argv[++k] : a.slice(13);
      if (v === undefined || !/^\d{1,8}$/.test(v) || Number(v) < 1) return null;
      perFolder = Number(v);
    } else if (a.startsWith('-')) return null;
    else pos.push(a);
  }
  if (pos.length !== 2 || !/^\d{1,8}$/.test(pos[0])) return null;
  const count = Number(pos[0]);
  if (count < 1 || count > 10_000_000 || pos[1] === '') return null;
  return { count, dir: pos[1], seed, perFolder };
}

// Builds article i's full file text and its file name; pure in (seed, i).
function article(seed, i) {
  const r = mulberry32(seedFor(seed, i));
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const catKey = pick(CAT_KEYS);
  const cat = CATS[catKey];
  const kind = pick(CAT_KINDS[catKey]);
  const co = `${pick(NAMES)} ${pick(KINDS[kind])}`;
  const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => {
    switch (k) {
      case 'co': return co; case 'person': return pick(PEOPLE); case 'place': return pick(PLACES); case 'asset': return pick(ASSETS);
      case 'month': return pick(MONTHS); case 'topic': return pick(TOPICS); case 'up': return pick(UPS); case 'ord': return pick(ORD); case 'day': return pick(DAYS);
      case 'pct': return String(int(2, 60)); case 'n': return String(int(2, 400)); case 'm': return String(int(1, 250));
      case 'b': return String(int(1, 15)); case 'k': return String(int(60, 120)); case 'h': return String(int(2, 9));
      case 'v': return String(int(2, 5)); case 'd': return String(int(1, 8)); default: return k;
    }
  });
  let title = fill(pick(cat.titles));
  if (r() < 0.03) title += pick([' — Update', ' — Analysis', ' 🚀', '（速報）']);
  const src = pick(SOURCES);
  const tags = [...new Set([cat.tags[0], pick(cat.tags), pick(cat.tags), ...(r() < 0.3 ? [pick(CATS[pick(CAT_KEYS)].tags)] : [])])];
  const sentiment = pick(['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'NEUTRAL']);
  const score = sentiment === 'NEUTRAL' ? (r() * 0.3 - 0.15) : sentiment === 'POSITIVE' ? 0.1 + r() * 0.8 : -0.1 - r() * 0.8;
  const pub = END - Math.floor(r() * SPAN / 1000) * 1000;
  const upd = pub + (r() < 0.1 ? int(1, 5) * 86_400_000 : int(20, 90) * 60_000) + int(0, 999);
  const draft = r() < 0.01;
  const sticky = !draft && r() < 0.005 ? int(1, 10) : 0;
  let description = `${fill(pick(SENTENCES))} ${fill(pick(SENTENCES))}`;
  const cut = r();
  if (cut < 0.1) description = description.slice(0, 90).trimEnd() + (cut < 0.01 ? 'â€¦' : '…');
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
  const photo = `photo-17${String(int(0, 99_999_999_999)).padStart(11, '0')}-${hex(12)}`;
  const ixid = `M3w4MjQzNjB8MHwxfHJhbmRvbXx8fHx8fHx8fDE3${hex(12).toUpperCase()}`;
  const img = `https://images.example.com/${photo}`;
  const iso = (t) => `'${new Date(t).toISOString()}'`;
  const fm = ['---', `title: ${yamlStr(title)}`, `description: '${description.replace(/'/g, "''")}'`, `publishedAt: ${iso(pub)}`,
    `updatedAt: ${iso(upd)}`, 'lang: en', `externalId: 'gen-${seed}-${i}'`, 'source:', `  name: ${src[0]}`, `  key: ${src[1]}`,
    `  type: ${src[2]}`, `category: ${catKey}`, 'tags:', ...tags.map((t) => `  - ${t}`), `stickyWeight: ${sticky}`,
    `sentiment: ${sentiment}`, `score: ${score.toFixed(2)}`, `draft: ${draft}`, 'coverImage:',
    `  raw: '${img}?ixid=${ixid}&ixlib=rb-4.1.0'`, `  full: '${img}?crop=entropy&cs=srgb&fm=jpg&ixid=${ixid}&ixlib=rb-4.1.0&q=85'`,
    ...[['regular', 1080], ['small', 400], ['thumb', 200]].map(([k, px]) => `  ${k}: '${img}?crop=entropy&cs=tinysrgb&fit=max&fm=jpg&ixid=${ixid}&ixlib=rb-4.1.0&q=80&w=${px}'`),
    `  small_s3: 'https://s3.us-west-2.amazonaws.com/images.example.com/small/${photo}'`, 'ai:', '  rewritten: true',
    `  expandedAt: ${iso(upd)}`, `  version: ${int(1, 2)}`, '---'];
  // Sentences within a paragraph are distinct: a start index and a stride coprime with the pool size.
  const para = (n) => {
    const start = int(0, SENTENCES.length - 1);
    const stride = pick([1, 3, 7, 9, 11, 13]);
    return Array.from({ length: n }, (_, k) => fill(SENTENCES[(start + k * stride) % SENTENCES.length])).join(' ');
  };
  const body = ['## Overview', '', `${fill(pick(LEDES))} ${para(int(3, 4))}`, ''];
  const sections = int(2, 5);
  for (let s = 0; s < sections; s++) {
    body.push(`## ${pick(HEADINGS)}`, '', para(int(2, 5)), '');
    const roll = r();
    if (roll < 0.35) {
      const ordered = r() < 0.4;
      for (let k = 1, n = int(3, 5); k <= n; k++) {
        body.push(`${ordered ? `${k}.` : '-'} ${fill(pick(BULLETS))}`);
        if (r() < 0.12) body.push(`${ordered ? '   ' : '  '}- ${fill(pick(BULLETS))}`);
      }
      body.push('');
    } else if (roll < 0.5) {
      body.push('| Item | Value |', '|---|---|', ...Array.from({ length: int(2, 4) }, () => `| ${fill(pick(BULLETS))} | ${int(1, 99)}% |`), '');
    } else if (roll < 0.65) {
      body.push(`> "${fill(pick(SENTENCES))}" said *${pick(PEOPLE)}*.`, '');
    } else if (roll < 0.72) {
      body.push('```json', `{ "asset": "${pick(ASSETS)}", "amount": "${int(1, 9999)}.${int(10, 99)}", "ok": ${r() < 0.8} }`, '```', '');
    } else if (roll < 0.77) {
      body.push(`![${co}](https://images.example.com/samples/${i}.jpg)`, '');
    }
  }
  body.push(`More details are in the [announcement](https://example.com/news/${i}) and the \`${catKey.toLowerCase()}\` archive.`, '');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
  return { name: `${String(i).padStart(6, '0')}-${slug || 'article'}.md`, text: `${fm.join('\n')}\n${body.join('\n')}` };
}

// Titles are written plain like the seed's when YAML allows it, else single-quoted.
function yamlStr(s) {
  return /^[A-Za-z0-9$]/.test(s) && !/: | #|['"]|:$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { count, dir, seed, perFolder } = args;
  let bytes = 0;
  let folder = '';
  for (let i = 0; i < count; i++) {
    const shard = join(dir, String(Math.floor(i / perFolder)).padStart(3, '0'));
    if (shard !== folder) {
      mkdirSync(shard, { recursive: true });
      folder = shard;
    }
    const { name, text } = article(seed, i);
    const buf = Buffer.from(text);
    writeFileSync(join(shard, name), buf);
    bytes += buf.length;
  }
  process.stderr.write(`wrote ${count} articles (${(bytes / 1e6).toFixed(1)} MB) to ${dir}\n`);
}

main();
