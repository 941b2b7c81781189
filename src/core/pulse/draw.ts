// The pulse as characters: a sparkline of counts and a sentiment bar, for the strip and `--stats`.
// Pure; the glyphs carry the meaning without colour (▲ positive, ● neutral, ▼ negative).
import type { Pulse } from './count.js';

const BARS = '▁▂▃▄▅▆▇█';

/** Counts as a sparkline, one character each (the last `width` counts); zero is the lowest bar. */
export function sparkline(counts: readonly number[], width = counts.length): string {
  const shown = counts.slice(Math.max(0, counts.length - Math.max(0, width)));
  const max = Math.max(0, ...shown);
  return shown.map((c) => (max === 0 ? BARS[0] : BARS[Math.min(7, Math.round((c / max) * 7))])).join('');
}

/** Widths (in cells) of the positive, neutral and negative parts of a `width`-cell bar; they sum to `width` unless all are 0. */
export function barWidths(pos: number, neu: number, neg: number, width: number): [number, number, number] {
  const total = pos + neu + neg;
  if (total === 0 || width <= 0) return [0, 0, 0];
  // Largest remainders, so the parts always fill the bar exactly and a non-zero part shows.
  const raw = [pos, neu, neg].map((n) => (n / total) * width);
  const out = raw.map(Math.floor) as [number, number, number];
  let left = width - out[0] - out[1] - out[2];
  const order = [0, 1, 2].sort((a, b) => raw[b] - Math.floor(raw[b]) - (raw[a] - Math.floor(raw[a])));
  for (const i of order) if (left > 0) { out[i]++; left--; }
  return out;
}

/** The pulse as text for `--stats`: one fact per line, for scripts and cron mails. */
export function pulseText(p: Pulse): string {
  const facet = (name: string, list: Pulse['sources']): string =>
    `${name}: ${list.length ? list.map((f) => `${f.label} ${f.count}`).join(', ') : '-'}`;
  const lines = [
    `articles: ${p.total}`,
    `sentiment: positive ${p.sentiment.positive}, neutral ${p.sentiment.neutral}, negative ${p.sentiment.negative}, none ${p.sentiment.none}`,
    facet('sources', p.sources),
    facet('tags', p.tags),
    facet('coins', p.coins),
    // Like the facets' `-`: a line never ends in a space (scripts compare lines).
    p.days.length ? `per ${p.unit} (${p.days[0].day} to ${p.days[p.days.length - 1].day}): ${sparkline(p.days.map((d) => d.count))}` : 'per day: -',
    ...p.days.filter((d) => d.count > 0).map((d) => `  ${d.day} ${d.count}`),
    // Shown apart, so that with the days above they add up to `articles`.
    ...(p.earlier > 0 ? [`earlier: ${p.earlier} (before ${p.days[0].day})`] : []),
    ...(p.undated > 0 ? [`not counted by day: ${p.undated} (no date, or only the file's time)`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The pulse as one JSON-ready object for `--stats --print json`. */
export function pulseJson(p: Pulse): Record<string, unknown> {
  const facet = (list: Pulse['sources']) => list.map((f) => ({ value: f.value, label: f.label, count: f.count }));
  return { total: p.total, sentiment: p.sentiment, days: p.days, unit: p.unit, earlier: p.earlier, undated: p.undated, sources: facet(p.sources), tags: facet(p.tags), coins: facet(p.coins) };
}
