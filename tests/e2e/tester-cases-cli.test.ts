// The tester's files behind the loader's later fixes (tests/fixtures/cases/loader-more: legacy
// one-byte encodings, Jekyll site documents and copied-out posts, front matter after blank
// lines, zone names and 12-hour times, dates other than the publication date) through the built
// CLI with stdout piped: `--print json` gives the same fields with the on-disk index as without
// it (written, then read back), and a date that does not read warns on stderr naming the file,
// the key and the value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ChildResult } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const more = 'tests/fixtures/cases/loader-more';

interface Json {
  path: string; title: string; source: string; categories: string[]; tags: string[]; draft: boolean;
  publishedAt: string | null; dateGuessed: boolean; updatedAt: string | null; scheduledAt: string | null; expiresAt: string | null; body: string;
}

let cache = '';
beforeAll(() => void (cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-tester-cases-'))));
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

function cli(args: string[], cached: boolean): Promise<ChildResult> {
  const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache };
  return runCli(cached ? args : ['--no-cache', ...args], { cwd: repo, env });
}

/** `-f '' -p json --drafts` over `folder`, by file name; `stderr` as its lines, sorted. */
async function json(folder: string, cached: boolean): Promise<{ rows: Record<string, Json>; stderr: string[] }> {
  const r = await cli(['--drafts', '-f', '', '-p', 'json', `${more}/${folder}`], cached);
  expect(r.status, r.stderr).toBe(0);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Json);
  return { rows: Object.fromEntries(rows.map((o) => [path.basename(o.path), o])), stderr: r.stderr.split('\n').filter(Boolean).sort() };
}

/**
 * The folder's rows and warnings without the index, then with it (the run that writes it and one
 * that answers from it); the three must agree. The later runs' `new` marks are left out: reading state,
 * not the file.
 */
async function agreed(folder: string): Promise<{ rows: Record<string, Json>; stderr: string[] }> {
  const plain = await json(folder, false);
  const strip = (o: { rows: Record<string, Json>; stderr: string[] }) => ({
    rows: Object.fromEntries(Object.entries(o.rows).map(([k, v]) => [k, { ...v, new: undefined }])), stderr: o.stderr,
  });
  for (const run of ['writing the index', 'from the index']) expect(strip(await json(folder, true)), `${folder} (${run})`).toEqual(strip(plain));
  return plain;
}

const forRuns = (runs: number): number => runs * 30_000;

