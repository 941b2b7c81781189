import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { normaliseArticle, slugify, type FileInfo } from '../../../src/core/load/normalise.js';
import { firstHeading, titleFromFileName } from '../../../src/core/load/fields/titles.js';
import { isTerminalSafe, sanitizeLine } from '../../../src/core/text/sanitize.js';
import { decodeEntities } from '../../../src/core/text/entities.js';
import { repairMojibake } from '../../../src/core/load/mojibake.js';

const MTIME = Date.parse('2025-01-01T12:00:00Z');

function norm(data: Record<string, unknown>, body = '', info: Partial<FileInfo> = {}): Article {
  const file: FileInfo = {
    path: '/news/coindesk/some-post.md',
    relPath: 'coindesk/some-post.md',
    size: 100,
    mtimeMs: MTIME,
    folderName: 'coindesk',
    ...info,
  };
  return normaliseArticle({ data, format: 'yaml', body, info: file, id: 7, notes: [] });
}

const utc = (s: string): number => Date.parse(s);

describe('normaliseArticle field mapping', () => {
  const cases: Array<[string, Record<string, unknown>, Partial<Article>, string?, Partial<FileInfo>?]> = [
    ['title from front matter', { title: 'Hello' }, { title: 'Hello' }],
    ['number title becomes text', { title: 42 }, { title: '42' }],
    ['object title falls back to heading', { title: { a: 1 } }, { title: 'Heading' }, '# Heading\n'],
    ['blank title falls back to file name', { title: '  ' }, { title: 'some post' }],
    // Found by a tester: zero-width spaces drew an empty row. Format characters and variation selectors draw nothing.
    ['invisible title falls back to file name', { title: '\u200b\u200b\u00ad\u2060\ufe0f' }, { title: 'some post' }],
    ['invisible source is no source', { source: '\u200b', author: 'Ana Ruiz' }, { source: 'Ana Ruiz' }],
    ['title from file name without date prefix', {}, { title: 'etf day' }, '', { path: '/n/_posts/2024-01-05-etf-day.md' }],
    ['publishedAt wins over date', { publishedAt: '2025-01-02T00:00:00Z', date: '2020-01-01' }, { publishedAt: utc('2025-01-02T00:00:00Z'), dateGuessed: false }],
    ['date', { date: new Date('2024-03-01T00:00:00Z') }, { publishedAt: utc('2024-03-01T00:00:00Z') }],
    ['pubDate RFC 2822', { pubDate: 'Sun, 30 Jun 2024 22:00:00 GMT' }, { publishedAt: utc('2024-06-30T22:00:00Z') }],
    ['published', { published: '2024-02-02' }, { publishedAt: utc('2024-02-02T00:00:00Z'), draft: false }],
    ['created epoch', { created: 1717200000 }, { publishedAt: utc('2024-06-01T00:00:00Z') }],
    ['file-name date', {}, { publishedAt: utc('2024-01-05T00:00:00Z'), dateGuessed: false }, '', { path: '/n/2024-01-05-x.md' }],
    ['mtime fallback', {}, { publishedAt: MTIME, dateGuessed: true, notes: ['date guessed from file time'] }],
    ['unparseable date noted then guessed', { date: 'soon' }, { publishedAt: MTIME, dateGuessed: true, notes: ['date guessed from file time: "soon" not understood'] }],
    ['unreadable date, then a readable one', { date: 'soon', pubDate: 'Tue, 04 Nov 2025 10:30:00 GMT' }, { publishedAt: utc('2025-11-04T10:30:00Z'), dateGuessed: false, notes: ['date from pubDate: "soon" not understood'] }],
    ['updatedAt keys', { lastmod: '2024-01-02' }, { updatedAt: utc('2024-01-02T00:00:00Z') }],
    // Found by a tester: Jekyll's jekyll-last-modified-at plugin (and Minimal Mistakes) was not read.
    ['Jekyll last_modified_at is the updated date', { date: '2026-01-05', last_modified_at: '2026-01-06T10:00:00Z' }, { updatedAt: utc('2026-01-06T10:00:00Z') }],
    ["Astro's updatedDate", { pubDate: 'Jul 08 2022', updatedDate: 'Jul 10 2022' }, { publishedAt: utc('2022-07-08T00:00:00Z'), updatedAt: utc('2022-07-10T00:00:00Z') }],
    ['no update', {}, { updatedAt: null }],
    ['description', { description: 'D' }, { description: 'D' }],
    ['excerpt', { excerpt: 'E' }, { description: 'E' }],
    ['summary', { summary: 'S' }, { description: 'S' }],
    ['no description', {}, { description: '' }],
    ['source object', { source: { name: 'Decrypt', key: 'decrypt' } }, { source: 'Decrypt', sourceKey: 'decrypt' }],
    ['source string', { source: 'The Block' }, { source: 'The Block', sourceKey: 'the-block' }],
    ['source object without key', { source: { name: 'Bitcoin Magazine' } }, { source: 'Bitcoin Magazine', sourceKey: 'bitcoin-magazine' }],
    ['author string', { author: 'Jane Doe' }, { source: 'Jane Doe', sourceKey: 'jane-doe' }],
    ['author object', { author: { name: 'Whale Alert' } }, { source: 'Whale Alert' }],
    ['author list', { author: ['First', 'Second'] }, { source: 'First' }],
    ['folder name', {}, { source: 'coindesk', sourceKey: 'coindesk' }],
    ['Jekyll _posts uses the site folder', {}, { source: 'myblog' }, '', { path: '/sites/myblog/_posts/a.md', folderName: '_posts' }],
    ['a page bundle is named by the folder above it', {}, { source: 'posts' }, '', { path: '/site/content/posts/halving/index.md', folderName: 'halving' }],
    ['any Markdown extension and case of index makes a bundle', {}, { source: 'news' }, '', { path: '/news/eth/INDEX.markdown', folderName: 'eth' }],
    ['Jekyll _drafts: a draft of the site', {}, { source: 'myblog', draft: true }, '', { path: '/sites/myblog/_drafts/a.md', folderName: '_drafts' }],
    ['a Jekyll post in a folder under _posts is named by the site', {}, { source: 'myblog' }, '', { path: '/sites/myblog/_posts/2025/11/a.md', folderName: '11' }],
    ['a Jekyll draft in a folder under _drafts is a draft of the site', {}, { source: 'myblog', draft: true }, '', { path: '/sites/myblog/_drafts/wip/a.md', folderName: 'wip' }],
    ['Jekyll: a tags string splits on whitespace, as Jekyll does', { tags: 'bitcoin etf  mining' }, { tags: ['bitcoin', 'etf', 'mining'] }, '', { path: '/sites/myblog/_posts/a.md', folderName: '_posts' }],
    ['Jekyll: commas between tags are dropped', { tags: 'bitcoin, etf,mining' }, { tags: ['bitcoin', 'etf', 'mining'] }, '', { path: '/sites/myblog/_posts/2025/a.md', folderName: '2025' }],
    ['Jekyll: a tags list keeps multi-word tags, keywords stay comma-separated', { tags: ['spot etf'], keywords: 'cold storage, fees' }, { tags: ['spot etf', 'cold storage', 'fees'] }, '', { path: '/sites/myblog/_posts/a.md', folderName: '_posts' }],
    // Found by a tester: the split was for `_posts` only. A post copied out of its site keeps Jekyll's rule (its name and `layout`).
    ['Jekyll: a post copied out of its site (dated name, layout) splits its tags string', { layout: 'post', tags: 'etf flows' }, { tags: ['etf', 'flows'] }, '', { path: '/dump/jekyll/2024-12-17-tags-quoted.md', folderName: 'jekyll' }],
    ['a dated name without Jekyll\'s layout key keeps a tags string whole', { tags: 'spot etf' }, { tags: ['spot etf'] }, '', { path: '/dump/news/2024-12-17-etf.md', folderName: 'news' }],
    ['a layout key without a Jekyll post\'s name keeps a tags string whole', { layout: 'post', tags: 'spot etf' }, { tags: ['spot etf'] }, '', { path: '/dump/news/etf.md', folderName: 'news' }],
    ['Zola: tags and categories under [taxonomies]', { taxonomies: { tags: ['lightning', 'fees'], categories: ['bitcoin'] } }, { tags: ['lightning', 'fees'], categories: ['bitcoin'] }],
    ['Hugo and Zola: the first of authors names the source', { authors: ['Ana Ruiz', 'Bo Li'] }, { source: 'Ana Ruiz' }],
    ['CryptoPanic: a source object with a title', { source: { title: 'CryptoPanic Wire', domain: 'cryptopanic.com' } }, { source: 'CryptoPanic Wire', sourceKey: 'cryptopanic-wire' }],
    ['JSON Feed: authors as objects', { authors: [{ name: 'Feed Author' }] }, { source: 'Feed Author' }],
    ['API dumps: published_at', { published_at: '2025-11-04T10:30:00Z' }, { publishedAt: utc('2025-11-04T10:30:00Z'), dateGuessed: false }],
    ['JSON Feed: date_published and date_modified', { date_published: '2025-11-04T10:30:00+01:00', date_modified: '2025-11-05T08:00:00Z' }, { publishedAt: utc('2025-11-04T09:30:00Z'), updatedAt: utc('2025-11-05T08:00:00Z') }],
    ['API dumps: created_at after the other names', { created_at: '2025-11-01T00:00:00Z', date: '2025-11-02' }, { publishedAt: utc('2025-11-02T00:00:00Z') }],
    ['API dumps: updated_at', { date: '2025-11-02', updated_at: '2025-11-03T12:00:00Z' }, { updatedAt: utc('2025-11-03T12:00:00Z') }],
    ['elsewhere a tags string is comma-separated', { tags: 'spot etf, bitcoin' }, { tags: ['spot etf', 'bitcoin'] }],
    ['a singular tag is one tag', { tag: 'spot etf', tags: ['btc'] }, { tags: ['spot etf', 'btc'] }],
    ['Jekyll _drafts even with draft: false', { draft: false }, { draft: true }, '', { path: '/sites/myblog/_drafts/a.md', folderName: '_drafts' }],
    ['category string is one category', { category: 'Crypto News' }, { categories: ['Crypto News'] }],
    ['categories list', { categories: ['a', 'b'] }, { categories: ['a', 'b'] }],
    ['Jekyll categories string', { categories: 'markets regulation' }, { categories: ['markets', 'regulation'] }],
    ['categories string with commas', { categories: 'Crypto, Markets,Policy' }, { categories: ['Crypto', 'Markets', 'Policy'] }],
    ['category and categories merged', { category: 'BTC', categories: ['BTC', 'ETH'] }, { categories: ['BTC', 'ETH'] }],
    ['tags list', { tags: ['BTC', 'MINING'] }, { tags: ['BTC', 'MINING'] }],
    ['tags comma string', { tags: 'a, b ,c' }, { tags: ['a', 'b', 'c'] }],
    ['keywords merged', { tags: ['a'], keywords: 'b, a' }, { tags: ['a', 'b'] }],
    ['tag number', { tags: 42 }, { tags: ['42'] }],
    ['tags object ignored', { tags: { a: 1 } }, { tags: [] }],
    ['sentiment', { sentiment: 'NEGATIVE' }, { sentiment: 'NEGATIVE' }],
    ['score number', { score: 0 }, { score: 0 }],
    ['score numeric string', { score: '7.5' }, { score: 7.5 }],
    ['score junk', { score: 'high' }, { score: null }],
    ['lang', { lang: 'en' }, { lang: 'en' }],
    ['draft true', { draft: true }, { draft: true }],
    ['draft "true"', { draft: 'True' }, { draft: true }],
    ['draft "yes" (YAML 1.1) is a draft', { draft: 'yes' }, { draft: true }],
    ['draft "on" is a draft', { draft: 'On' }, { draft: true }],
    ['draft "no" is not', { draft: 'no' }, { draft: false }],
    ['draft "off" is not', { draft: 'off' }, { draft: false }],
    ['draft "maybe" is not a flag', { draft: 'maybe' }, { draft: false }],
    ['Jekyll published: no', { published: 'no' }, { draft: true }],
    ['published: yes is not hidden', { published: 'yes' }, { draft: false }],
    ['published as a date', { published: '2025-11-04' }, { draft: false, publishedAt: utc('2025-11-04T00:00:00Z') }],
    ['lang: no stays Norwegian', { lang: 'no', tags: ['no', 'regulation'] }, { lang: 'no', tags: ['no', 'regulation'] }],
    ['title as written', { title: '0o17', tags: ['2026-01-15', '1.50'] }, { title: '0o17', tags: ['2026-01-15', '1.50'] }],
    ['Jekyll published: false', { published: false }, { draft: true }],
    ['stickyWeight', { stickyWeight: '3' }, { stickyWeight: 3 }],
    ['stickyWeight absent', {}, { stickyWeight: 0 }],
    ['url', { url: 'https://a.example/x' }, { url: 'https://a.example/x' }],
    ['relative url ignored, canonical used', { url: '/x', canonical: 'https://c.example/' }, { url: 'https://c.example/' }],
    ['link', { link: 'http://l.example' }, { url: 'http://l.example' }],
    ['relative permalink ignored', { permalink: '/2024/01/x/' }, { url: null }],
    ['javascript: url ignored', { url: 'javascript:alert(1)' }, { url: null }],
    ['coverImage.url', { coverImage: { url: 'u', full: 'f' } }, { coverImage: 'u' }],
    ['coverImage.full before regular', { coverImage: { regular: 'r', full: 'f' } }, { coverImage: 'f' }],
    ['coverImage.raw', { coverImage: { raw: 'raw' } }, { coverImage: 'raw' }],
    ['coverImage string', { coverImage: 'c.png' }, { coverImage: 'c.png' }],
    ['image', { image: 'i.png' }, { coverImage: 'i.png' }],
    ['image object', { image: { url: 'i.png' } }, { coverImage: 'i.png' }],
    ['no image', {}, { coverImage: null }],
  ];
  it.each(cases)('%s', (_name, data, expected, body = '', info = {}) => {
    expect(norm(data, body, info)).toMatchObject(expected);
  });

  it('keeps a long list distinct and in first-seen order', () => {
    // Past 16 items the list is kept distinct by a Set instead of a search through it: both ways give the same.
    const tags = Array.from({ length: 40 }, (_, i) => `t${i % 25}`);
    const expected = Array.from({ length: 25 }, (_, i) => `t${i}`);
    expect(norm({ tags, keywords: 't3, extra, t24' }).tags).toEqual([...expected, 'extra']);
    expect(norm({ categories: [...tags, ' ', 't0'] }).categories).toEqual(expected);
  });

  it('keeps the raw front matter, id, body and file facts', () => {
    const data = { title: 'T', extra: { nested: [1, 2] } };
    const a = norm(data, 'body\n');
    expect(a).toMatchObject({ id: 7, frontMatter: data, body: 'body\n', size: 100, mtimeMs: MTIME, format: 'yaml' });
  });

  it('repairs mojibake in display fields and body but not in frontMatter', () => {
    const a = norm({ title: 'Itâ€™s', tags: ['DÃ©Fi'] }, 'wowâ€¦');
    expect(a.title).toBe('It’s');
    expect(a.tags).toEqual(['DéFi']);
    expect(a.body).toBe('wow…');
    expect(a.frontMatter.title).toBe('Itâ€™s');
    expect(a.notes).toContain('repaired mojibake');
  });

  it('sanitises every display string', () => {
    const evil = 'A\u001b]52;c;ZXZpbA==\u0007B\u001b[2J\u202eC\nD\u0007';
    const a = norm({ title: evil, description: evil, source: { name: evil }, tags: [evil], categories: [evil], sentiment: evil, lang: evil, url: `https://x.example/${evil}`, coverImage: evil }, '', { relPath: `dir/${evil}.md` });
    const strings = [a.title, a.description, a.source, a.sourceKey, ...a.tags, ...a.categories, a.sentiment, a.lang, a.coverImage, a.relPath];
    for (const s of strings) expect(isTerminalSafe(s ?? '')).toBe(true);
    expect(a.title).toBe('ABC D␇');
    expect(a.url).toBeNull(); // whitespace inside makes it no URL
  });
});

