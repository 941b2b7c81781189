// The real-world loader cases (tests/fixtures/cases/loader, copied from the cases, and
// loader-more, further files of the same kinds) through the real loader and search index: what
// each case's README line says it must give, plus the same for the other files of its kind.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLoader, type Loaded } from './fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../fixtures/cases'));

function titles(l: Loaded, query: string, includeDrafts = false): string[] {
  return l.index.search(query, { includeDrafts }).hits.map((h) => l.index.article(h.id).title).sort();
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('YAML 1.1 flags', () => {
  it('case: draft yes is a draft, no/off are not, published: no hides, lang and tag "no" stay strings', async () => {
    const l = await load('loader/yaml-1.1-flags');
    expect(l.warnings).toEqual([]);
    const drafts = l.articles.filter((a) => a.draft).map((a) => path.basename(a.path)).sort();
    expect(drafts).toEqual(['2025-09-15-jekyll-unpublished.md', 'unfinished-draft.md']);
    const oslo = l.byFile['oslo-exchange-licence.md'];
    expect(oslo).toMatchObject({ draft: false, lang: 'no', tags: ['no', 'regulation'] });
    expect(titles(l, '')).toEqual(['Market Hours Notice', 'Oslo Exchange Wins Crypto Custody Licence']);
    expect(titles(l, 'lang:no')).toEqual(['Oslo Exchange Wins Crypto Custody Licence']);
    expect(titles(l, 'tag:no')).toEqual(['Oslo Exchange Wins Crypto Custody Licence']);
  });

  it('more: On, quoted TRUE are drafts; False is not; published false hides, yes shows; flag words elsewhere are text', async () => {
    const l = await load('loader-more/yaml-1.1-flags');
    const draft = (f: string): boolean => l.byFile[f].draft;
    expect([draft('draft-on.md'), draft('draft-quoted-true.md'), draft('unpublished-false.md')]).toEqual([true, true, true]);
    expect([draft('draft-false.md'), draft('published-yes.md'), draft('words-as-text.md')]).toEqual([false, false, false]);
    expect(l.byFile['words-as-text.md']).toMatchObject({
      title: 'Off Grid Miners Say Yes', description: 'on', lang: 'no', categories: ['y'], tags: ['yes', 'off', 'on', 'n'],
    });
    expect(titles(l, 'tag:off')).toEqual(['Off Grid Miners Say Yes']);
  });
});

describe('titles from the body', () => {
  it('a file with no front matter takes its first level-one heading, # or setext (===), else its file name', async () => {
    const l = await load('loader-more/no-front-matter');
    expect(l.warnings).toEqual([]);
    expect(l.byFile['setext-title.md'].title).toBe('Exchange Reserves Fall to a Five-Year Low');
    expect(l.byFile['setext-two-lines.md'].title).toBe('Miners Sell Into the Rally, Analysts Say');
    expect(l.byFile['no-heading.md'].title).toBe('no heading');
    expect(titles(l, 'reserves')).toEqual(['Exchange Reserves Fall to a Five-Year Low']);
  });
});

describe('metadata lines (MultiMarkdown, Pelican, MkDocs)', () => {
  it('`Key: value` lines up to a blank line, with a title or a date among them, are the front matter; anything else is body', async () => {
    const l = await load('loader-more/metadata-lines');
    expect(l.warnings).toEqual([]);
    const post = l.byFile['pelican-post.md'];
    expect(post).toMatchObject({
      title: 'Bitcoin Hits a New High as Funds Buy', description: 'Spot funds bought for a fifth day.', dateGuessed: false,
      categories: ['Markets'], tags: ['bitcoin', 'etf'], source: 'Jane Doe', lang: 'en', draft: false,
    });
    expect(iso(post.publishedAt)).toBe('2025-11-04T10:20:00.000Z');
    expect(iso(post.updatedAt)).toBe('2025-11-05T08:00:00.000Z');
    expect(post.body.trimStart().startsWith('This is the content of the post')).toBe(true);
    expect(l.byFile['pelican-draft.md']).toMatchObject({ title: 'Validators Rehearse the Upgrade', draft: true });
    // A first paragraph that happens to start `Word: text`, and lines with no blank line after them, stay body.
    expect(l.byFile['update-first-line.md']).toMatchObject({ title: 'update first line', dateGuessed: true });
    expect(l.byFile['update-first-line.md'].body.startsWith('Update: The SEC approved')).toBe(true);
    expect(l.byFile['no-blank-line.md']).toMatchObject({ title: 'no blank line', dateGuessed: true });
    expect(titles(l, 'tag:etf')).toEqual(['Bitcoin Hits a New High as Funds Buy']);
  });
});

describe("Pandoc's title block", () => {
  it('`%` lines at the top are the title, the authors and the date; four are no title block', async () => {
    const l = await load('loader-more/pandoc-title-block');
    expect(l.warnings).toEqual([]);
    const post = l.byFile['pandoc-post.md'];
    expect(post).toMatchObject({ title: 'Lagos Exchange Reopens Naira Pairs After Review', source: 'Maria Silva', dateGuessed: false });
    expect(iso(post.publishedAt)).toBe('2025-11-14T00:00:00.000Z');
    expect(post.body.trimStart().startsWith('The exchange said on Friday')).toBe(true);
    // A title run on over an indented line, no author (a bare `%`), an ISO date; the body's heading is no title.
    const continued = l.byFile['pandoc-continued.md'];
    expect(continued).toMatchObject({ title: 'Stablecoin Reserves: A Quarter in Three Charts', dateGuessed: false });
    expect(iso(continued.publishedAt)).toBe('2025-11-15T00:00:00.000Z');
    expect(continued.body.trimStart().startsWith('# A heading in the body')).toBe(true);
    expect(l.byFile['pandoc-bom-crlf.md']).toMatchObject({ title: 'Miners Rotate Into AI Hosting', source: 'Lena Park', dateGuessed: false });
    expect(l.byFile['pandoc-bom-crlf.md'].body).not.toContain('%');
    expect(l.byFile['percent-lines.md']).toMatchObject({ title: 'percent lines', dateGuessed: true });
    expect(l.byFile['percent-lines.md'].body.startsWith('% one')).toBe(true);
    expect(titles(l, 'source:"maria silva"')).toEqual(['Lagos Exchange Reopens Naira Pairs After Review']);
  });
});

describe("Obsidian's hashtags as tags", () => {
  it('`"#btc"` is the tag btc, each once, found by tag:btc; a bare `#` is no tag', async () => {
    const l = await load('loader-more/obsidian-hashtags');
    expect(l.warnings).toEqual([]);
    expect(l.byFile['hashtags-list.md'].tags).toEqual(['btc', 'derivatives']);
    expect(l.byFile['hashtags-string.md'].tags).toEqual(['options', 'deribit']);
    expect(titles(l, 'tag:btc')).toEqual(['Funding Rates Flip Negative']);
    expect(titles(l, 'tag:deribit')).toEqual(['Options Open Interest Peaks']);
  });
});

describe('metadata lines before the heading, Org headers and timestamps, inline hashtags', () => {
  it('`Author:`/`Date:` lines straight above `# Title` are fields; the heading titles the post; `Update:` above a heading stays body', async () => {
    const l = await load('loader-more/metadata-before-heading');
    expect(l.warnings).toEqual([]);
    const bill = l.byFile['author-date-heading.md'];
    expect(bill).toMatchObject({ title: 'Stablecoin Bill Clears the Senate Committee', source: 'Priya Natarajan', tags: ['stablecoins', 'regulation'], dateGuessed: false });
    expect(iso(bill.publishedAt)).toBe('2025-11-18T09:45:00.000Z');
    expect(bill.body.startsWith('# Stablecoin Bill Clears')).toBe(true);
    expect(bill.body).not.toContain('Author:');
    const fee = l.byFile['title-then-subheading.md'];
    expect(fee).toMatchObject({ title: 'Solana Validators Vote on Fee Burn', dateGuessed: false });
    expect(iso(fee.publishedAt)).toBe('2025-11-19T00:00:00.000Z');
    expect(fee.body.startsWith('## Background')).toBe(true);
    expect(l.byFile['update-then-heading.md']).toMatchObject({ title: 'update then heading', dateGuessed: true });
    expect(l.byFile['update-then-heading.md'].body.startsWith('Update: the exchange')).toBe(true);
    expect(titles(l, 'tag:stablecoins')).toEqual(['Stablecoin Bill Clears the Senate Committee']);
  });

  it("Org's #+TITLE/#+AUTHOR/#+DATE/#+FILETAGS are fields; Org timestamps in YAML read as dates, quoted or not", async () => {
    const l = await load('loader-more/org-keywords');
    expect(l.warnings).toEqual([]);
    const org = l.byFile['org-header.md'];
    expect(org).toMatchObject({ title: 'Ether Staking Yields Slip Below Three Percent', source: 'Tomasz Wiśniewski', tags: ['ethereum', 'staking'], dateGuessed: false });
    expect(iso(org.publishedAt)).toBe('2025-11-20T10:00:00.000Z');
    expect(org.body).toBe('Yields on liquid staking tokens fell for a third week.\n');
    const yaml = l.byFile['org-stamp-yaml.md'];
    expect([iso(yaml.publishedAt), iso(yaml.updatedAt), yaml.dateGuessed]).toEqual(['2025-11-21T14:30:00.000Z', '2025-11-22T08:15:00.000Z', false]);
    expect(iso(l.byFile['org-stamp-quoted.md'].publishedAt)).toBe('2025-11-23T00:00:00.000Z');
    expect(l.byFile['org-block-first.md']).toMatchObject({ title: 'org block first', dateGuessed: true });
    expect(l.byFile['org-block-first.md'].body.startsWith('#+begin_quote')).toBe(true);
    expect(titles(l, 'tag:staking')).toEqual(['Ether Staking Yields Slip Below Three Percent']);
  });

  it("Obsidian's inline #tags in the body are tags after the front matter's; code, addresses, issue numbers, colours and headings give none", async () => {
    const l = await load('loader-more/inline-hashtags');
    expect(l.warnings).toEqual([]);
    expect(l.byFile['vault-note.md'].tags).toEqual(['derivatives', 'bitcoin', 'funding-rates', 'crypto/defi']);
    expect(l.byFile['no-hashtags.md'].tags).toEqual([]);
    expect(titles(l, 'tag:funding-rates')).toEqual(['Funding Rates Across Venues']);
    expect(titles(l, 'tag:bitcoin')).toEqual(['Funding Rates Across Venues']);
    expect(l.byFile['vault-note.md'].body).toContain('#bitcoin #funding-rates');
  });
});

describe('Logseq pages, Hexo categories, Dendron notes', () => {
  it("Logseq's `key:: value` properties are fields, up to the outline's first block; Hexo's nested categories each a category; Dendron's desc the description", async () => {
    const l = await load('loader-more/logseq-hexo-dendron');
    expect(l.warnings).toEqual([]);
    const page = l.byFile['logseq-page.md'];
    expect(page).toMatchObject({ title: 'Lightning Capacity Hits a Record', source: 'Ravi Menon', tags: ['lightning', 'bitcoin'], dateGuessed: false });
    expect(iso(page.publishedAt)).toBe('2025-11-04T00:00:00.000Z');
    expect(page.body.startsWith('- Lightning network capacity')).toBe(true);
    const bare = l.byFile['logseq-no-blank.md'];
    expect(bare).toMatchObject({ tags: ['defi', 'lending'] });
    expect(bare.body.startsWith('- Borrow rates on Aave')).toBe(true);
    // One `Word::` line of a name Logseq does not write, above prose: the author's text, kept.
    expect(l.byFile['two-colons-prose.md'].body.startsWith('Note:: this is a first line')).toBe(true);
    expect(l.byFile['hexo-post.md']).toMatchObject({ categories: ['Markets', 'Bitcoin', 'Research'], tags: ['reserves', 'exchanges'] });
    expect(l.byFile['dendron-note.md']).toMatchObject({ title: 'Dendron Note on MEV', description: 'Notes about MEV on Ethereum', dateGuessed: false });
    expect(iso(l.byFile['dendron-note.md'].publishedAt)).toBe('2025-11-04T10:00:00.000Z');
    expect(titles(l, 'category:bitcoin')).toEqual(['Hexo Post on Exchange Reserves']);
    expect(titles(l, 'tag:defi')).toEqual(['logseq no blank']);
  });
});

describe("Nikola's metadata comment", () => {
  it('`.. key: value` lines in a comment opening the post are its fields; an ordinary comment first is body', async () => {
    const l = await load('loader-more/nikola-metadata');
    expect(l.warnings).toEqual([]);
    const post = l.byFile['nikola-post.md'];
    expect(post).toMatchObject({ title: 'Ether ETF Flows Turn Positive', source: 'Lena Ortiz', tags: ['ethereum', 'etf'], categories: ['markets'], description: 'Flows into spot ether funds turned positive.', dateGuessed: false });
    expect(iso(post.publishedAt)).toBe('2025-11-19T08:30:00.000Z');
    expect(post.body.startsWith('Spot ether funds')).toBe(true);
    expect(l.byFile['comment-first.md']).toMatchObject({ title: 'Comment First', dateGuessed: true });
    expect(titles(l, 'tag:etf')).toEqual(['Ether ETF Flows Turn Positive']);
  });
});

describe('scalars YAML would type', () => {
  it('case: titles and tags exactly as written, and searchable as written', async () => {
    const l = await load('loader/typed-scalars');
    expect(l.warnings).toEqual([]);
    expect(l.articles.map((a) => a.title).sort()).toEqual(['0o17', '1.50', '2025', '2025-12-19', 'Fork Countdown Begins']);
    expect(l.byFile['digest-e.md'].tags).toEqual(['2026-01-15', 'upgrades', '1.50']);
    expect(titles(l, '2025-12-19')).toEqual(['2025-12-19']);
    expect(titles(l, 'tag:2026-01-15')).toEqual(['Fork Countdown Begins']);
    expect(titles(l, 'tag:1.50')).toEqual(['Fork Countdown Begins']);
    expect(titles(l, '0o17')).toEqual(['0o17']);
    expect(titles(l, '"1.50"')).toEqual(['1.50', 'Fork Countdown Begins']);
  });

  it('more: floats, hex, octal-looking, sexagesimal and booleans stay text in text fields; numbers still read as numbers', async () => {
    const l = await load('loader-more/typed-scalars');
    expect(l.byFile['float-title.md']).toMatchObject({ title: '29.0', source: '1984', categories: ['2026'], description: '3.10', lang: '1.0' });
    expect(l.byFile['more-numbers.md']).toMatchObject({ title: '0x1F', tags: ['007', '1e3', '.5'], score: 0.5, stickyWeight: 2 });
    expect(l.byFile['clock-and-flag.md']).toMatchObject({ title: '12:30', tags: ['true', '2026-01-15T10:00:00Z'] });
    expect(titles(l, '29.0')).toEqual(['29.0']);
    expect(titles(l, 'source:1984')).toEqual(['29.0']);
    expect(titles(l, 'category:2026')).toEqual(['29.0']);
    expect(titles(l, 'tag:007')).toEqual(['0x1F']);
    expect(titles(l, 'lang:1.0')).toEqual(['29.0']);
    expect(titles(l, 'is:sticky')).toEqual(['0x1F']);
  });
});

describe('dates people write', () => {
  it('case: 2025/11/04 reads; 11-04-2025 and "next tuesday" warn once each and are marked guessed', async () => {
    const l = await load('loader/written-dates');
    expect(iso(l.byFile['slash-date.md'].publishedAt)).toBe('2025-11-04T00:00:00.000Z');
    expect(l.byFile['slash-date.md'].dateGuessed).toBe(false);
    const reasons = l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`).sort();
    expect(reasons).toEqual([
      'bad-date.md: date "next tuesday" not understood; using the file\'s time',
      'us-order.md: date "11-04-2025" not understood; using the file\'s time',
    ]);
    for (const f of ['bad-date.md', 'us-order.md']) {
      const a = l.byFile[f];
      expect(a.dateGuessed).toBe(true);
      expect(a.publishedAt).toBe(a.mtimeMs);
    }
    expect(l.byFile['us-order.md'].notes).toEqual(['date guessed from file time: "11-04-2025" could be 11 April 2025 or 4 November 2025']);
    expect(l.byFile['bad-date.md'].notes).toEqual(['date guessed from file time: "next tuesday" not understood']);
  });

  it('more: day-month-name, month-name-first, RSS pubDate, epoch seconds and ms, dotted, ISO basic; one warning per unreadable file', async () => {
    const l = await load('loader-more/written-dates');
    const at = (f: string): string | null => iso(l.byFile[f].publishedAt);
    expect({
      day: at('day-month-name.md'), month: at('month-name-first.md'), rss: at('rss-pubdate.md'), offset: at('rss-offset.md'),
      seconds: at('epoch-seconds.md'), millis: at('epoch-millis.md'), dotted: at('dotted.md'), jekyll: at('2025-10-01-name-dated.md'),
      basic: at('basic-iso.md'),
    }).toEqual({
      day: '2025-11-04T00:00:00.000Z', month: '2025-11-05T00:00:00.000Z', rss: '2025-11-06T10:30:00.000Z', offset: '2025-11-07T15:30:00.000Z',
      seconds: '2025-11-04T10:30:00.000Z', millis: '2025-11-05T10:30:00.000Z', dotted: '2025-11-08T00:00:00.000Z', jekyll: '2025-10-01T00:00:00.000Z',
      basic: '2025-11-09T00:00:00.000Z',
    });
    const guessed = l.articles.filter((a) => a.dateGuessed).map((a) => path.basename(a.path)).sort();
    expect(guessed).toEqual(['impossible.md', 'slash-ambiguous.md']);
    expect(l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`).sort()).toEqual([
      '2025-10-01-name-dated.md: date "tomorrow morning" not understood; using the date in the file name',
      'impossible.md: date "2025-13-45" not understood; using the file\'s time',
      'slash-ambiguous.md: date "03/04/2025" not understood; using the file\'s time',
    ]);
  });

  it('more: dates written in other languages and scripts read as the dates they are; an unknown month word still warns', async () => {
    const l = await load('loader-more/local-dates');
    const at = (f: string): string | null => iso(l.byFile[f].publishedAt);
    expect(['de', 'fr', 'es', 'ca', 'ru', 'pl', 'tr', 'ja', 'ko', 'vi'].map((lang) => [lang, at(`${lang}.md`)])).toEqual([
      ['de', '2025-11-04T00:00:00.000Z'], ['fr', '2025-11-05T10:30:00.000Z'], ['es', '2025-11-06T00:00:00.000Z'],
      ['ca', '2025-10-07T00:00:00.000Z'], ['ru', '2025-11-08T00:00:00.000Z'], ['pl', '2025-11-09T00:00:00.000Z'],
      ['tr', '2025-11-10T00:00:00.000Z'], ['ja', '2025-11-11T09:15:00.000Z'], ['ko', '2025-11-12T00:00:00.000Z'],
      ['vi', '2025-11-13T00:00:00.000Z'],
    ]);
    expect(l.articles.filter((a) => a.dateGuessed).map((a) => path.basename(a.path))).toEqual(['not-a-month.md']);
    expect(l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`)).toEqual(['not-a-month.md: date "4 brumaire 2025" not understood; using the file\'s time']);
  });

  it("more: Eleventy's date keywords: Last Modified is the file's time, the others stand in for it, guessed; none warns", async () => {
    const l = await load('loader-more/eleventy-dates');
    expect(l.warnings).toEqual([]);
    const info = (f: string) => ({ guessed: l.byFile[f].dateGuessed, fileTime: l.byFile[f].publishedAt === l.byFile[f].mtimeMs });
    expect(info('last-modified.md')).toEqual({ guessed: false, fileTime: true });
    expect(info('created.md')).toEqual({ guessed: true, fileTime: true });
    expect(info('git-created.md')).toEqual({ guessed: true, fileTime: true });
  });

  it('more: an updated, publish or expiry date that does not read is not applied, with a note and a warning naming its key and value', async () => {
    const l = await load('loader-more/other-dates');
    expect(l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`).sort()).toEqual([
      'ambiguous-expiry.md: expiryDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied',
      'ambiguous-lastmod.md: lastmod "03/04/2026" could be 3 April 2026 or 4 March 2026; not applied',
      'ambiguous-publish.md: publishDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied',
      'unreadable-lastmod.md: lastmod "yesterday" not understood; not applied',
    ]);
    expect(l.byFile['ambiguous-expiry.md']).toMatchObject({ expiresAt: null, notes: ['expiryDate: "12/08/2026" could be 12 August 2026 or 8 December 2026, not applied'] });
    expect(l.byFile['ambiguous-publish.md']).toMatchObject({ scheduledAt: null, publishedAt: Date.parse('2026-01-05'), dateGuessed: false });
    expect(l.byFile['ambiguous-lastmod.md']).toMatchObject({ updatedAt: null, notes: ['lastmod: "03/04/2026" could be 3 April 2026 or 4 March 2026, not applied'] });
    expect(l.byFile['unreadable-lastmod.md']).toMatchObject({ updatedAt: null, notes: ['lastmod: "yesterday" not understood, not applied'] });
    // The readable ones, under each key.
    const at = (f: string, field: 'updatedAt' | 'scheduledAt' | 'expiresAt'): string | null => iso(l.byFile[f][field]);
    expect({
      jekyll: at('jekyll-lastmod.md', 'updatedAt'), jekyllIso: at('jekyll-lastmod-iso.md', 'updatedAt'), modified: at('modified-key.md', 'updatedAt'),
      updated: at('updated-key.md', 'updatedAt'), slash: at('slash-lastmod.md', 'updatedAt'), written: at('written-lastmod.md', 'updatedAt'),
      writtenExpiry: at('written-lastmod.md', 'expiresAt'), rfcExpiry: at('rfc-expiry.md', 'expiresAt'), slashExpiry: at('slash-expiry-past.md', 'expiresAt'),
      writtenPublish: at('written-publish-future.md', 'scheduledAt'), slashDate: iso(l.byFile['slash-datetime-date.md'].publishedAt),
    }).toEqual({
      jekyll: '2026-01-06T10:00:00.000Z', jekyllIso: '2026-01-06T10:00:00.000Z', modified: '2026-01-07T00:00:00.000Z',
      updated: '2026-01-08T00:00:00.000Z', slash: '2026-03-04T00:00:00.000Z', written: '2026-11-04T00:00:00.000Z',
      writtenExpiry: '2026-11-04T00:00:00.000Z', rfcExpiry: '2027-06-01T00:00:00.000Z', slashExpiry: '2026-02-01T00:00:00.000Z',
      writtenPublish: '2027-03-01T00:00:00.000Z', slashDate: '2026-01-06T10:00:00.000Z',
    });
    // From the on-disk index: the same warnings and notes.
    const cold = await load('loader-more/other-dates', true);
    const warm = await load('loader-more/other-dates', true);
    expect(warm.warnings).toEqual(l.warnings);
    expect(cold.warnings).toEqual(l.warnings);
    expect(warm.articles.map((a) => [a.path, a.notes, a.updatedAt, a.scheduledAt, a.expiresAt])).toEqual(l.articles.map((a) => [a.path, a.notes, a.updatedAt, a.scheduledAt, a.expiresAt]));
  });

  it('a cached run gives the same dates, guesses and warnings', async () => {
    const cold = await load('loader/written-dates', true);
    const warm = await load('loader/written-dates', true);
    const facts = (l: Loaded) => l.articles.map((a) => [a.path, a.publishedAt, a.dateGuessed, a.notes]);
    expect(facts(warm)).toEqual(facts(cold));
    expect(warm.warnings).toEqual(cold.warnings);
    expect(warm.warnings).toHaveLength(2);
  });
});

