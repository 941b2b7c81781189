// The pulse of any set of article ids from the corpus's precomputed facts (facts.ts): the same
// counts as pulse/'s pulseOf gives for those articles, as a loop over integer codes,
// so the dashboard can count every match of a query at 100k articles in milliseconds.
import { dateGuessed, NO_DAY, SENTIMENT_CODES, type FacetName, type Facts } from './facts.js';
import { dayCounts, TOP_N, type FacetCount, type Pulse } from '../pulse/index.js';
import { compareLabels } from '../text/index.js';

// The `n` biggest counts, ties by label: the order count.ts's top() gives. Only the candidates
// at or above the n-th biggest count are sorted with the label comparison.
function top(counts: Int32Array, names: readonly FacetName[], n: number): FacetCount[] {
  const nonZero = counts.filter((c) => c > 0).sort();
  if (nonZero.length === 0 || n <= 0) return [];
  const floor = nonZero[Math.max(0, nonZero.length - n)];
  const out: FacetCount[] = [];
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] >= floor) out.push({ value: names[code].value, label: names[code].label, count: counts[code] });
  }
  return out.sort((a, b) => b.count - a.count || compareLabels(a.label, b.label)).slice(0, n);
}

// An Int32Array of at least `n` entries holding `a`'s counts (the facts' names grow while a first computation runs).
function atLeast(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const grown = new Int32Array(Math.max(n, a.length * 2));
  grown.set(a);
  return grown;
}

/**
 * A pulse's counts, added to a range of articles at a time: while a first computation lays out
 * more articles every few seconds, the same result's count adds only the articles done since
 * (facts-engine.ts), instead of counting every one of a million ids again.
 */
export class PulseTally {
  private readonly sentiment = new Int32Array(4);
  private sources = new Int32Array(0);
  private tags = new Int32Array(0);
  private coins = new Int32Array(0);
  private readonly perDay = new Map<number, number>();
  private undated = 0;
  private total = 0;

  /** Counts the articles of `ids` whose id is from `from` up to (not including) `to` (<= f.n); other ids are passed over. */
  add(ids: ArrayLike<number>, f: Facts, from = 0, to = f.n): this {
    const sentiment = this.sentiment;
    const sources = (this.sources = atLeast(this.sources, f.sources.length));
    const tags = (this.tags = atLeast(this.tags, f.tags.length));
    const coins = (this.coins = atLeast(this.coins, f.coins.length));
    const perDay = this.perDay;
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      if (i < from || i >= to) continue;
      this.total++;
      sentiment[f.sentiment[i]]++;
      const d = f.day[i];
      // A date that is only the file's time is not counted by day (pulse/count.ts says why).
      if (d !== NO_DAY && !dateGuessed(f, i)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
      else this.undated++;
      sources[f.source[i]]++;
      for (let t = f.tagStart[i]; t < f.tagStart[i + 1]; t++) tags[f.tagIds[t]]++;
      for (let c = f.coinStart[i]; c < f.coinStart[i + 1]; c++) coins[f.coinIds[c]]++;
    }
    return this;
  }

  /** The pulse of what was added (names from `f`, which holds every article added); facets keep the `topN` biggest entries. */
  pulse(f: Facts, topN = TOP_N): Pulse {
    const { days, earlier, unit } = dayCounts(this.perDay);
    const [positive, neutral, negative, none] = SENTIMENT_CODES.map((_, code) => this.sentiment[code]);
    const coinNames = f.coins.map((c) => ({ value: c, label: c }));
    return {
      total: this.total,
      sentiment: { positive, neutral, negative, none },
      days,
      unit,
      undated: this.undated,
      earlier,
      sources: top(this.sources.subarray(0, f.sources.length), f.sources, topN),
      tags: top(this.tags.subarray(0, f.tags.length), f.tags, topN),
      coins: top(this.coins.subarray(0, f.coins.length), coinNames, topN),
    };
  }
}

/**
 * How many stories the articles `ids` belong to (ids >= f.n left out): the rows a list of them
 * folds into, for the list's title (one pass over the ids on the facts worker, beside the pulse).
 */
export function storiesOf(ids: ArrayLike<number>, f: Facts): number {
  let n = 0;
  let seen: Uint8Array | null = null;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if (i >= f.n) continue;
    if (f.size[i] <= 1) {
      n++;
      continue;
    }
    seen ??= new Uint8Array(f.n);
    const s = f.story[i];
    if (seen[s] === 0) {
      seen[s] = 1;
      n++;
    }
  }
  return n;
}

/** The pulse of the articles `ids` (ids of `facts`' corpus; ids >= f.n are left out); facets keep the `topN` biggest entries. */
export function pulseOfFacts(ids: ArrayLike<number>, f: Facts, topN = TOP_N): Pulse {
  return new PulseTally().add(ids, f).pulse(f, topN);
}