describe('plain text takes a shorter path to the same fields', () => {
  // What every display field goes through: mojibake repaired, entities decoded, NFC, sanitised, trimmed.
  const full = (s: string): string => sanitizeLine(decodeEntities(repairMojibake(s)).normalize('NFC')).trim();
  // Printable ASCII mixed with everything that needs the full treatment.
  const PIECES = ['a', 'Z', '9', ' ', '  ', '~', '"', "'", '&', '&amp;', '&#27;', '&eacute;', '\x1b[31m', '\t', '\x07', '\x7f', 'Ã©', 'â€™', 'e\u0301', '\u2014', '\u202e', '\ud83d\ude80'];

  it('gives every display field as the full treatment does, for generated strings', () => {
    let seed = 12345;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 600; i++) {
      const s = Array.from({ length: 1 + next(8) }, () => PIECES[next(PIECES.length)]).join('');
      const want = full(s);
      const a = norm({ title: s, description: s, sentiment: s, lang: s, tags: [s], categories: [s], source: { name: s }, externalId: s }, '', { relPath: `dir/${s}.md` });
      expect(a.description).toBe(want);
      expect(a.sentiment).toBe(want || null);
      expect(a.tags).toEqual(want ? [want] : []);
      if (want) expect([a.title, a.source, a.categories[0]]).toEqual([want, want, want]);
      // A file name and an identifier are sanitised and normalised, never repaired nor decoded.
      expect(a.relPath).toBe(sanitizeLine(`dir/${s}.md`.normalize('NFC')));
      expect(a.externalId).toBe(sanitizeLine(s.normalize('NFC')).trim() || null);
    }
  });

  it('leaves the body of a file its decoder found all ASCII as it is, trusting that flag', () => {
    const info: FileInfo = { path: '/news/a.md', relPath: 'a.md', size: 10, mtimeMs: MTIME, folderName: 'news' };
    const input = { data: {}, format: 'yaml' as const, body: 'wowâ€¦', info, id: 1, notes: [] };
    expect(normaliseArticle(input).body).toBe('wow…');
    // Such a body never holds these characters: the flag skips the repair's scan of it.
    expect(normaliseArticle({ ...input, ascii: true }).body).toBe('wowâ€¦');
  });
});

