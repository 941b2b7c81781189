// Checks the facts about the bundled sample corpus (data/) that other tests and the README rely on,
// straight from the files, without going through the app's loader.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const dataDir = join(repoRoot, 'data');
const newsDir = join(dataDir, 'news');
// SHA-256 of the seed article as it was handed over; data/news must keep it byte for byte.
const SEED_SHA256 = '11daf8246d41be4d31f1c3f04cdf908936d1d9b10c9a8b316d3dfeee39d1a269';
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T00:00:00Z');

interface Entry { file: string; raw: string; fm: Record<string, any>; body: string }

function split(raw: string, fence: string): { head: string; body: string } {
  expect(raw.startsWith(`${fence}\n`)).toBe(true);
  const end = raw.indexOf(`\n${fence}\n`, fence.length);
  expect(end).toBeGreaterThan(0);
  return { head: raw.slice(fence.length + 1, end), body: raw.slice(end + fence.length + 2) };
}

const news: Entry[] = readdirSync(newsDir).filter((f) => f.endsWith('.md')).sort().map((file) => {
  const raw = readFileSync(join(newsDir, file), 'utf8');
  const { head, body } = split(raw, '---');
  return { file, raw, fm: load(head) as Record<string, any>, body };
});
const samples = news.filter((e) => e.file !== 'bitfarms-wind-down.md');
const published = (e: Entry) => Date.parse(e.fm.publishedAt);
const live = news.filter((e) => e.fm.draft !== true);
const count = (pred: (e: Entry) => boolean, list = news) => list.filter(pred).length;

const SCHEMA: Record<string, string[] | null> = {
  title: null, description: null, publishedAt: null, updatedAt: null, lang: null, externalId: null,
  source: ['name', 'key', 'type'], category: null, tags: null, stickyWeight: null, sentiment: null, score: null, draft: null,
  coverImage: ['raw', 'full', 'regular', 'small', 'thumb', 'small_s3'], ai: ['rewritten', 'expandedAt', 'version'],
};

