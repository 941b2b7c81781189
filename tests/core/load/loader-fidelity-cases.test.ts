// A tester's loader cases of issue 8 ("fields as the author wrote them", "dates people actually
// write"), copied to tests/fixtures/cases/loader-more with further files of each kind, through the
// real loader and search index, uncached and from the on-disk index: what the fixtures README says.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLoader, type Loaded } from './fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../fixtures/cases'));

const files = (l: Loaded, query: string, includeDrafts = false): string[] =>
  l.index.search(query, { includeDrafts }).hits.map((h) => path.basename(l.index.article(h.id).path)).sort();
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const reasons = (l: Loaded): string[] => l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`).sort();

describe('status: draft', () => {
  const drafts = ['capital-status.md', 'decap-pending-review.md', 'ghost-draft.md', 'pelican-status.md', 'toml-status.md', 'wp-auto-draft.md', 'wp-pending.md', 'wp-private.md'];
  const listed = ['status-live.md', 'status-published.md', 'wp-future.md'];

  it.each([false, true])('the statuses that keep a post from readers are drafts: hidden, listed with --drafts, found by is:draft (cached: %s)', async (cached) => {
    if (cached) await load('loader-more/status-drafts', true);
    const l = await load('loader-more/status-drafts', cached);
    expect(l.warnings).toEqual([]);
    expect(files(l, '')).toEqual(listed);
    expect(files(l, 'is:draft', true)).toEqual(drafts);
    // A scheduled status is timed by its date, as any article dated ahead is: outside the window until 2099.
    expect(files(l, '', true)).toEqual([...drafts, ...listed, 'scheduled-ahead.md'].sort());
    expect(l.byFile['scheduled-ahead.md'].draft).toBe(false);
  });
});

describe('draft: 1 and draft: 0', () => {
  it('are a draft and not one, in YAML, TOML and JSON front matter, as Hugo casts them', async () => {
    const l = await load('loader-more/draft-numbers');
    expect(files(l, 'is:draft', true)).toEqual(['draft-1.md', 'toml-draft-1.md']);
    expect(files(l, '')).toEqual(['draft-0.md', 'json-draft-0.md']);
  });
});

describe('Obsidian Linter timestamps', () => {
  it('`date created` and `created` are the date, `date modified` and `last modified` the update, in the Linter\'s spellings', async () => {
    const l = await load('loader-more/linter-timestamps');
    expect(l.warnings).toEqual([]);
    const dates = Object.fromEntries(l.articles.map((a) => [path.basename(a.path), [iso(a.publishedAt), iso(a.updatedAt), a.dateGuessed]]));
    expect(dates).toEqual({
      'linter-keys.md': ['2025-07-21T07:07:34.000Z', '2025-07-22T07:49:18.000Z', false],
      'linter-keys-dotted-day.md': ['2025-12-08T11:12:00.000Z', '2025-12-08T11:12:00.000Z', false],
      'last-modified.md': ['2024-03-11T17:05:00.000Z', '2024-03-12T17:05:00.000Z', false],
      'created-linter-format.md': ['2025-07-21T07:07:34.000Z', null, false],
      'obsidian-date-created.md': ['2025-11-04T10:30:00.000Z', '2025-11-05T08:00:00.000Z', false],
      'linter-march-date.md': ['2024-03-11T17:05:00.000Z', null, false],
      'linter-pm-date.md': ['2026-10-05T21:57:11.000Z', null, false],
    });
  });
});

describe('the day\'s dot before an English month', () => {
  it('reads for every month (January, February, March, June, July and October were not understood)', async () => {
    const l = await load('loader-more/day-dot-months');
    expect(l.warnings).toEqual([]);
    const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
    expect(months.map((m) => iso(l.byFile[`dot-${m}.md`].publishedAt))).toEqual(months.map((_m, i) => `2024-${String(i + 1).padStart(2, '0')}-08T00:00:00.000Z`));
    expect(['dot-mar.md', 'dot-maerz.md', 'dot-march-again.md', 'no-dot-march.md', 'weekday-march.md'].map((f) => iso(l.byFile[f].publishedAt))).toEqual(Array(5).fill('2024-03-08T00:00:00.000Z'));
    expect(iso(l.byFile['dot-sept.md'].publishedAt)).toBe('2024-09-08T00:00:00.000Z');
    expect(iso(l.byFile['weekday-dot-march-time.md'].publishedAt)).toBe('2024-03-11T11:05:00.000Z');
    expect(iso(l.byFile['dot-march-time.md'].publishedAt)).toBe('2024-03-11T17:05:00.000Z');
  });
});

describe('more date forms', () => {
  it('read as the times they are; a two-digit year in an order the value does not settle warns as before', async () => {
    const l = await load('loader-more/more-date-forms');
    expect(reasons(l)).toEqual(['two-digit-year-ambiguous.md: date "11/4/25" not understood; using the file\'s time']);
    expect(l.byFile['two-digit-year-ambiguous.md'].notes).toEqual(['date guessed from file time: "11/4/25" could be 11 April 2025 or 4 November 2025']);
    const at = (f: string): [string | null, boolean] => [iso(l.byFile[f].publishedAt), l.byFile[f].calendarDates !== 0];
    expect(Object.fromEntries(l.articles.filter((a) => !a.dateGuessed).map((a) => [path.basename(a.path), at(path.basename(a.path))]))).toEqual({
      'two-digit-year.md': ['2025-11-14T00:00:00.000Z', true],
      'month-only.md': ['2025-11-01T00:00:00.000Z', true],
      'month-name-only.md': ['2025-11-01T00:00:00.000Z', true],
      'iso-week.md': ['2025-11-04T00:00:00.000Z', true],
      'time-first.md': ['2025-11-04T10:30:00.000Z', false],
      'iso-comma-time.md': ['2024-03-11T17:05:00.000Z', false],
      'go-time-string-est.md': ['2025-11-04T15:30:00.000Z', false],
      'go-time-string-utc.md': ['2025-11-04T10:30:00.000Z', false],
      'rfc-850.md': ['2025-11-04T10:30:00.000Z', false],
      'unix-date.md': ['2025-11-04T10:30:00.000Z', false],
      'us-eastern-et.md': ['2025-11-04T15:30:00.000Z', false],
      'us-pacific-summer.md': ['2025-07-15T16:00:00.000Z', false],
      'iana-zone.md': ['2025-11-04T09:30:00.000Z', false],
      'rfc-9557.md': ['2025-11-04T01:30:00.000Z', false],
    });
  });
});

describe('JSON front matter numbers', () => {
  it.each([false, true])('keep their text in text fields, as YAML and TOML do; dates and scores still read (cached: %s)', async (cached) => {
    if (cached) await load('loader-more/json-numbers', true);
    const l = await load('loader-more/json-numbers', cached);
    expect(l.warnings).toEqual([]);
    expect(l.byFile['hugo-json.md']).toMatchObject({ title: '1.50', tags: ['2.10', 'x'] });
    expect(l.byFile['eleventy-json.md'].title).toBe('3.10');
    expect(l.byFile['semicolon-json.md']).toMatchObject({ description: '1.50', tags: ['2.10', '3.0', 'layer-2'], categories: ['1e3'], score: 0.7 });
    expect(iso(l.byFile['semicolon-json.md'].publishedAt)).toBe('2025-11-04T10:30:00.000Z');
    expect(files(l, 'tag:2.10')).toEqual(['hugo-json.md', 'semicolon-json.md']);
  });
});