describe('helpers', () => {
  const headings: Array<[string, string | null]> = [
    ['# Plain', 'Plain'],
    ['text\n\n# Later heading #', 'Later heading'],
    ['## Level two only', null],
    ['```\n# in a fence\n```\n# After fence', 'After fence'],
    ['~~~md\n# tilde fence\n~~~', null],
    ['# **Bold** and [link](http://x) `code`', 'Bold and link code'],
    ['# Kramdown title {#id .class}', 'Kramdown title'],
    ['#NoSpace', null],
    // The setext form: the paragraph above a `===` line, however many lines it has.
    ['Title line\n==========\n\nBody.', 'Title line'],
    ['intro text\n\nA **long** title\nover two lines\n===\n\n# Later', 'A long title over two lines'],
    ['Section\n-------\n\nTitle\n=', 'Title'],
    ['    indented code\n====', null],
    ['```\nin a fence\n===\n```', null],
    ['\n===\n', null],
    ['- a list item\n===', null],
    ['> a quote\n===', null],
    // A level-one heading written as HTML on one line (pages converted from HTML).
    ['<h1>Title in HTML</h1>\n\nBody.', 'Title in HTML'],
    ['<!-- note -->\n<h1 class="title">Fees <em>fall</em></h1>', 'Fees fall'],
    ['<h2>Level two in HTML</h2>', null],
    ['```html\n<h1>in a fence</h1>\n```', null],
  ];
  it.each(headings)('firstHeading(%j)', (body, expected) => {
    expect(firstHeading(body)).toBe(expected);
  });

  const names: Array<[string, string]> = [
    ['2024-01-05-bitcoin-etf-approved.md', 'bitcoin etf approved'],
    ['market_wrap.markdown', 'market wrap'],
    ['2024-01-05-.md', '2024-01-05-'],
    ['README', 'README'],
  ];
  it.each(names)('titleFromFileName(%j)', (name, expected) => {
    expect(titleFromFileName(name)).toBe(expected);
  });

  const slugs: Array<[string, string]> = [
    ['The Block', 'the-block'],
    ['  CoinDesk!! News ', 'coindesk-news'],
    ['Крипто Новости', 'крипто-новости'],
    ['***', ''],
  ];
  it.each(slugs)('slugify(%j)', (name, expected) => {
    expect(slugify(name)).toBe(expected);
  });
});
