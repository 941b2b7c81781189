// The pulse of any set of article ids from the corpus's precomputed facts (facts.ts): the same
// counts as pulse/'s pulseOf gives for those articles, as a loop over integer codes,
// so the dashboard can count every match of a query at 100k articles in milliseconds.
import { dateGuessed, NO_DAY, SENTIMENT_CODES, type FacetName, type Facts } from './facts.js';
import { dayCounts, TOP_N, type FacetCount, type Pulse } from '../pulse/index.js';

// The `n` biggest counts, ties by label: the order count.ts's top() gives. Only the candidates
// at or above the n-th biggest count are sorted with the (slow) label comparison.
function top(counts: Int32Array, names: readonly FacetName[], n: number): FacetCount[] {
  const nonZero = counts.filter((c) => c > 0).sort();
  if (nonZero.length === 0 || n <= 0) return [];
  const floor = nonZero[Math.max(0, nonZero.length - n)];
  const out: FacetCount[] = [];
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] >= floor) out.push({ value: names[code].value, label: names[code].label, count: counts[code] });
  }
  return out.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, n);
}

/** The pulse of the articles `ids` (ids of `facts`' corpus); facets keep the `topN` biggest entries. */
export function pulseOfFacts(ids: ArrayLike<number>, f: Facts, topN = TOP_N): Pulse {
  const sentiment = new Int32Array(4);
  const sources = new Int32Array(f.sources.length);
  const tags = new Int32Array(f.tags.length);
  const coins = new Int32Array(f.coins.length);
  const perDay = new Map<number, number>();
  let undated = 0;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    sentiment[f.sentiment[i]]++;
    const d = f.day[i];
    // A date that is only the file's time is not counted by day (pulse/count.ts says why).
    if (d !== NO_DAY && !dateGuessed(f, i)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    else undated++;
    sources[f.source[i]]++;
    for (let t = f.tagStart[i]; t < f.tagStart[i + 1]; t++) tags[f.tagIds[t]]++;
    for (let c = f.coinStart[i]; c < f.coinStart[i + 1]; c++) coins[f.coinIds[c]]++;
  }
  const { days, earlier } = dayCounts(perDay);
  const [positive, neutral, negative, none] = SENTIMENT_CODES.map((_, code) => sentiment[code]);
  const coinNames = f.coins.map((c) => ({ value: c, label: c }));
  return {
    total: ids.length,
    sentiment: { positive, neutral, negative, none },
    days,
    undated,
    earlier,
    sources: top(sources, f.sources, topN),
    tags: top(tags, f.tags, topN),
    coins: top(coins, coinNames, topN),
  };
}