describe('accents', () => {
  it('case: phrases, source:, tag: and free words typed without accents find accented articles', async () => {
    const l = await load('loader/accents');
    expect(titles(l, '"sao paulo"')).toEqual(['São Paulo Exchange Volume Doubles']);
    expect(titles(l, '"credit agricole"')).toEqual(['Crédit Agricole Pilots Tokenised Bonds']);
    expect(titles(l, 'source:"les echos crypto"')).toEqual(['Société Générale Unit Expands Euro Stablecoin']);
    expect(titles(l, 'tag:banques')).toEqual(['Société Générale Unit Expands Euro Stablecoin']);
    expect(titles(l, 'cafe')).toEqual(['Cafe Chain Drops Crypto Payments', 'Café Owners in Lisbon Accept Lightning']);
    expect(titles(l, 'societe generale')).toEqual(['Société Générale Unit Expands Euro Stablecoin']);
    // And the other way: accents typed, plain text found; negation folds too.
    expect(titles(l, 'café')).toEqual(['Cafe Chain Drops Crypto Payments', 'Café Owners in Lisbon Accept Lightning']);
    expect(titles(l, '-"sao paulo" -cafe -source:"les echos"')).toEqual(['Crédit Agricole Pilots Tokenised Bonds']);
  });

  it('more: category:, tag:, source:, body words and phrases, and letters with a stroke', async () => {
    const l = await load('loader-more/accents');
    const found = ['Autorité Publie Un Guide'];
    expect(titles(l, 'category:regulation')).toEqual(found);
    expect(titles(l, 'tag:regulation')).toEqual(found);
    expect(titles(l, 'tag:lodz')).toEqual(found);
    expect(titles(l, 'source:zurich')).toEqual(found);
    expect(titles(l, 'source:"zurich krypto taglich"')).toEqual(found);
    expect(titles(l, 'autorite')).toEqual(found);
    expect(titles(l, '"marches financiers"')).toEqual(found);
    expect(titles(l, 'tokenises')).toEqual(found); // body only
    expect(titles(l, '"sao tome"')).toEqual(found); // body phrase
    expect(titles(l, '-category:regulation')).toEqual(['Guide For Exchanges Published']);
  });

  it('a cached run searches the same folded text', async () => {
    await load('loader-more/accents', true);
    const warm = await load('loader-more/accents', true);
    expect(titles(warm, 'tokenises')).toEqual(['Autorité Publie Un Guide']);
    expect(titles(warm, 'autorite')).toEqual(['Autorité Publie Un Guide']);
  });
});

