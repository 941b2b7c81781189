import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { formatStamp, headerLines, sentimentLabel } from '../../../src/core/render/article-header.js';
import { lineText, lineWidth } from '../../../src/core/render/spans.js';
import { makeArticle } from '../../helpers/make-article.js';

const published = Date.UTC(2025, 10, 14, 2, 13);

describe('headerLines', () => {
  const article = makeArticle({ title: 'Bitfarms winds down', source: 'Decrypt', publishedAt: published, tags: ['BTC', 'MINING'], sentiment: 'NEGATIVE' });

  it('shows title, source, dates, tags and sentiment, then a rule', () => {
    const rows = headerLines(article, 80, published + 3 * 3_600_000).map(lineText);
    expect(rows[0]).toBe('Bitfarms winds down');
    expect(rows[1]).toBe(`Decrypt · ${format(published, 'yyyy-MM-dd HH:mm')} · 3h ago`);
    expect(rows[2]).toBe('#BTC #MINING · ▼\u00a0NEGATIVE');
    expect(rows[3]).toBe('─'.repeat(80));
  });

  it('gives every recent age the same way: minutes, hours, days, and just now', () => {
    // Found by a tester: 27 minutes showed no age while an hour showed `1h ago` (the list writes minutes `27min`).
    const ageOf = (ms: number) => lineText(headerLines(article, 80, published + ms)[1]).split(' · ').slice(2).join(' · ');
    expect([ageOf(20_000), ageOf(27 * 60_000), ageOf(3_600_000), ageOf(4 * 86_400_000), ageOf(30 * 86_400_000)]).toEqual(['just now', '27min ago', '1h ago', '4d ago', '']);
  });

  it('titles an untitled article by its path, control bytes shown as pictures, not dropped', () => {
    const untitled = makeArticle({ title: '', relPath: 'x/name-\x1b[31mred.md' });
    expect(lineText(headerLines(untitled, 80, published)[0])).toBe('x/name-␛[31mred.md');
  });

  it('has a height that does not depend on the clock, and fits narrow widths', () => {
    const long = makeArticle({ ...article, title: '日本語のタイトル 🚀 '.repeat(5), updatedAt: published + 1000 * 3_600_000, draft: true });
    const a = headerLines(long, 20, published + 60_000);
    const b = headerLines(long, 20, published + 400 * 86_400_000);
    expect(a.length).toBe(b.length);
    for (const l of [...a, ...b]) expect(lineWidth(l)).toBeLessThanOrEqual(20);
  });
});

describe('the source and dates row in a narrow pane', () => {
  it('wraps it, never cuts it: the source and the day on the first row, every piece there', () => {
    const updated = published + 5 * 3_600_000;
    const a = makeArticle({ source: 'The Block', publishedAt: published, updatedAt: updated, draft: true });
    const stamp = (ms: number): string => format(ms, 'yyyy-MM-dd HH:mm');
    const rows = headerLines(a, 30, published + 60_000).map(lineText);
    const meta = rows.slice(1, rows.indexOf('─'.repeat(30)));
    expect(meta.length).toBeGreaterThan(1);
    for (const r of meta) expect(r).not.toContain('…');
    expect(meta[0].startsWith(`The\u00a0Block · ${stamp(published).slice(0, 10)}`)).toBe(true);
    const text = meta.join(' ').replace(/\u00a0/g, ' ');
    for (const piece of ['The Block', stamp(published), `updated ${stamp(updated)}`, 'DRAFT']) expect(text).toContain(piece);
    // The age is left out where the row is wrapped: the height is the clock's to change otherwise.
    expect(headerLines(a, 30, published + 60_000).length).toBe(headerLines(a, 30, published + 400 * 86_400_000).length);
  });
});

describe('publication window marks', () => {
  const stamp = (ms: number): string => format(ms, 'yyyy-MM-dd HH:mm');
  it('says SCHEDULED before its publish date and EXPIRED after its expiry, right after the source, and when each comes', () => {
    const at = published + 3_600_000;
    const scheduled = makeArticle({ publishedAt: published, scheduledAt: published + 86_400_000, source: 'Decrypt' });
    expect(lineText(headerLines(scheduled, 120, at)[1])).toBe(`Decrypt · SCHEDULED · ${stamp(published)} · 1h ago · publishes ${stamp(published + 86_400_000)}`);
    const ahead = makeArticle({ publishedAt: published, source: 'Decrypt' });
    expect(lineText(headerLines(ahead, 120, published - 60_000)[1])).toBe(`Decrypt · SCHEDULED · ${stamp(published)}`);
    const expiring = makeArticle({ publishedAt: published, expiresAt: published + 7_200_000, source: 'Decrypt' });
    expect(lineText(headerLines(expiring, 120, at)[1])).toBe(`Decrypt · ${stamp(published)} · 1h ago · expires ${stamp(published + 7_200_000)}`);
    const row = lineText(headerLines(expiring, 120, published + 7_200_000)[1]);
    expect(row).toBe(`Decrypt · EXPIRED · ${stamp(published)} · 2h ago · expired ${stamp(published + 7_200_000)}`);
    expect(lineText(headerLines(makeArticle({ publishedAt: published }), 120, at)[1])).not.toMatch(/SCHEDULED|EXPIRED|expire/);
  });
});

describe('header helpers', () => {
  it.each([
    ['POSITIVE', '▲ POSITIVE'],
    ['negative', '▼ negative'],
    ['Neutral', '● Neutral'],
    ['bullish', '▲ bullish'],
    ['', null],
    [null, null],
  ])('sentimentLabel(%j)', (input, expected) => {
    expect(sentimentLabel(input)).toBe(expected);
  });

  it.each([[null], [Number.NaN], [1e20]])('formatStamp(%j) is null', (ms) => {
    expect(formatStamp(ms)).toBeNull();
  });
});