describe('the tester\'s loader cases through the CLI', { timeout: 180_000 }, () => {
  it('other-dates: an unreadable or ambiguous lastmod, publishDate or expiryDate warns on stderr, naming the file, the key and the value', async () => {
    const r = await cli(['-f', '', '-p', 'path', `${more}/other-dates`], false);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `${repo}/${more}/other-dates/ambiguous-expiry.md: expiryDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied`,
      `${repo}/${more}/other-dates/ambiguous-lastmod.md: lastmod "03/04/2026" could be 3 April 2026 or 4 March 2026; not applied`,
      `${repo}/${more}/other-dates/ambiguous-publish.md: publishDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied`,
      `${repo}/${more}/other-dates/unreadable-lastmod.md: lastmod "yesterday" not understood; not applied`,
    ]);
    // Not applied: the article is listed as if the field were absent.
    expect(r.stdout).toContain('other-dates/ambiguous-expiry.md\n');
    expect(r.stdout).toContain('other-dates/ambiguous-publish.md\n');
  }, forRuns(1));

  it('other-dates: the same fields and warnings from the on-disk index', async () => {
    const { rows, stderr } = await agreed('other-dates');
    expect(stderr).toHaveLength(4);
    expect(rows['unreadable-lastmod.md']).toMatchObject({ updatedAt: null, publishedAt: '2026-01-05T00:00:00.000Z', dateGuessed: false });
    expect(rows['ambiguous-expiry.md'].expiresAt).toBeNull();
    expect(rows['ambiguous-publish.md'].scheduledAt).toBeNull();
    expect(rows['jekyll-lastmod.md'].updatedAt).toBe('2026-01-06T10:00:00.000Z');
    expect(rows['rfc-expiry.md'].expiresAt).toBe('2027-06-01T00:00:00.000Z');
    expect(rows['written-publish-future.md'].scheduledAt).toBe('2027-03-01T00:00:00.000Z');
  }, forRuns(3));

  it('one-byte-encodings: Windows-1251, KOI8-R, Windows-1250 and Greek files read in their encoding', async () => {
    const { rows, stderr } = await agreed('one-byte-encodings');
    expect(stderr).toEqual([]);
    expect(Object.fromEntries(Object.entries(rows).map(([f, o]) => [f, o.title]))).toEqual({
      'cp1251.md': 'Новости биткоина', 'koi8r.md': 'Новости биткоина', 'cp1250.md': 'Rynek kryptowalut w Łodzi', 'greek.md': 'Ελληνικά νέα',
    });
    expect(rows['cp1251.md']).toMatchObject({ tags: ['рынок'], publishedAt: '2024-08-02T00:00:00.000Z' });
    const byTag = await cli(['-f', 'tag:рынок', '-p', 'title', `${more}/one-byte-encodings`], false);
    expect([byTag.status, byTag.stdout]).toEqual([0, 'Новости биткоина\n']);
  }, forRuns(4));

  it('jekyll-site: a collection passed by name splits its tags string as posts do; the site root reads only posts and drafts', async () => {
    const site = await agreed('jekyll-site');
    expect(Object.keys(site.rows).sort()).toEqual(['2024-01-02-jekyll-offset.md', '2024-12-17-tags-quoted.md', 'a-draft.md']);
    expect(site.rows['2024-12-17-tags-quoted.md']).toMatchObject({ tags: ['etf', 'flows'], categories: ['us markets'], source: 'jekyll-site' });
    expect(site.rows['2024-01-02-jekyll-offset.md']).toMatchObject({ tags: ['halving', 'supply'], categories: ['bitcoin', 'mining'], publishedAt: '2024-01-02T02:04:05.000Z' });
    expect(site.rows['a-draft.md'].draft).toBe(true);
    const collection = await agreed('jekyll-site/_news');
    expect(collection.rows['collection.md']).toMatchObject({ tags: ['etf', 'flows'], categories: ['markets', 'us'], publishedAt: '2024-12-18T10:00:00.000Z' });
  }, forRuns(6));

  it('jekyll-copied: posts copied out of their site (dated name with any Markdown extension, layout) split a tags string; without layout it stays one tag', async () => {
    const { rows, stderr } = await agreed('jekyll-copied');
    expect(stderr).toEqual([]);
    expect(rows['2024-12-17-tags-quoted.md']).toMatchObject({ tags: ['etf', 'flows'], publishedAt: '2024-12-17T00:00:00.000Z' });
    expect(rows['2024-01-02-jekyll-offset.md'].tags).toEqual(['halving', 'supply']);
    expect(rows['2024-03-04-no-date-field.md']).toMatchObject({ title: 'File name date only', publishedAt: '2024-03-04T00:00:00.000Z', dateGuessed: false });
    expect(rows['2024-12-18-no-layout.md'].tags).toEqual(['spot etf']);
    // Every extension the walk reads as Markdown is a post's: `.mdown` and `.mkd` were not.
    expect(rows['2024-12-19-tags-mdown.mdown']).toMatchObject({ tags: ['etf', 'flows'], publishedAt: '2024-12-19T00:00:00.000Z' });
    expect(rows['2024-12-20-tags-mkd.mkd']).toMatchObject({ tags: ['spot', 'market'], publishedAt: '2024-12-20T00:00:00.000Z' });
  }, forRuns(3));

  it('front-matter-edges: front matter after a blank line gives the title and date; a rule after one stays body', async () => {
    const { rows, stderr } = await agreed('front-matter-edges');
    expect(stderr).toEqual([]);
    expect(rows['blank-first.md']).toMatchObject({ title: 'Blank line before front matter', publishedAt: '2024-08-12T00:00:00.000Z', dateGuessed: false, body: '\nBody.\n' });
    expect(rows['no-blank-first.md']).toMatchObject({ title: 'No blank line before front matter', publishedAt: '2024-08-13T00:00:00.000Z' });
    expect(rows['blank-then-rule.md']).toMatchObject({ title: 'blank then rule', dateGuessed: true });
    expect(rows['blank-then-rule.md'].body.startsWith('\n---\n\nStarts with a rule')).toBe(true);
  }, forRuns(3));

  it('zone-names-12-hour: a zone name (EST, PDT) and a 12-hour time read, with no warning', async () => {
    const { rows, stderr } = await agreed('zone-names-12-hour');
    expect(stderr).toEqual([]);
    expect(Object.fromEntries(Object.entries(rows).map(([f, o]) => [f, [o.publishedAt, o.dateGuessed]]))).toEqual({
      'named-tz.md': ['2024-01-02T08:04:05.000Z', false], 'twelve-hour.md': ['2024-01-02T15:04:00.000Z', false],
      'midnight-hour.md': ['2024-01-02T00:30:00.000Z', false], 'pm-with-zone.md': ['2024-07-05T04:15:00.000Z', false],
    });
  }, forRuns(3));
});
