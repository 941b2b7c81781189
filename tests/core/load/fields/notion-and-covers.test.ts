// Notion's Markdown export (a page's properties under its title, an id in every file and folder
// name: front-matter/notion-properties.ts, fields/titles.ts) and cover images under the names
// themes give them (fields/cover-image.ts), through the real loader with and without the on-disk
// index, as the cases' README says (tests/fixtures/cases/README.md).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotionProperties } from '../../../../src/core/load/front-matter/notion-properties.js';
import { coverImage } from '../../../../src/core/load/fields/cover-image.js';
import { titleFromFileName, withoutNotionId } from '../../../../src/core/load/fields/titles.js';
import { parseArticle, parseBody } from '../../../../src/core/load/parse.js';
import { fixtureLoader, type Loaded } from '../fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../../fixtures/cases'));
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const titles = (l: Loaded, query: string): string[] => l.index.search(query, {}).hits.map((h) => l.index.article(h.id).title).sort();

const ETF = 'Bitcoin ETF flows turn positive 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.md';
const SOLANA = 'Solana validators upgrade d41d8cd98f00b204e9800998ecf8427e.md';
const UNTITLED = 'Untitled 9e107d9d372bb6826bd81d3542a419d6.md';

describe('readNotionProperties', () => {
  it('reads the properties under the title and keeps the title in the body', () => {
    const read = readNotionProperties('# Flows\n\nCreated: November 4, 2025 10:30 AM\nTags: Bitcoin, ETF\n\nBody.\n');
    expect(read?.data).toEqual({ created: 'November 4, 2025 10:30 AM', tags: 'Bitcoin, ETF' });
    expect(read?.body).toBe('# Flows\n\nBody.\n');
  });

  it.each([
    ['a heading and one line of prose that looks like a property', '# Outage\n\nStatus: the engine was down.\n\nMore.'],
    ['lines that name no Notion property', '# Upgrade\n\nUpdate: approved.\nNote: not final.\n\nMore.'],
    ['a property block with a line of prose in it', '# Flows\n\nCreated: November 4, 2025\nFunds bought more.\n\nMore.'],
    ['no heading first', 'Created: November 4, 2025\nTags: a\n\nMore.'],
    ['no blank line after the heading', '# Flows\nCreated: November 4, 2025\n\nMore.'],
    ['a date property that is no date', '# Flows\n\nDate: to be announced\n\nMore.'],
  ])('leaves %s as body', (_what, text) => {
    expect(readNotionProperties(text)).toBeNull();
  });

  it('gives Date created as the date', () => {
    expect(readNotionProperties('# S\n\nDate Created: Nov 2, 2025\n\nB')?.data).toEqual({ 'date created': 'Nov 2, 2025', date: 'Nov 2, 2025' });
  });

  it('takes the start of a date range, Multi-select as tags, Created by as the author', () => {
    const read = readNotionProperties('# S\n\nDate: November 2, 2025 → November 3, 2025\nMulti-select: Solana, Validators\nCreated by: Ana Ruiz\n\nB');
    expect(read?.data).toMatchObject({ date: 'November 2, 2025', tags: 'Solana, Validators', author: 'Ana Ruiz' });
  });

  it('gives the same body as parseBody, which the full-text build reads', () => {
    const text = '# Flows\n\nCreated: November 4, 2025 10:30 AM\nStatus: Published\n\nBody text.\n';
    const info = { path: '/x/Flows 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.md', relPath: 'Flows.md', size: text.length, mtimeMs: 0, folderName: 'x' };
    const parsed = parseArticle(Buffer.from(text), info, 1);
    expect(parsed.ok && parsed.article.body).toBe(parseBody(Buffer.from(text), text.length));
  });
});

