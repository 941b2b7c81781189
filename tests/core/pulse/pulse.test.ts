import { describe, expect, it } from 'vitest';
import { barWidths, MAX_DAYS, pulseJson, pulseOf, pulseText, sparkline } from '../../../src/core/pulse/index.js';
import { computeFacts } from '../../../src/core/stories/facts-builder.js';
import { factsInput, pulseOfFacts } from '../../../src/core/stories/index.js';
import { makeCorpus } from '../../helpers/make-article.js';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 10, 9);
const corpus = makeCorpus([
  { sentiment: 'POSITIVE', publishedAt: T, source: 'Decrypt', sourceKey: 'decrypt', tags: ['MINING', 'BTC'] },
  { sentiment: 'positive', publishedAt: T + 60_000, source: 'Decrypt', sourceKey: 'decrypt', tags: ['mining'] },
  { sentiment: 'NEGATIVE', publishedAt: T + 2 * DAY, source: 'The Block', sourceKey: 'theblock', title: 'Solana halts' },
  { sentiment: null, publishedAt: null, source: 'CoinDesk', sourceKey: 'coindesk' },
]);

describe('pulseOf', () => {
  const p = pulseOf(corpus);
  it('counts sentiments in any case, and articles without one', () => {
    expect(p.total).toBe(4);
    expect(p.sentiment).toEqual({ positive: 2, neutral: 0, negative: 1, none: 1 });
  });
  it('counts articles per day over every day of the period, empty days included', () => {
    expect(p.days).toEqual([
      { day: '2026-11-10', count: 2 },
      { day: '2026-11-11', count: 0 },
      { day: '2026-11-12', count: 1 },
    ]);
  });
  it('ranks sources, tags (case-folded) and coins by count', () => {
    expect(p.sources.map((f) => [f.value, f.count])).toEqual([['decrypt', 2], ['coindesk', 1], ['theblock', 1]]);
    expect(p.tags.map((f) => [f.value, f.count])).toEqual([['mining', 2], ['btc', 1]]);
    expect(p.coins.map((f) => [f.value, f.count])).toEqual([['BTC', 1], ['SOL', 1]]);
  });
  it('prints as text and JSON with the same counts', () => {
    const text = pulseText(p);
    expect(text).toContain('articles: 4');
    expect(text).toContain('sentiment: positive 2, neutral 0, negative 1, none 1');
    expect(text).toContain('sources: Decrypt 2, CoinDesk 1, The Block 1');
    expect(text).toContain('  2026-11-12 1');
    expect(pulseJson(p)).toMatchObject({ total: 4, sentiment: { positive: 2 }, coins: [{ value: 'BTC', count: 1 }, { value: 'SOL', count: 1 }] });
  });
  it('is empty for no articles', () => {
    expect(pulseOf([])).toMatchObject({ total: 0, days: [], sources: [] });
  });
  it('takes a corpus dated over more distinct days than a call takes arguments (no spread of them)', () => {
    // 300k articles, each on a day of its own, the newest on 2026-11-10: over 800 years, so the
    // newest MAX_DAYS months are drawn (November 2026 holds its first ten days) and the rest is earlier.
    const base = { ...corpus[0], tags: [] as string[], coinFields: [] as string[], title: '', description: '' };
    const many = Array.from({ length: 300_000 }, (_, i) => ({ ...base, id: i, publishedAt: T - i * DAY }));
    const p = pulseOf(many);
    expect(p.total).toBe(300_000);
    expect(p.unit).toBe('month');
    expect(p.days).toHaveLength(90);
    expect(p.days[89]).toEqual({ day: '2026-11-01', count: 10 });
    expect(p.days[0].day).toBe('2019-06-01');
    expect(p.days.reduce((n, d) => n + d.count, 0) + p.earlier).toBe(300_000);
  });
});

describe('articles dated only by their file’s time', () => {
  // Two articles whose date could not be read, loaded with their files' time: a checkout or copy
  // gives every such file the same day, which once stood out as the busiest day of the period.
  const guessed = makeCorpus([
    ...corpus.map((a) => ({ ...a })),
    { sentiment: 'neutral', publishedAt: T + 9 * DAY, dateGuessed: true, source: 'Decrypt', sourceKey: 'decrypt' },
    { sentiment: 'neutral', publishedAt: T + 9 * DAY + 60_000, dateGuessed: true, source: 'Decrypt', sourceKey: 'decrypt' },
  ]);
  const p = pulseOf(guessed);
  it('are not counted by day, but apart, with the undated ones', () => {
    expect(p.total).toBe(6);
    expect(p.days).toEqual(pulseOf(corpus).days);
    expect(p.days.reduce((n, d) => n + d.count, 0) + p.undated).toBe(p.total);
    expect(p.undated).toBe(3);
    expect(pulseText(p)).toContain("not counted by day: 3 (no date, or only the file's time)");
    expect(pulseText(p)).not.toContain('2026-11-19');
    expect(pulseJson(p)).toMatchObject({ total: 6, undated: 3 });
  });
  it('of no articles say so line by line, no line ending in a space (scripts compare lines)', () => {
    const text = pulseText(pulseOf([]));
    expect(text.split('\n')).toContain('per day: -');
    for (const line of text.split('\n')) expect(line).not.toMatch(/ $/);
  });
  it('count the same from the precomputed facts the dashboard’s strip uses', () => {
    const facts = computeFacts(guessed.map(factsInput), false);
    expect(pulseOfFacts(guessed.map((a) => a.id), facts)).toEqual(p);
  });
});

