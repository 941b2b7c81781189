import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/core/load/limits.js';
import { cutLongLines, parseArticle, type FileInfo } from '../../../src/core/load/parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const SEED = path.join(ROOT, 'data/news/bitfarms-wind-down.md');
const MTIME = Date.parse('2025-06-01T00:00:00Z');

function infoFor(file: string, size?: number): FileInfo {
  return {
    path: file,
    relPath: path.basename(file),
    size: size ?? fs.statSync(file).size,
    mtimeMs: MTIME,
    folderName: path.basename(path.dirname(file)),
  };
}

function parseFile(file: string) {
  const outcome = parseArticle(fs.readFileSync(file), infoFor(file), 3);
  if (!outcome.ok) throw new Error(`expected ${file} to load: ${outcome.reason}`);
  return outcome;
}

describe('parseArticle per schema', () => {
  it('parses the seed article', () => {
    const { article, warnings } = parseFile(SEED);
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({
      id: 3,
      title: "Bitfarms Will 'Wind Down' Bitcoin Mining and Pivot to AI After $46 Million Loss",
      publishedAt: Date.parse('2025-11-14T02:13:55.000Z'),
      updatedAt: Date.parse('2025-11-14T03:16:57.474Z'),
      dateGuessed: false,
      source: 'Decrypt',
      sourceKey: 'decrypt',
      categories: ['BTC'],
      tags: ['BTC', 'BUSINESS', 'MINING'],
      sentiment: 'NEGATIVE',
      score: 0,
      lang: 'en',
      draft: false,
      stickyWeight: 0,
      format: 'yaml',
      notes: ['repaired mojibake'],
    });
    expect(article.description.endsWith('providing…')).toBe(true);
    expect(article.coverImage).toMatch(/^https:\/\/images\.unsplash\.com\/.*q=85$/); // coverImage.full
    expect(article.body.startsWith('## Overview\n')).toBe(true);
    expect((article.frontMatter.ai as Record<string, unknown>).version).toBe('1'); // as written
  });

  const schemas: Array<[string, Record<string, unknown>]> = [
    ['corpus/blog/_posts/2024-01-05-bitcoin-etf-approved.md', { title: 'SEC Approves Spot Bitcoin ETFs', publishedAt: Date.parse('2024-01-05T00:00:00Z'), categories: ['markets', 'regulation'], tags: ['bitcoin', 'etf'], source: 'Jane Doe', format: 'yaml', notes: [] }],
    ['corpus/blog/_posts/2023-12-24-halving-countdown.md', { title: 'Halving Countdown Begins', publishedAt: Date.parse('2023-12-24T10:30:00Z'), source: 'blog', categories: ['mining'], tags: ['halving', 'supply', 'miners'], url: null }],
    ['corpus/hugo/posts/solana-outage.md', { title: 'Solana Suffers Five-Hour Outage', publishedAt: Date.parse('2024-02-06T19:00:00Z'), updatedAt: Date.parse('2024-02-07T09:00:00Z'), source: 'The Block', format: 'toml', description: 'Validators restarted the chain after a bug in the BPF loader.' }],
    ['corpus/data/stablecoin-rules.md', { title: 'EU Stablecoin Rules Take Effect', publishedAt: Date.parse('2024-06-30T22:00:00Z'), tags: ['stablecoins', 'MiCA', 'regulation'], source: 'CoinDesk', url: 'https://www.coindesk.com/policy/mica', coverImage: 'https://images.example.com/mica.png', format: 'json' }],
    ['corpus/data/hugo-json-front-matter.md', { title: 'Tether Mints Another $1B', publishedAt: Date.parse('2024-06-01T00:00:00Z'), source: 'Whale Alert', format: 'json' }],
    ['corpus/plain/market-wrap.md', { title: 'Market Wrap: Bitcoin Holds $60k', format: 'none', dateGuessed: true, publishedAt: MTIME }],
    ['corpus/plain/2024-03-01-exchange-notes.markdown', { title: 'exchange notes', publishedAt: Date.parse('2024-03-01T00:00:00Z'), dateGuessed: false, format: 'none' }],
    ['corpus/drafts/unreleased-token.mdx', { draft: true }],
    ['corpus/misc/crlf-with-bom.md', { title: 'Windows Line Endings', body: 'First line\nSecond line\nThird line\n' }],
    ['corpus/misc/legacy-windows-1252.md', { title: 'Café crème “quoted”', body: 'Legacy € text from an old CMS.\n', notes: ['decoded as Windows-1252'] }],
    ['corpus/misc/feed-with-mojibake.md', { title: 'It’s Bitcoin’s Week — Café Owners Cheer', description: 'Prices rally… again', tags: ['DéFi', 'SÃO'], body: 'Body text with an ellipsis… and a real word: SÃO PAULO.\n', notes: ['repaired mojibake'] }],
  ];
  it.each(schemas)('%s', (rel, expected) => {
    const { article, warnings } = parseFile(path.join(FIXTURES, rel));
    expect(warnings).toEqual([]);
    expect(article).toMatchObject(expected);
  });

  it('keeps Liquid tags and kramdown attributes in the Jekyll body untouched', () => {
    const { article } = parseFile(path.join(FIXTURES, 'corpus/blog/_posts/2024-01-05-bitcoin-etf-approved.md'));
    expect(article.body).toContain('{% include toc.html %}');
    expect(article.body).toContain('{:.lead}');
  });
});