describe('Notion ids in names', () => {
  it.each([
    ['Bitcoin ETF 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.md', 'Bitcoin ETF'],
    ['notes-on-fees.md', 'notes on fees'],
    ['Hash 1a2b3c4d.md', 'Hash 1a2b3c4d'],
  ])('the title from %s is %s', (file, title) => {
    expect(titleFromFileName(file)).toBe(title);
  });

  it('drops the id from a folder name and nothing else', () => {
    expect(withoutNotionId('Research 0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe('Research');
    expect(withoutNotionId('0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
  });
});

describe('a Notion export through the loader', () => {
  it.each([false, true])('properties as fields, ids never shown (on-disk index: %s)', async (cache) => {
    const l = await load('loader-more/notion-export', cache);
    expect(l.warnings).toEqual([]);
    const etf = l.byFile[ETF];
    expect({ title: etf.title, tags: etf.tags, dateGuessed: etf.dateGuessed, source: etf.source }).toEqual({
      title: 'Bitcoin ETF flows turn positive', tags: ['Bitcoin', 'ETF'], dateGuessed: false, source: 'Research',
    });
    expect(iso(etf.publishedAt)).toBe('2025-11-04T10:30:00.000Z');
    expect(iso(etf.updatedAt)).toBe('2025-11-05T08:15:00.000Z');
    expect(etf.body).not.toMatch(/Created:|Tags:|Status:|Last edited/);
    expect(etf.body).toContain('Spot bitcoin funds took in money');
    expect(etf.frontMatter).toMatchObject({ status: 'Published' });
    const sol = l.byFile[SOLANA];
    expect({ title: sol.title, tags: sol.tags, source: sol.source, dateGuessed: sol.dateGuessed }).toEqual({
      title: 'Solana validators upgrade', tags: ['Solana', 'Validators'], source: 'Ana Ruiz', dateGuessed: false,
    });
    expect(iso(sol.publishedAt)).toBe('2025-11-02T00:00:00.000Z');
    expect(l.byFile[UNTITLED].title).toBe('Untitled');
    expect(titles(l, 'tag:etf')).toEqual(['Bitcoin ETF flows turn positive']);
    expect(titles(l, 'source:research')).toEqual(['Bitcoin ETF flows turn positive', 'Untitled']);
  });

  it('a heading with prose that only looks like properties stays body', async () => {
    const l = await load('loader-more/notion-lookalikes');
    expect(l.byFile['status-line.md']).toMatchObject({ title: 'Exchange outage', dateGuessed: true });
    expect(l.byFile['status-line.md'].body).toContain('Status: the matching engine was down');
    expect(l.byFile['update-line.md'].body).toContain('Update: validators approved the fork.\nNote: the date is not final.');
  });
});

describe('cover images', () => {
  it.each([
    [{ heroImage: '/hero.jpg' }, '/hero.jpg'],
    [{ cover: { image: '/c.jpg', alt: 'A' } }, '/c.jpg'],
    [{ images: ['/a.png', '/b.png'] }, '/a.png'],
    [{ featured_image: '/f.webp' }, '/f.webp'],
    [{ featuredImage: '/g.webp' }, '/g.webp'],
    [{ coverImage: { url: 'https://u/1', full: 'https://u/2' } }, 'https://u/1'],
    [{ coverImage: 'https://c', image: 'https://i' }, 'https://c'],
    [{ image: { src: '/s.png' } }, '/s.png'],
    [{ cover: true, images: [] }, null],
    [{ images: [['/nested.png']] }, null],
  ])('%j gives %s', (data, cover) => {
    expect(coverImage(data)).toBe(cover);
  });

  it.each([false, true])('are read from each theme\'s key through the loader (on-disk index: %s)', async (cache) => {
    const l = await load('loader-more/cover-images', cache);
    expect(l.warnings).toEqual([]);
    const covers = Object.fromEntries(Object.entries(l.byFile).map(([f, a]) => [f, a.coverImage]));
    expect(covers).toEqual({
      'astro-hero.md': '/blog-placeholder-3.jpg',
      'hugo-images.md': '/images/og-etf.png',
      'papermod-cover.md': '/covers/halving.jpg',
      'featured-image.md': 'https://example.com/img/featured.webp',
      'params-images.md': '/images/params-cover.png',
      'cover-image-wins.md': 'https://example.com/cover.jpg',
    });
  });
});