describe('a period longer than the days counted', () => {
  // MAX_DAYS + 30 days with one article each: the oldest 30 fall before the days shown.
  const long = makeCorpus(Array.from({ length: MAX_DAYS + 30 }, (_, k) => ({ publishedAt: T - k * DAY })));
  const p = pulseOf(long);
  it('counts the articles before the first day shown apart, so nothing goes uncounted', () => {
    expect(p.days).toHaveLength(MAX_DAYS);
    expect(p.earlier).toBe(30);
    expect(p.days.reduce((n, d) => n + d.count, 0) + p.earlier + p.undated).toBe(p.total);
    expect(pulseText(p)).toContain(`earlier: 30 (before ${p.days[0].day})`);
    expect(pulseJson(p)).toMatchObject({ earlier: 30, undated: 0 });
    expect(pulseOfFacts(long.map((a) => a.id), computeFacts(long.map(factsInput), false))).toEqual(p);
  });
});

// Found by a tester: `-f q --stats` over 8 matches from a year showed `per day (2026-08-27 to
// 2026-08-27): █` and `earlier: 7`, and the strip one bar: the newest 90 days held one of them.
describe('a result spread over more than the newest days can show', () => {
  const monthly = makeCorpus(Array.from({ length: 12 }, (_, k) => ({ publishedAt: Date.UTC(2025, 8 + k, 15, 12) })));
  it('is counted by week when the newest MAX_DAYS weeks hold at least half of it', () => {
    const p = pulseOf(monthly);
    expect(p.unit).toBe('week');
    expect(p.earlier).toBe(0);
    // Weeks from Monday (ISO 8601): 2025-09-15 was a Monday; 2026-08-15 a Saturday, its week from 2026-08-10.
    expect(p.days[0]).toEqual({ day: '2025-09-15', count: 1 });
    expect(p.days.at(-1)).toEqual({ day: '2026-08-10', count: 1 });
    expect(p.days.reduce((n, d) => n + d.count, 0)).toBe(12);
    const text = pulseText(p);
    expect(text).toContain('per week (2025-09-15 to 2026-08-10): ');
    expect(text).not.toContain('earlier');
    expect(pulseJson(p)).toMatchObject({ unit: 'week', earlier: 0 });
    expect(pulseOfFacts(monthly.map((a) => a.id), computeFacts(monthly.map(factsInput), false))).toEqual(p);
  });
  it('by month when even weeks leave more than half before them', () => {
    const yearly = makeCorpus(Array.from({ length: 6 }, (_, k) => ({ publishedAt: Date.UTC(2020 + k, 2, 3) })));
    const p = pulseOf(yearly);
    expect(p.unit).toBe('month');
    expect(p.days[0]).toEqual({ day: '2020-03-01', count: 1 });
    expect(p.days.at(-1)).toEqual({ day: '2025-03-01', count: 1 });
    expect(p.earlier).toBe(0);
  });
  it('by day while the newest days hold half of it or more', () => {
    expect(pulseOf(makeCorpus([{ publishedAt: T }, { publishedAt: T - 200 * DAY }])).unit).toBe('day');
    expect(pulseOf(makeCorpus([{ publishedAt: T }, { publishedAt: T - 200 * DAY }, { publishedAt: T - 300 * DAY }])).unit).toBe('week');
  });
});

describe('drawing', () => {
  it('scales a sparkline to its highest count', () => {
    expect(sparkline([0, 1, 2, 4])).toBe('▁▃▅█');
    expect(sparkline([5, 0, 5], 2)).toBe('▁█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
  it('splits a bar in proportion, filling it exactly', () => {
    expect(barWidths(34, 51, 15, 20)).toEqual([7, 10, 3]);
    expect(barWidths(1, 0, 99, 10).reduce((a, b) => a + b)).toBe(10);
    expect(barWidths(0, 0, 0, 10)).toEqual([0, 0, 0]);
  });
});

describe('coins only as body cashtags (README: the pulse counts the chips\' coins)', () => {
  // The title names BTC; the body's `$DOGE` is what coin:doge and -p json see, not the pulse.
  const both = makeCorpus([{ title: 'Bitcoin miners sell', publishedAt: T, body: 'Traders also bought $DOGE on the news.' }]);
  it('leaves them out the same in pulseOf (--stats) and in the facts worker\'s count', () => {
    const direct = pulseOf(both);
    const counted = pulseOfFacts([0], computeFacts(both.map(factsInput)));
    expect(direct.coins.map((f) => [f.value, f.count])).toEqual([['BTC', 1]]);
    expect(counted.coins).toEqual(direct.coins);
  });
});