describe('publication windows (Hugo publishDate and expiryDate, dates ahead of now)', () => {
  const listed = ['Expiry Nobody Can Read', 'Ordinary Market Wrap', 'Publish Date Governs Over Date', 'Staking Promotion Runs All Year'];
  const outside = ['Airdrop Claim Window Open', 'Conference Recap Written Early', 'Embargoed Earnings Note', 'Old Fee Promotion', 'Post Dated Far Ahead'];

  it('more: expired and not-yet-published articles are hidden like drafts, listed with drafts; the publish date governs over the date', async () => {
    const l = await load('loader-more/publication-window');
    expect(l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`)).toEqual(['unreadable-expiry.md: expiryDate "after the merge" not understood; not applied']);
    expect(titles(l, '')).toEqual(listed);
    expect(titles(l, 'source:hugo')).toEqual(listed.filter((t) => t !== 'Post Dated Far Ahead'));
    expect(titles(l, '', true)).toEqual([...listed, ...outside].sort());
    expect(l.byFile['expired.md']).toMatchObject({ draft: false, scheduledAt: null, expiresAt: Date.parse('2025-10-31T23:59:59Z') });
    expect(l.byFile['expired-lowercase.md'].expiresAt).toBe(Date.parse('2025-06-30T12:00:00Z'));
    expect(l.byFile['scheduled.md']).toMatchObject({ publishedAt: Date.parse('2025-11-01T08:00:00Z'), scheduledAt: Date.parse('2999-01-15T08:00:00Z') });
    expect(l.byFile['unreadable-expiry.md']).toMatchObject({ expiresAt: null, notes: ['expiryDate: "after the merge" not understood, not applied'] });
  });

  it('are tested against the time of each query: an expiry or a publish date passes without the file changing', async () => {
    const l = await load('loader-more/publication-window');
    const at = (iso: string): string[] => l.index.search('', { now: Date.parse(iso) }).hits.map((h) => l.index.article(h.id).title).sort();
    expect(at('2025-10-15T00:00:00Z')).toContain('Airdrop Claim Window Open');
    expect(at('2025-11-01T00:00:00Z')).not.toContain('Airdrop Claim Window Open');
    expect(at('2999-01-15T08:00:00Z')).toContain('Embargoed Earnings Note');
    expect(at('2999-01-15T07:59:59Z')).not.toContain('Embargoed Earnings Note');
  });

  it('a cached run hides the same articles', async () => {
    await load('loader-more/publication-window', true);
    const l = await load('loader-more/publication-window', true);
    expect(titles(l, '')).toEqual(listed);
  });
});

