// Org's `#+KEY:` header, Org timestamps as dates, and metadata lines that run straight into the
// article's heading, Nikola's metadata comment: each read as front matter, and what only looks like
// them left as body.
import { describe, expect, it } from 'vitest';
import { readUndelimitedHeader } from '../../../../src/core/load/front-matter/index.js';
import { readMetadataLines } from '../../../../src/core/load/front-matter/metadata-lines.js';
import { readOrgKeywords } from '../../../../src/core/load/front-matter/org-keywords.js';
import { readNikolaMetadata } from '../../../../src/core/load/front-matter/nikola-metadata.js';
import { parseDate } from '../../../../src/core/load/dates/dates.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('metadata lines ended by a heading', () => {
  it('`Author:` and `Date:` lines then `# Title` with no blank line: the lines are data, the heading starts the body', () => {
    const r = readMetadataLines('Author: Ana Lima\nDate: 2025-11-18 09:45\n# Stablecoin Bill Clears\n\nBody.\n');
    expect({ ...r!.data }).toEqual({ author: 'Ana Lima', date: '2025-11-18 09:45' });
    expect(r!.body).toBe('# Stablecoin Bill Clears\n\nBody.\n');
    expect(readMetadataLines('Title: T\r\nDate: someday\r\n## Part\r\nx')!.body).toBe('## Part\r\nx');
  });
  it('stays body: a lone `Word: text` line, a date that does not read, a `#tag` line, no title nor date', () => {
    expect(readMetadataLines('Update: withdrawals are back.\n## What happened\n\nx')).toBeNull();
    expect(readMetadataLines('Date: the SEC will decide on Friday\n# Heading\n')).toBeNull();
    expect(readMetadataLines('Title: T\n#bitcoin is up\n')).toBeNull();
    expect(readMetadataLines('Author: Ana\n# Heading\n')).toBeNull();
  });
});

describe("Org's keywords", () => {
  it('reads #+TITLE, #+AUTHOR, #+DATE, #+FILETAGS and cuts them from the body', () => {
    const r = readOrgKeywords('#+TITLE: Yields Slip\n#+AUTHOR: Ana Lima\n#+DATE: <2025-11-20 Thu 10:00>\n#+FILETAGS: :eth:staking:\n#+OPTIONS: toc:nil\n\nBody.\n');
    expect({ ...r!.data }).toEqual({ title: 'Yields Slip', author: 'Ana Lima', date: '<2025-11-20 Thu 10:00>', tags: ['eth', 'staking'], options: 'toc:nil' });
    expect(r!.body).toBe('Body.\n');
    expect(readUndelimitedHeader('#+title: lower case\nBody right after.')?.body).toBe('Body right after.');
  });
  it("takes ox-hugo's tags and categories and several authors", () => {
    const r = readOrgKeywords('#+TITLE: T\n#+HUGO_TAGS: btc etf\n#+HUGO_CATEGORIES: markets\n#+AUTHOR: Ana Lima, Jo Roe\n\nx');
    expect({ ...r!.data }).toMatchObject({ tags: ['btc', 'etf'], categories: ['markets'], author: ['Ana Lima', 'Jo Roe'] });
  });
  it('is none: no title nor date, an Org block first, not at the top, a heading', () => {
    expect(readOrgKeywords('#+OPTIONS: toc:nil\n\nx')).toBeNull();
    expect(readOrgKeywords('#+begin_quote\nq\n#+end_quote\n')).toBeNull();
    expect(readOrgKeywords('\n#+TITLE: T\n')).toBeNull();
    expect(readOrgKeywords('# Title\n')).toBeNull();
    expect(readOrgKeywords('#+__proto__: x\n#+TITLE: T\n')).toBeNull();
  });
});

