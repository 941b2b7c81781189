// The real-world loader cases through the built CLI, with stdout piped, exactly as their README
// runs them: `node dist/cli.js --no-cache -f '' -p json folder/`, plus the queries it names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ChildResult } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cases = 'tests/fixtures/cases';

// One CLI run (async: tests/helpers/run-child.ts says why), from the repository, without colour.
function cliRun(args: string[], env: Record<string, string>): Promise<ChildResult> {
  return runCli(args, { cwd: repo, env: { ...process.env, NO_COLOR: '1', ...env } });
}

function run(args: string[]) {
  return cliRun(['--no-cache', ...args], {});
}

interface Json { path: string; title: string; source: string; description: string; categories: string[]; tags: string[]; lang: string | null; draft: boolean; publishedAt: string | null; dateGuessed: boolean }

async function json(folder: string, extra: string[] = []): Promise<Record<string, Json>> {
  const r = await run(['-f', '', '-p', 'json', ...extra, `${cases}/${folder}/`]);
  expect(r.status).toBe(0);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Json);
  return Object.fromEntries(rows.map((o) => [path.basename(o.path), o]));
}

const titles = (stdout: string): string[] => stdout.split('\n').filter(Boolean).sort();

// A test's time limit for `runs` CLI runs: one run takes ~0.5 s on a quiet machine and up to
// ~12 s on a loaded one (load 27 on two cores: the 10-run test below took 124 s). It only keeps a
// slow machine from failing a test that is right; a hung run is killed by runChild's own limit.
const forRuns = (runs: number): number => runs * 30_000;

