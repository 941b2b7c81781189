// The pulse: the shape of a set of articles at a glance. Sentiment split, articles per day, and
// the top sources, tags and coins with counts. Pure: articles in, counts out; the strip
// (ui/pulse/PulseStrip.tsx) and `--stats` (format.ts) draw it.
import type { Article } from '../article.js';
import { coinSymbols } from '../coins/index.js';
import { canonicalSentiment } from '../search/index.js';
import { compareLabels } from '../text/index.js';

/** One facet value and how many articles have it. */
export interface FacetCount {
  /** What a query term needs (`decrypt` for source:, `mining` for tag:, `BTC` for coin:). */
  value: string;
  /** How it is shown (`Decrypt`, `MINING`, `BTC`). */
  label: string;
  count: number;
}

/** Counts over a set of articles. */
export interface Pulse {
  total: number;
  sentiment: { positive: number; neutral: number; negative: number; none: number };
  /**
   * Articles per UTC day (or per `unit`), every one from the first to the last (at most MAX_DAYS, the newest).
   * Only articles with a date of their own: one dated by its file's time (`dateGuessed`: a copy
   * or checkout gives every file today's time) would put a spike on the day the files were copied.
   */
  days: Array<{ day: string; count: number }>;
  /** What each of `days` spans (`day` its first day): days, or weeks or months when the period is too long for its newest MAX_DAYS days to hold half of it (dayCounts). */
  unit: DayUnit;
  /** Articles left out of `days`: no date, or only the file's time (`dateGuessed`; issue "Fidelity"). */
  undated: number;
  /** Dated articles before the first of `days` (a period longer than MAX_DAYS), so `days`, `earlier` and `undated` add up to `total`. */
  earlier: number;
  sources: FacetCount[];
  tags: FacetCount[];
  coins: FacetCount[];
  /**
   * Set when counted while the folder's facts are still being computed the first time: the
   * counts are of the matches among the first `done` of its `n` articles only (each a lower
   * bound of the whole's; `total` is how many matches were counted).
   */
  partial?: { done: number; n: number };
}

/** Most days the per-day counts cover (the newest ones). */
export const MAX_DAYS = 90;
/** Entries kept per facet. */
export const TOP_N = 10;
const DAY = 86_400_000;

function top(counts: Map<string, FacetCount>, n: number): FacetCount[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || compareLabels(a.label, b.label)).slice(0, n);
}

function bump(counts: Map<string, FacetCount>, value: string, label: string): void {
  const c = counts.get(value);
  if (c) c.count++;
  else counts.set(value, { value, label, count: 1 });
}

/** The span of each of Pulse.days: a UTC day, a week (Monday to Sunday, as ISO 8601 weeks), or a calendar month. */
export type DayUnit = 'day' | 'week' | 'month';

// The first day (days since the epoch) of the `unit` holding `day`, and of the one after it.
// 1970-01-01, day 0, was a Thursday: the Monday of its week is day -3.
function unitStart(day: number, unit: DayUnit): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((day + 3) % 7 + 7) % 7;
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
}
function unitAfter(start: number, unit: DayUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const d = new Date(start * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
}

// The counts of `perDay` by `unit` over the newest MAX_DAYS units, from the first holding any
// article; `earlier` counts the articles before them.
function countsBy(perDay: ReadonlyMap<number, number>, last: number, unit: DayUnit): Pick<Pulse, 'days' | 'earlier' | 'unit'> {
  const lastStart = unitStart(last, unit);
  // The newest MAX_DAYS units begin at `floor`.
  let floor = lastStart;
  for (let k = 1; k < MAX_DAYS; k++) floor = unitStart(floor - 1, unit);
  const counts = new Map<number, number>();
  let earlier = 0;
  let first = lastStart;
  for (const [d, n] of perDay) {
    if (d < floor) {
      earlier += n;
      continue;
    }
    const start = unitStart(d, unit);
    counts.set(start, (counts.get(start) ?? 0) + n);
    if (start < first) first = start;
  }
  const days: Pulse['days'] = [];
  for (let d = first; d <= lastStart; d = unitAfter(d, unit)) days.push({ day: new Date(d * DAY).toISOString().slice(0, 10), count: counts.get(d) ?? 0 });
  return { days, earlier, unit };
}

/**
 * Pulse.days from counts per day code (days since the epoch), and how many fall before them: by
 * day, or, when the newest MAX_DAYS days hold fewer than half the dated articles (a result spread
 * over a year: found by a tester, the strip and `--stats` showed one day's bar of 8 matches and
 * `earlier: 7`), by week, else by month.
 */
export function dayCounts(perDay: ReadonlyMap<number, number>): Pick<Pulse, 'days' | 'earlier' | 'unit'> {
  if (perDay.size === 0) return { days: [], earlier: 0, unit: 'day' };
  let last = -Infinity;
  let dated = 0;
  for (const [d, n] of perDay) {
    if (d > last) last = d;
    dated += n;
  }
  let counted = countsBy(perDay, last, 'day');
  for (const unit of ['week', 'month'] as const) {
    if (counted.earlier * 2 <= dated) break;
    counted = countsBy(perDay, last, unit);
  }
  return counted;
}

/** The pulse of `articles`; facets keep the `topN` biggest entries. */
export function pulseOf(articles: Iterable<Article>, topN = TOP_N): Pulse {
  const sentiment = { positive: 0, neutral: 0, negative: 0, none: 0 };
  const perDay = new Map<number, number>();
  const sources = new Map<string, FacetCount>();
  const tags = new Map<string, FacetCount>();
  const coins = new Map<string, FacetCount>();
  let total = 0;
  let undated = 0;
  for (const a of articles) {
    total++;
    const s = canonicalSentiment(a.sentiment);
    sentiment[s ?? 'none']++;
    if (a.publishedAt !== null && !a.dateGuessed) {
      const day = Math.floor(a.publishedAt / DAY);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    } else undated++;
    bump(sources, a.sourceKey, a.source);
    for (const t of new Set(a.tags.map((x) => x.toLowerCase()))) bump(tags, t, a.tags.find((x) => x.toLowerCase() === t) ?? t);
    for (const c of coinSymbols(a)) bump(coins, c, c);
  }
  const { days, earlier, unit } = dayCounts(perDay);
  return { total, sentiment, days, unit, undated, earlier, sources: top(sources, topN), tags: top(tags, topN), coins: top(coins, topN) };
}