describe('data/news', () => {
  it('keeps the seed byte for byte', () => {
    const copy = readFileSync(join(newsDir, 'bitfarms-wind-down.md'));
    expect(createHash('sha256').update(copy).digest('hex')).toBe(SEED_SHA256);
  });

  it('holds at least 65 articles, every one with exactly the seed schema', () => {
    expect(news.length).toBeGreaterThanOrEqual(65);
    for (const e of news) {
      expect(Object.keys(e.fm).sort(), e.file).toEqual(Object.keys(SCHEMA).sort());
      for (const [key, sub] of Object.entries(SCHEMA)) {
        if (sub) expect(Object.keys(e.fm[key]).sort(), `${e.file} ${key}`).toEqual([...sub].sort());
      }
      expect(typeof e.fm.title, e.file).toBe('string');
      expect(Number.isNaN(published(e)), e.file).toBe(false);
      expect(Date.parse(e.fm.updatedAt), e.file).toBeGreaterThanOrEqual(published(e));
      expect(e.fm.score, e.file).toBeGreaterThanOrEqual(-1);
      expect(e.fm.score, e.file).toBeLessThanOrEqual(1);
    }
  });

  it('numbers the sample articles sample-NNN, uniquely', () => {
    const ids = samples.map((e) => e.fm.externalId as string);
    for (const id of ids) expect(id).toMatch(/^sample-\d{3}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes categories and tags in upper case', () => {
    for (const e of news) {
      expect(e.fm.category, e.file).toBe(String(e.fm.category).toUpperCase());
      for (const tag of e.fm.tags) expect(tag, e.file).toBe(String(tag).toUpperCase());
    }
  });

  it('varies sources, categories and sentiments', () => {
    expect(new Set(news.map((e) => e.fm.source.key)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(news.map((e) => e.fm.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(news.map((e) => e.fm.sentiment))).toEqual(new Set(['POSITIVE', 'NEGATIVE', 'NEUTRAL']));
    for (const e of news) expect(['RSS', 'API'], e.file).toContain(e.fm.source.type);
  });

  it('spreads dates from 2025-08-01 to 2026-11-20, with several in the last three weeks and some later updates', () => {
    const times = news.map(published);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2025-08-01T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-11-21T00:00:00Z'));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(90 * DAY);
    expect(count((e) => published(e) >= NOW - 21 * DAY)).toBeGreaterThanOrEqual(5);
    expect(count((e) => Date.parse(e.fm.updatedAt) - published(e) > DAY)).toBeGreaterThanOrEqual(3);
  });

  it('has exactly three drafts and three or four sticky articles, none of them both', () => {
    expect(count((e) => e.fm.draft === true)).toBe(3);
    const sticky = count((e) => e.fm.stickyWeight > 0);
    expect(sticky).toBeGreaterThanOrEqual(3);
    expect(sticky).toBeLessThanOrEqual(4);
    expect(count((e) => e.fm.draft === true && e.fm.stickyWeight > 0)).toBe(0);
  });

  // The exact counts the README and the search tests quote; drafts are kept out of both sets so the counts hold
  // whether or not a query includes drafts.
  it('has 9 MINING articles since 2025-11-01 (the seed and 8 samples) and some before', () => {
    const mining = (e: Entry) => e.fm.tags.includes('MINING') || e.fm.category === 'MINING';
    const since = (e: Entry) => published(e) >= Date.parse('2025-11-01T00:00:00Z');
    expect(count((e) => mining(e) && since(e), live)).toBe(9);
    expect(count((e) => mining(e) && since(e))).toBe(9);
    expect(count((e) => mining(e) && !since(e))).toBeGreaterThanOrEqual(2);
    // no MINING article sits within two days of the boundary, so time zones cannot change the count
    expect(count((e) => mining(e) && Math.abs(published(e) - Date.parse('2025-11-01T00:00:00Z')) < 2 * DAY)).toBe(0);
    for (const e of news) expect(e.fm.tags.filter((t: string) => /MINING/.test(t) && t !== 'MINING'), e.file).toEqual([]);
  });

  it('has 13 NEGATIVE articles from sources other than Decrypt and 4 from Decrypt', () => {
    const negative = (e: Entry) => e.fm.sentiment === 'NEGATIVE';
    const decrypt = (e: Entry) => e.fm.source.key === 'decrypt';
    expect(count((e) => negative(e) && !decrypt(e), live)).toBe(13);
    expect(count((e) => negative(e) && !decrypt(e))).toBe(13);
    expect(count((e) => negative(e) && decrypt(e))).toBe(4);
  });

  it('keeps sample bodies between 1.5 and 4 KB', () => {
    for (const e of samples) {
      const size = Buffer.byteLength(e.body);
      expect(size, e.file).toBeGreaterThanOrEqual(1500);
      expect(size, e.file).toBeLessThanOrEqual(4000);
    }
  });

  it.each([
    ['## heading', /^## \S/m, 60],
    ['### heading', /^### \S/m, 3],
    ['bullet list', /^- \S/m, 30],
    ['numbered list', /^1\. \S/m, 30],
    ['nested list', /^ {2,3}(-|\d+\.) \S/m, 5],
    ['inline link', /\[[^\]]+\]\(https:\/\//, 50],
    ['reference-style link', /^\[[^\]]+\]: https:\/\//m, 2],
    ['block quote', /^> \S/m, 30],
    ['fenced code', /^```\w*\n[\s\S]*?\n```$/m, 10],
    ['pipe table', /^\|.+\|\n\|(-+\|)+$/m, 30],
    ['image', /!\[[^\]]*\]\(https:\/\//, 2],
    ['bold', /\*\*[^*\n]+\*\*/, 30],
    ['italic', /(^|[^*])\*[^*\s][^*\n]*\*(?!\*)/m, 30],
    ['inline code', /(^|[^`])`[^`\n]+`(?!`)/m, 5],
  ])('uses %s in enough articles', (_name, pattern, min) => {
    expect(count((e) => pattern.test(e.body), samples)).toBeGreaterThanOrEqual(min);
  });

  it('has non-ASCII titles and tags (wide characters, an em dash, an emoji)', () => {
    const titles = news.map((e) => e.fm.title as string);
    expect(titles.some((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t))).toBe(true);
    expect(titles.some((t) => /[\uac00-\ud7af]/.test(t))).toBe(true);
    expect(titles.some((t) => t.includes('—'))).toBe(true);
    expect(titles.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(news.some((e) => e.fm.tags.some((t: string) => /[^\x00-\x7f]/.test(t)))).toBe(true);
  });
});

describe('data/other-schemas', () => {
  const dir = join(dataDir, 'other-schemas');

  it('has three Jekyll posts with YAML front matter, one dated only by its file name', () => {
    const postsDir = join(dir, 'jekyll', '_posts');
    const files = readdirSync(postsDir).sort();
    expect(files).toHaveLength(3);
    const posts = files.map((file) => {
      expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
      const { head, body } = split(readFileSync(join(postsDir, file), 'utf8'), '---');
      return { fm: load(head) as Record<string, unknown>, body };
    });
    for (const { fm, body } of posts) {
      expect(fm.layout).toBe('post');
      expect(typeof fm.title).toBe('string');
      expect(typeof fm.author).toBe('string');
      expect(fm).toHaveProperty('categories');
      expect(fm).toHaveProperty('tags');
      expect(body).toMatch(/\{% include [\w.-]+\.html/);
      expect(body).toContain('{:.lead}');
      expect(body).toMatch(/^\[\w+\]: \S+/m);
    }
    expect(posts.filter(({ fm }) => fm.date === undefined)).toHaveLength(1);
    expect(posts.filter(({ fm }) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000$/.test(String(fm.date)))).toHaveLength(2);
    expect(posts.some(({ fm }) => Array.isArray(fm.categories))).toBe(true);
    expect(posts.some(({ fm }) => typeof fm.categories === 'string' && fm.categories.includes(' '))).toBe(true);
    expect(posts.some(({ body }) => body.includes('{{ site.baseurl }}'))).toBe(true);
  });

  it('has two Hugo posts with TOML front matter', () => {
    const files = readdirSync(join(dir, 'hugo')).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      const { head } = split(readFileSync(join(dir, 'hugo', file), 'utf8'), '+++');
      const fm = parseToml(head) as Record<string, unknown>;
      expect(typeof fm.title, file).toBe('string');
      expect(fm.date, file).toBeInstanceOf(Date);
      expect(Array.isArray(fm.tags), file).toBe(true);
      expect(Array.isArray(fm.categories), file).toBe(true);
      expect(fm.draft, file).toBe(false);
      expect(typeof fm.summary, file).toBe('string');
    }
  });

  it('has a plain Markdown file with no front matter that starts with a title', () => {
    const raw = readFileSync(join(dir, 'plain', 'no-front-matter.md'), 'utf8');
    expect(raw).toMatch(/^# \S/);
  });

  it('keeps every other-schema article out of the MINING and sentiment counts', () => {
    const text = ['jekyll/_posts', 'hugo', 'plain'].flatMap((sub) =>
      readdirSync(join(dir, sub)).map((f) => readFileSync(join(dir, sub, f), 'utf8'))).join('\n');
    expect(text).not.toMatch(/mining/i);
    expect(text).not.toMatch(/sentiment/i);
    expect(text).not.toMatch(/decrypt/i);
  });
});

describe('data/NOTICE.txt', () => {
  it('says the corpus is sample data except the seed', () => {
    const notice = readFileSync(join(dataDir, 'NOTICE.txt'), 'utf8');
    expect(notice).toContain('SAMPLE DATA');
    expect(notice).toContain('fictional');
    expect(notice).toContain('bitfarms-wind-down.md');
  });
});
