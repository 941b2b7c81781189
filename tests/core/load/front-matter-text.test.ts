// Front-matter text as the author meant it, beyond YAML: HTML character references in text fields
// (feeds copy titles out of HTML), TOML's typed scalars kept as written, and epoch numbers in
// JSON and TOML date fields. Fixtures: tests/fixtures/cases/loader-more/{entities,toml-scalars,epoch-numbers}.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLoader, type Loaded } from './fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../fixtures/cases/loader-more'));

const titles = (l: Loaded, query: string): string[] =>
  l.index.search(query, { includeDrafts: true }).hits.map((h) => l.index.article(h.id).title).sort();
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('HTML character references in front-matter text fields', () => {
  it('decode once in title, description, source, category and tags; the URL stays as written', async () => {
    const l = await load('entities');
    expect(l.warnings).toEqual([]);
    expect(l.byFile['sp500.md']).toMatchObject({
      title: 'S&P 500 Futures Slip as Bitcoin Rallies',
      description: 'Q&A: "what next" for <risk> assets',
      source: 'Dow Jones & Co',
      categories: ['Markets & Macro'],
      tags: ['S&P', 'R&D'],
      // A URL is not HTML text: what is written is what `o` opens and `y` copies.
      url: 'https://news.example.com/markets?a=1&amp;b=2',
    });
    expect(l.byFile['double-escaped.md'].title).toBe('Tom &amp; Jerry Token Lists');
    expect(l.byFile['heading-title.md'].title).toBe('Barnes & Noble Accepts Stablecoins');
  });

  it('numeric references decode, unknown names stay, decoded control characters never reach the terminal', async () => {
    const l = await load('entities');
    const a = l.byFile['numeric-and-unknown.md'];
    expect(a.title).toBe('Café & Bar — AT&T &notanentity; Deal');
    expect(a.description).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(a.description).toContain('stay out of the terminal');
  });

  it('search finds the decoded text, by word, phrase and field', async () => {
    const l = await load('entities');
    const sp = ['S&P 500 Futures Slip as Bitcoin Rallies'];
    expect(titles(l, 'S&P')).toEqual(sp);
    expect(titles(l, '"S&P 500"')).toEqual(sp);
    expect(titles(l, 'tag:R&D')).toEqual(sp);
    expect(titles(l, 'source:"dow jones & co"')).toEqual(sp);
    expect(titles(l, '"Tom &amp; Jerry"')).toEqual(['Tom &amp; Jerry Token Lists']);
  });

  it('a cached (warm) run gives the same decoded fields', async () => {
    const cold = await load('entities', true);
    const warm = await load('entities', true);
    const facts = (l: Loaded) => l.articles.map((a) => [a.path, a.title, a.description, a.source, a.tags]).sort();
    expect(facts(warm)).toEqual(facts(cold));
    expect(titles(warm, 'S&P')).toEqual(['S&P 500 Futures Slip as Bitcoin Rallies']);
  });
});

describe('TOML scalars as written', () => {
  it('a date literal, a float and a number in text fields stay text as written; date, flag and numeric fields still read', async () => {
    const l = await load('toml-scalars');
    expect(l.warnings).toEqual([]);
    const a = l.byFile['hugo-date-title.md'];
    expect(a).toMatchObject({
      title: '2025-11-04T10:30:00Z',
      description: '1979-05-27',
      categories: ['2026'],
      tags: ['2026-01-15', '1.50', '2025-11-04 10:30:00', 'plain'],
      draft: false,
      score: 0.5,
      stickyWeight: 2,
      dateGuessed: false,
    });
    expect(iso(a.publishedAt)).toBe('2025-11-04T10:30:00.000Z');
  });

  it('comments, multi-line arrays, literal strings, a local time title and a local date-time; tables after the root', async () => {
    const l = await load('toml-scalars');
    const a = l.byFile['local-forms.md'];
    expect(a).toMatchObject({ title: '10:30:00', tags: ['2025-11-04t10:30:00z', '29.0', 'literal', 'multi\nline'.replace('\n', ' ')], lang: 'en', source: 'Hugo Desk' });
    expect(iso(a.publishedAt)).toBe('2025-11-05T08:15:00.000Z');
    const b = l.byFile['flags-as-text.md'];
    expect(b).toMatchObject({ title: 'true', draft: true, tags: ['false', '0.10'] });
  });

  it('the kept text is searchable as written', async () => {
    const l = await load('toml-scalars');
    expect(titles(l, '"2025-11-04T10:30:00Z"')).toContain('2025-11-04T10:30:00Z');
    expect(titles(l, 'tag:1.50')).toEqual(['2025-11-04T10:30:00Z']);
    expect(titles(l, 'tag:0.10')).toEqual(['true']);
    expect(titles(l, 'category:2026')).toEqual(['2025-11-04T10:30:00Z']);
  });
});

describe('epoch numbers in JSON and TOML date fields', () => {
  it('seconds and milliseconds (integer or fraction) read as dates, as in YAML', async () => {
    const l = await load('epoch-numbers');
    expect(l.warnings).toEqual([]);
    const at = (f: string): string | null => iso(l.byFile[f].publishedAt);
    expect({
      tomlSeconds: at('toml-seconds.md'), tomlMillis: at('toml-millis.md'), tomlFraction: at('toml-float-seconds.md'),
      jsonSeconds: at('json-seconds.md'), jsonMillis: at('json-millis.md'),
    }).toEqual({
      tomlSeconds: '2025-11-04T10:30:00.000Z', tomlMillis: '2025-11-05T10:30:00.000Z', tomlFraction: '2025-11-04T10:30:00.500Z',
      jsonSeconds: '2025-11-08T12:00:00.000Z', jsonMillis: '2025-11-07T09:15:00.000Z',
    });
    expect(l.articles.filter((a) => a.dateGuessed)).toEqual([]);
    expect(iso(l.byFile['toml-millis.md'].updatedAt)).toBe('2025-11-06T08:00:00.000Z');
    expect(iso(l.byFile['json-millis.md'].updatedAt)).toBe('2025-11-07T09:15:00.000Z');
  });
});