describe('parseArticle limits and hostile input', () => {
  it('warns about truncation when the bytes are shorter than the file', () => {
    const raw = Buffer.from('---\ntitle: Big\n---\n' + 'x'.repeat(100));
    const out = parseArticle(raw.subarray(0, 50), { ...infoFor(SEED), size: raw.length }, 0);
    expect(out).toMatchObject({ ok: true, warnings: ['truncated to 50 B'] });
    expect(out.ok && out.article.notes).toContain('truncated to 50 B');
    // The cut shows at the body's end, where it happens, as well as in the inspector's notes.
    expect(out.ok && out.article.body).toBe(`${'x'.repeat(31)}\n\n… (truncated to 50 B)`);
    expect(out).toMatchObject({ ascii: false });
  });

  it('warns when bytes were replaced (no encoding read them), and reads a legacy CJK file without one', () => {
    const stray = Buffer.from([...Buffer.from('---\ntitle: A\n---\nx '), 0x81, 0x20, 0x81, 0x20]);
    const lossy = parseArticle(stray, infoFor(SEED, stray.length), 0);
    expect(lossy).toMatchObject({ ok: true, warnings: ['invalid UTF-8 bytes replaced with U+FFFD (not UTF-8, nor an encoding the reader knows)'] });
    // `ビットコイン` in Shift_JIS.
    const sjis = Buffer.from([...Buffer.from('---\ntitle: '), ...Buffer.from('837283628367835283438393', 'hex'), ...Buffer.from('\n---\nbody\n')]);
    const out = parseArticle(sjis, infoFor(SEED, sjis.length), 0);
    expect(out).toMatchObject({ ok: true, warnings: [] });
    expect(out.ok && out.article.title).toBe('ビットコイン');
    expect(out.ok && out.article.notes).toContain('decoded as Shift_JIS');
  });

  it('cuts lines longer than the limit, with a note', () => {
    const { article } = parseFile(path.join(FIXTURES, 'hostile/long-line.md'));
    const lines = article.body.split('\n');
    expect(lines[0]).toBe(`${'x'.repeat(LIMITS.maxLineLength)}… (line cut)`); // the cut shows where it is
    expect(lines[1]).toBe('short line');
    expect(article.notes).toContain('lines over 16,384 characters cut');
  });

  it('says whether the body is all ASCII: an ASCII file unless a cut line got its ellipsis', () => {
    const parse = (text: string) => parseArticle(Buffer.from(text), { ...infoFor(SEED), size: Buffer.byteLength(text) }, 0);
    expect(parse('---\ntitle: Plain\n---\nAll ASCII.\n')).toMatchObject({ ok: true, ascii: true });
    // An accent in the front matter alone: the body is ASCII, but the file was not, and only the file's decoding is known.
    expect(parse('---\ntitle: Caf\u00e9\n---\nbody\n')).toMatchObject({ ok: true, ascii: false });
    expect(parse('---\ntitle: T\n---\nna\u00efve\n')).toMatchObject({ ok: true, ascii: false });
    const long = parse(`---\ntitle: T\n---\n${'x'.repeat(LIMITS.maxLineLength + 5)}\n`);
    expect(long).toMatchObject({ ok: true, ascii: false });
    expect(long.ok && long.article.body).toContain('…');
  });

  const cuts: Array<[string, number, string, string, boolean]> = [
    ['short lines untouched', 5, 'abc\nde', 'abc\nde', false],
    ['cut, marked', 3, 'abcdef\nab', 'abc… (line cut)\nab', true],
    ['surrogate pair not split', 3, 'ab😀cd', 'ab… (line cut)', true],
    ['last line cut', 2, 'ab\nabc', 'ab\nab… (line cut)', true],
  ];
  it.each(cuts)('cutLongLines: %s', (_name, max, body, expected, cut) => {
    expect(cutLongLines(body, max)).toEqual({ body: expected, cut });
  });

  it('reports binary, empty and refused files as reasons', () => {
    const cases: Array<[string, string]> = [
      ['binary.md', 'binary file'],
      ['empty.md', 'empty file'],
      ['not-closed.md', 'front matter not closed'],
      ['js-front-matter.md', 'front matter in javascript refused (code execution)'],
    ];
    for (const [name, reason] of cases) {
      const file = path.join(FIXTURES, 'broken', name);
      expect(parseArticle(fs.readFileSync(file), infoFor(file), 0)).toEqual({ ok: false, reason });
    }
  });

  it('never throws and always returns terminal-safe titles for arbitrary bytes', () => {
    const info = infoFor(SEED);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('', '---\n', '+++\n', ';;;\n', '{\n'), (bytes, prefix) => {
        const raw = Buffer.concat([Buffer.from(prefix), bytes]);
        const out = parseArticle(raw, { ...info, size: raw.length }, 0);
        if (out.ok) expect(out.article.title).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
        else expect(typeof out.reason).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