describe('Org timestamps as dates', () => {
  it('active and inactive, with a day name, a time, a time range, a repeater, a range', () => {
    expect(iso(parseDate('<2025-11-04 Tue>'))).toBe('2025-11-04T00:00:00.000Z');
    expect(iso(parseDate('[2025-11-04 Tue 10:30]'))).toBe('2025-11-04T10:30:00.000Z');
    expect(iso(parseDate('<2025-11-04 Di. 9:05-11:30>'))).toBe('2025-11-04T09:05:00.000Z');
    expect(iso(parseDate('<2025-11-04 Tue +1w>'))).toBe('2025-11-04T00:00:00.000Z');
    expect(iso(parseDate('<2025-11-04 Tue 10:00 .+1d/3d>'))).toBe('2025-11-04T10:00:00.000Z');
    expect(iso(parseDate('<2025-11-04 Tue>--<2025-11-06 Thu>'))).toBe('2025-11-04T00:00:00.000Z');
    expect(iso(parseDate('[2025-11-04]'))).toBe('2025-11-04T00:00:00.000Z');
  });
  it('an inactive one unquoted in YAML (a list of one string) is the date; other lists and bad dates are not', () => {
    expect(iso(parseDate(['2025-11-22 Sat 08:15']))).toBe('2025-11-22T08:15:00.000Z');
    expect(parseDate(['2025-11-22', '2025-11-23'])).toBeNull();
    expect(parseDate(['2025-11-22'])).toBeNull();
    expect(parseDate(['bitcoin'])).toBeNull();
    expect(parseDate('<2025-13-04 Tue>')).toBeNull();
    expect(parseDate('<2025-11-04 Tue')).toBeNull();
    expect(parseDate('<b>2025-11-04</b>')).toBeNull();
  });
});

describe("Logseq's page properties", () => {
  it('`key:: value` lines up to a blank line or the first block; page references are their names', () => {
    const r = readMetadataLines('title:: Lightning\ntags:: [[ln]], bitcoin\ndate:: [[Nov 4th, 2025]]\n- first block\n');
    expect({ ...r!.data }).toEqual({ title: 'Lightning', tags: 'ln, bitcoin', date: 'Nov 4th, 2025' });
    expect(r!.body).toBe('- first block\n');
    expect(readMetadataLines('alias:: Aave\n\nProse.')!.body).toBe('Prose.');
  });
  it('is none: one line of a name Logseq does not write above prose; a block that starts with one colon is read by the older rules', () => {
    expect(readMetadataLines('Note:: read this first.\n\nProse.')).toBeNull();
    expect(readMetadataLines('Title: T\nNote:: x\n\nProse.')!.data.note).toBe('x');
  });
});

describe("Nikola's metadata comment", () => {
  const post = '<!--\n.. title: Ether ETF Flows Turn Positive\n.. slug: ether-etf-flows\n.. date: 2025-11-19 08:30:00 UTC\n.. tags: ethereum, etf\n.. category: markets\n.. link: \n.. description: Flows turned positive.\n.. author: Lena Ortiz\n-->\n\nSpot ether funds took in money.\n';

  it('reads its `.. key: value` lines (empty ones left out, tags split) and cuts the comment from the body', () => {
    const r = readNikolaMetadata(post);
    expect({ ...r!.data }).toEqual({ title: 'Ether ETF Flows Turn Positive', slug: 'ether-etf-flows', date: '2025-11-19 08:30:00 UTC', tags: ['ethereum', 'etf'], category: 'markets', description: 'Flows turned positive.', author: 'Lena Ortiz' });
    expect(r!.body).toBe('Spot ether funds took in money.\n');
    expect(readUndelimitedHeader(post.replace(/\n/g, '\r\n'))!.body).toBe('Spot ether funds took in money.\r\n');
    expect(iso(parseDate('2025-11-19 08:30:00 UTC'))).toBe('2025-11-19T08:30:00.000Z');
  });

  it('stays body: an ordinary comment, one with no title nor date, one never closed, a field after prose', () => {
    expect(readNikolaMetadata('<!-- TODO: add the chart -->\n\nBody.\n')).toBeNull();
    expect(readNikolaMetadata('<!--\n.. slug: x\n-->\nBody.\n')).toBeNull();
    expect(readNikolaMetadata('<!--\n.. title: T\n\nBody never closes it.\n')).toBeNull();
    expect(readNikolaMetadata('<!--\nEditor note\n.. title: T\n-->\n')).toBeNull();
    expect(readNikolaMetadata('<!--\n.. __proto__: x\n.. title: T\n-->\n')).toBeNull();
  });
});