// Each test spawns the CLI several times: minutes on a loaded machine (the longest ask for more).
describe('loader cases through the CLI', { timeout: 180_000 }, () => {
  it('yaml-1.1-flags: drafts and Jekyll unpublished hidden, lang and tag "no" stay strings', async () => {
    const shown = await json('loader/yaml-1.1-flags');
    expect(Object.keys(shown).sort()).toEqual(['draft-off.md', 'oslo-exchange-licence.md']);
    expect(shown['oslo-exchange-licence.md']).toMatchObject({ lang: 'no', tags: ['no', 'regulation'], draft: false });
    const all = await json('loader/yaml-1.1-flags', ['--drafts']);
    expect(Object.values(all).filter((o) => o.draft).map((o) => path.basename(o.path)).sort()).toEqual([
      '2025-09-15-jekyll-unpublished.md',
      'unfinished-draft.md',
    ]);
  });

  it('typed-scalars: titles and tags as written; -f 2025-12-19 and -f tag:2026-01-15 find them', async () => {
    const out = await json('loader/typed-scalars');
    expect(Object.values(out).map((o) => o.title).sort()).toEqual(['0o17', '1.50', '2025', '2025-12-19', 'Fork Countdown Begins']);
    expect(out['digest-e.md'].tags).toEqual(['2026-01-15', 'upgrades', '1.50']);
    const byDate = await run(['-f', '2025-12-19', '-p', 'title', `${cases}/loader/typed-scalars`]);
    expect([byDate.status, titles(byDate.stdout)]).toEqual([0, ['2025-12-19']]);
    const byTag = await run(['-f', 'tag:2026-01-15', '-p', 'title', `${cases}/loader/typed-scalars`]);
    expect([byTag.status, titles(byTag.stdout)]).toEqual([0, ['Fork Countdown Begins']]);
  });

  it('written-dates: 2025/11/04 read; ambiguous and unreadable each warn once on stderr and are dateGuessed', async () => {
    const r = await run(['-f', '', '-p', 'json', `${cases}/loader/written-dates/`]);
    expect(r.status).toBe(0);
    const rows = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Json).map((o) => [path.basename(o.path), o]));
    expect(rows['slash-date.md']).toMatchObject({ publishedAt: '2025-11-04T00:00:00.000Z', dateGuessed: false });
    expect(rows['us-order.md'].dateGuessed).toBe(true);
    expect(rows['bad-date.md'].dateGuessed).toBe(true);
    const warnings = r.stderr.split('\n').filter(Boolean).sort();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/written-dates\/bad-date\.md: date "next tuesday" not understood; using the file's time$/);
    expect(warnings[1]).toMatch(/written-dates\/us-order\.md: date "11-04-2025" not understood; using the file's time$/);
  });

  it('accents: every kind of term typed without accents finds the accented articles', async () => {
    const find = async (q: string): Promise<string[]> => titles((await run(['-f', q, '-p', 'title', `${cases}/loader/accents`])).stdout);
    expect(await find('"sao paulo"')).toEqual(['São Paulo Exchange Volume Doubles']);
    expect(await find('"credit agricole"')).toEqual(['Crédit Agricole Pilots Tokenised Bonds']);
    expect(await find('source:"les echos crypto"')).toEqual(['Société Générale Unit Expands Euro Stablecoin']);
    expect(await find('tag:banques')).toEqual(['Société Générale Unit Expands Euro Stablecoin']);
    expect(await find('cafe')).toEqual(['Cafe Chain Drops Crypto Payments', 'Café Owners in Lisbon Accept Lightning']);
    expect(await find('category:regulation')).toEqual([]);
    expect(titles((await run(['-f', 'category:regulation', '-p', 'title', `${cases}/loader-more/accents`])).stdout)).toEqual(['Autorité Publie Un Guide']);
   }, forRuns(7));

  it('publication-window: expired and not-yet-published articles hidden like drafts, shown with --drafts, with the index as without it', async () => {
    const dir = `${cases}/loader-more/publication-window`;
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-window-'));
    const listed = ['Expiry Nobody Can Read', 'Ordinary Market Wrap', 'Publish Date Governs Over Date', 'Staking Promotion Runs All Year'];
    const indexed = async (args: string[]): Promise<string[]> => {
      const r = await cliRun([...args, '-p', 'title', dir], { XDG_CACHE_HOME: cache });
      return titles(r.stdout);
    };
    try {
      expect(titles((await run(['-f', '', '-p', 'title', dir])).stdout)).toEqual(listed);
      expect(titles((await run(['--drafts', '-f', '', '-p', 'title', dir])).stdout)).toHaveLength(9);
      for (const args of [['-f', ''], ['-f', 'source:hugo'], ['-f', 'listed']]) {
        const want = args[1] === 'listed' ? ['Expiry Nobody Can Read', 'Staking Promotion Runs All Year'] : listed;
        expect(await indexed(args), `${args.join(' ')} (writing the index)`).toEqual(want);
        expect(await indexed(args), `${args.join(' ')} (from the index)`).toEqual(want);
      }
      expect(await indexed(['--drafts', '-f', ''])).toHaveLength(9);
      const rows = await json('loader-more/publication-window', ['--drafts']) as unknown as Record<string, { scheduledAt: string | null; expiresAt: string | null }>;
      expect(rows['scheduled.md']).toMatchObject({ scheduledAt: '2999-01-15T08:00:00.000Z', expiresAt: null });
      expect(rows['expired.md']).toMatchObject({ scheduledAt: null, expiresAt: '2025-10-31T23:59:59.000Z' });
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }, forRuns(10));

  // One test per query (three CLI runs each), not one of 42 runs: under a loaded machine's load
  // the 42 together outlasted a test's time limit. The runs and their order are the same.
  describe('accents-strokes: letters with a stroke (ł ø đ ħ ı) found without them in every kind of term, with the index as without it', () => {
    const dir = `${cases}/loader-more/accents-strokes`;
    let cache = '';
    beforeAll(() => void (cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-strokes-'))));
    afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));
    const indexed = async (q: string): Promise<string[]> => {
      const r = await cliRun(['-f', q, '-p', 'title', dir], { XDG_CACHE_HOME: cache });
      return titles(r.stdout);
    };
    const wanted: Array<[string, string[]]> = [
      ['lodz', ['Łódź Fintech Raises Funds']], ['wroclaw', ['Łódź Fintech Raises Funds']], ['"da nang"', ['Sàn giao dịch Đà Nẵng được cấp phép']],
      ['lisansi', ["Kripto Lisansı İstanbul'da Onaylandı"]], ['hamrun', ['Ħamrun Exchange Opens Its Doors']], ['soren', ['Ørsted Treasury Buys Bitcoin']],
      ['tag:zolc', ['Łódź Fintech Raises Funds']], ['tag:okonomi', ['Ørsted Treasury Buys Bitcoin']], ['tag:"quy dinh"', ['Sàn giao dịch Đà Nẵng được cấp phép']],
      ['tag:yatirim', ["Kripto Lisansı İstanbul'da Onaylandı"]], ['tag:hlas', ['Ħamrun Exchange Opens Its Doors']],
      ['category:glowne', ['Łódź Fintech Raises Funds']], ['category:nogletal', ['Ørsted Treasury Buys Bitcoin']], ['source:borsen', ['Ørsted Treasury Buys Bitcoin']],
    ];
    it.each(wanted)('%s', async (q, want) => {
      expect(titles((await run(['-f', q, '-p', 'title', dir])).stdout), q).toEqual(want);
      // Twice with the index: the run that writes it (the first query's), then one that answers from it.
      expect(await indexed(q), `${q} (writing the index)`).toEqual(want);
      expect(await indexed(q), `${q} (from the index)`).toEqual(want);
    });
  });

  it('site-params and rss-authors: --print json gives the author by name, the description and tags from [params] and [extra]', async () => {
    const params = await json('loader-more/site-params');
    expect(params['hugo-params-toml.md']).toMatchObject({ source: 'Mei Lin', description: 'Tether and USDC both minted more than a billion dollars this week.', tags: ['stablecoins', 'usdt', 'usdc'], categories: ['Markets'] });
    expect(params['zola-extra.md']).toMatchObject({ source: 'Ana Ruiz', categories: ['Bitcoin'] });
    const rss = await json('loader-more/rss-authors');
    expect(rss['name-angle-email.md'].source).toBe('Dana Whitfield');
    expect(rss['email-paren-name.md'].source).toBe('Carlos Méndez');
    const bySource = await run(['-f', 'source:"dana whitfield"', '-p', 'title', `${cases}/loader-more/rss-authors`]);
    expect([bySource.status, bySource.stdout]).toEqual([0, 'Exchange Outflows Hit a Six-Month High\n']);
  });

  it('notion-export and cover-images: --print json gives the properties as fields, no id in a title or source, the cover under each theme\'s key', async () => {
    const notion = await json('loader-more/notion-export');
    expect(Object.values(notion).map((o) => o.title).sort()).toEqual(['Bitcoin ETF flows turn positive', 'Solana validators upgrade', 'Untitled']);
    const etf = Object.values(notion).find((o) => o.title === 'Bitcoin ETF flows turn positive')!;
    expect(etf).toMatchObject({ publishedAt: '2025-11-04T10:30:00.000Z', dateGuessed: false, tags: ['Bitcoin', 'ETF'], source: 'Research' });
    expect((etf as unknown as { body: string }).body).toBe('# Bitcoin ETF flows turn positive\n\nSpot bitcoin funds took in money for a third day as outflows from the largest fund slowed.\n\nIssuers expect the trend to hold into the options expiry.\n');
    expect(JSON.stringify(Object.values(notion).map((o) => [o.title, o.source]))).not.toMatch(/[0-9a-f]{32}/);
    const covers = (await json('loader-more/cover-images')) as unknown as Record<string, { coverImage: string | null }>;
    expect(Object.fromEntries(Object.entries(covers).map(([f, o]) => [f, o.coverImage]))).toEqual({
      'astro-hero.md': '/blog-placeholder-3.jpg', 'hugo-images.md': '/images/og-etf.png', 'papermod-cover.md': '/covers/halving.jpg',
      'featured-image.md': 'https://example.com/img/featured.webp', 'params-images.md': '/images/params-cover.png', 'cover-image-wins.md': 'https://example.com/cover.jpg',
    });
  });

  it('pandoc-title-block and obsidian-hashtags: --print json gives the title block as fields and body-free of it, hashtags as tags; tag:btc finds them', async () => {
    const pandoc = (await json('loader-more/pandoc-title-block')) as unknown as Record<string, Json & { body: string }>;
    expect(pandoc['pandoc-post.md']).toMatchObject({ title: 'Lagos Exchange Reopens Naira Pairs After Review', source: 'Maria Silva', publishedAt: '2025-11-14T00:00:00.000Z', dateGuessed: false });
    expect(pandoc['pandoc-post.md'].body).toBe('The exchange said on Friday that naira pairs would reopen.\n');
    expect(pandoc['pandoc-bom-crlf.md']).toMatchObject({ title: 'Miners Rotate Into AI Hosting', source: 'Lena Park', publishedAt: '2025-11-16T00:00:00.000Z' });
    expect(pandoc['percent-lines.md']).toMatchObject({ title: 'percent lines', dateGuessed: true });
    const tags = await json('loader-more/obsidian-hashtags');
    expect(Object.values(tags).map((o) => o.tags)).toEqual(expect.arrayContaining([['btc', 'derivatives'], ['options', 'deribit']]));
    const r = await run(['-f', 'tag:btc', '-p', 'title', `${cases}/loader-more/obsidian-hashtags`]);
    expect([r.status, r.stdout]).toEqual([0, 'Funding Rates Flip Negative\n']);
  });

  it('metadata-before-heading, org-keywords, inline-hashtags: --print json gives the fields, the body without the header lines, body #tags as tags', async () => {
    const meta = (await json('loader-more/metadata-before-heading')) as unknown as Record<string, Json & { body: string }>;
    expect(meta['author-date-heading.md']).toMatchObject({ title: 'Stablecoin Bill Clears the Senate Committee', source: 'Priya Natarajan', publishedAt: '2025-11-18T09:45:00.000Z', dateGuessed: false });
    expect(meta['author-date-heading.md'].body.startsWith('# Stablecoin Bill Clears the Senate Committee\n')).toBe(true);
    expect(meta['update-then-heading.md']).toMatchObject({ title: 'update then heading', dateGuessed: true });
    const org = (await json('loader-more/org-keywords')) as unknown as Record<string, Json & { body: string; updatedAt: string | null }>;
    expect(org['org-header.md']).toMatchObject({ title: 'Ether Staking Yields Slip Below Three Percent', source: 'Tomasz Wiśniewski', tags: ['ethereum', 'staking'], publishedAt: '2025-11-20T10:00:00.000Z' });
    expect(org['org-header.md'].body).toBe('Yields on liquid staking tokens fell for a third week.\n');
    expect(org['org-stamp-yaml.md']).toMatchObject({ publishedAt: '2025-11-21T14:30:00.000Z', updatedAt: '2025-11-22T08:15:00.000Z', dateGuessed: false });
    const tags = await json('loader-more/inline-hashtags');
    expect(tags['vault-note.md'].tags).toEqual(['derivatives', 'bitcoin', 'funding-rates', 'crypto/defi']);
    expect(tags['no-hashtags.md'].tags).toEqual([]);
    const r = await run(['-f', 'tag:funding-rates', '-p', 'title', `${cases}/loader-more/inline-hashtags`]);
    expect([r.status, r.stdout]).toEqual([0, 'Funding Rates Across Venues\n']);
  });

  it('logseq-hexo-dendron: --print json gives Logseq properties as fields, Hexo nested categories, Dendron desc', async () => {
    const notes = (await json('loader-more/logseq-hexo-dendron')) as unknown as Record<string, Json & { body: string }>;
    expect(notes['logseq-page.md']).toMatchObject({ title: 'Lightning Capacity Hits a Record', source: 'Ravi Menon', tags: ['lightning', 'bitcoin'], publishedAt: '2025-11-04T00:00:00.000Z' });
    expect(notes['logseq-page.md'].body.startsWith('- Lightning network capacity')).toBe(true);
    expect(notes['hexo-post.md'].categories).toEqual(['Markets', 'Bitcoin', 'Research']);
    expect(notes['dendron-note.md'].description).toBe('Notes about MEV on Ethereum');
  });

  it('asciidoc-header: --print json gives the AsciiDoc header as fields and the body without it; front matter wins', async () => {
    const posts = (await json('loader-more/asciidoc-header')) as unknown as Record<string, Json & { body: string }>;
    expect(posts['antora-page.md']).toMatchObject({ title: 'Bitcoin Miners Sell Less After the Halving', source: 'Lena Vogel', tags: ['bitcoin', 'mining'], description: 'Miner outflows fell for a third month.', publishedAt: '2025-11-04T00:00:00.000Z', dateGuessed: false });
    expect(posts['antora-page.md'].body.startsWith('Miner outflows to exchanges')).toBe(true);
    expect(posts['attributes-only.md']).toMatchObject({ title: 'Ether Gas Fees Hit a Yearly Low', source: 'Marco Ricci', publishedAt: '2025-11-06T00:00:00.000Z' });
    expect(posts['two-authors.md']).toMatchObject({ source: 'Ana Ruiz', publishedAt: '2025-11-08T00:00:00.000Z' });
    expect(posts['title-and-version.md']).toMatchObject({ title: 'Solana Validators Vote on Fee Change', source: 'Priya Shah', dateGuessed: true });
    expect(posts['not-a-header.md']).toMatchObject({ title: 'Front matter wins' });
    expect(posts['not-a-header.md'].body.startsWith('= Not read')).toBe(true);
  });

  it("nikola-metadata: --print json gives Nikola's comment fields", async () => {
    const posts = await json('loader-more/nikola-metadata');
    expect(posts['nikola-post.md']).toMatchObject({ title: 'Ether ETF Flows Turn Positive', source: 'Lena Ortiz', tags: ['ethereum', 'etf'], categories: ['markets'], publishedAt: '2025-11-19T08:30:00.000Z', dateGuessed: false });
    expect(posts['comment-first.md']).toMatchObject({ title: 'Comment First', dateGuessed: true });
  });

  it('hugo-hexo-callouts: --print json gives the fields and the body as written (callouts, params and quotes are drawn only in the body pane)', async () => {
    const posts = (await json('loader-more/hugo-hexo-callouts')) as unknown as Record<string, Json & { body: string }>;
    expect(posts['hugo-notice.md']).toMatchObject({ title: 'Exchange Pauses Large Withdrawals', source: 'Ravi Menon', tags: ['exchanges'], publishedAt: '2025-11-24T09:30:00.000Z' });
    expect(posts['hugo-notice.md'].body).toContain('{{% notice warning %}}\nWithdrawals above 10 BTC');
    expect(posts['hugo-notice.md'].body).toContain('{{< param "author" >}}');
    expect(posts['hexo-quote.md']).toMatchObject({ title: 'Satoshi on Peer-to-Peer Cash', categories: ['Bitcoin'], dateGuessed: false });
    expect(posts['hexo-quote.md'].body).toContain('{% blockquote Satoshi Nakamoto, Bitcoin whitepaper %}');
  });

  it("leading-dash: -f '-source:decrypt' and -f -decrypt take the value as the query, exit 0", async () => {
    const dir = `${cases}/loader/leading-dash`;
    for (const q of ['-source:decrypt', '-decrypt']) {
      const r = await run(['-f', q, '-p', 'title', dir]);
      expect([r.status, r.stdout, r.stderr]).toEqual([0, 'Wire Desk Covers Exchange Outage\n', '']);
    }
    const joined = await run([`--filter=-source:decrypt`, '-p', 'title', dir]);
    expect([joined.status, joined.stdout]).toEqual([0, 'Wire Desk Covers Exchange Outage\n']);
    const more = await run(['-f', '-tag:x', '-p', 'title', dir, `${cases}/loader-more/leading-dash`]);
    expect(titles(more.stdout)).toEqual(['Decrypt Desk Covers Mining Merger', 'Wire Desk Covers Exchange Outage']);
  });
});
