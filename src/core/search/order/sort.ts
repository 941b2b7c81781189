// Orders for the article list. Every comparator is total (ties fall back to date order, then id)
// so a list never reshuffles between keystrokes.

import type { Article } from '../../article.js';
import type { SortKey } from '../query.js';
import { newestFirst } from './date-radix.js';

/** A total order over articles. */
export type Compare = (a: Article, b: Article) => number;

/** Default listing order: sticky first (stickyWeight desc), then newest first, undated last, then id. */
export const compareByDate: Compare = (a, b) => {
  if (a.stickyWeight !== b.stickyWeight) return b.stickyWeight - a.stickyWeight;
  return compareNewest(a, b);
};

/** Newest first, undated last, then id; the tie-break for every other order. */
export const compareNewest: Compare = (a, b) => {
  const pa = a.publishedAt;
  const pb = b.publishedAt;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pb - pa;
  }
  return a.id - b.id;
};

// Base sensitivity ignores case and accents; numeric puts "Top 9" before "Top 10". Made on the
// first title sort: making it loads ICU's collation data, 10-18 ms that every start (a warm
// `--filter`, the dashboard's first frame) paid at module load for an order few runs use.
let collator: Intl.Collator | null = null;

/** The collator of the title order. */
export function titleCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));
}

/** Title order: locale-aware, case-insensitive; equal titles by date. */
export const compareByTitle: Compare = (a, b) => titleCollator().compare(a.title, b.title) || compareByDate(a, b);

/** Score order: highest first, articles without a score last; equal scores by date. */
export const compareByScore: Compare = (a, b) => {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return compareByDate(a, b);
};

/** The comparator for a non-relevance sort key. */
export function comparatorFor(key: Exclude<SortKey, 'relevance'>): Compare {
  return key === 'date' ? compareByDate : key === 'title' ? compareByTitle : compareByScore;
}

/** Merges two id lists that are each sorted by `cmp` into one sorted list (for incremental adds). */
export function mergeSorted(a: readonly number[], b: readonly number[], cmp: (x: number, y: number) => number): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * The ids of `articles` in compareByDate order. Same order as sorting with compareByDate, from
 * numeric keys read once: the comparator's property reads made this ~3x slower at 100k.
 */
export function sortByDate(articles: readonly Article[]): number[] {
  return sortByKeys(articles, true);
}

/** The ids of `articles` in compareNewest order (sortByDate without the sticky articles first). */
export function sortByNewest(articles: readonly Article[]): number[] {
  return sortByKeys(articles, false);
}

function sortByKeys(articles: readonly Article[], stickyFirst: boolean): number[] {
  const n = articles.length;
  const sticky = new Float64Array(n);
  // Undated articles sort last: -Infinity is below every date, and two of them compare as NaN, i.e. equal.
  const date = new Float64Array(n);
  const id = new Float64Array(n);
  let idOrder = true;
  let anySticky = false;
  for (let k = 0; k < n; k++) {
    const a = articles[k];
    sticky[k] = stickyFirst ? a.stickyWeight || 0 : 0;
    anySticky ||= sticky[k] !== 0;
    date[k] = a.publishedAt ?? -Infinity;
    id[k] = a.id;
    if (k > 0 && id[k] <= id[k - 1]) idOrder = false;
  }
  // Articles in id order (as the list and a scan give them): the dates' radix order, stable, keeps
  // equal dates in id order; the sticky ones (few, if any) then moved ahead by a stable sort.
  const byDate = idOrder ? newestFirst(date) : null;
  if (byDate) return idsOf(byDate, sticky, id, anySticky);
  const order = Array.from({ length: n }, (_, k) => k);
  order.sort((x, y) => sticky[y] - sticky[x] || date[y] - date[x] || id[x] - id[y]);
  for (let k = 0; k < n; k++) order[k] = id[order[k]];
  return order;
}

// The ids in `byDate` order (positions), the sticky ones (weight above 0) first and those below 0
// last, each group by weight and then in `byDate` order: written straight into the array returned
// (at a million, pushing a million positions into lists took longer than the radix passes).
function idsOf(byDate: Int32Array, sticky: Float64Array, id: Float64Array, anySticky: boolean): number[] {
  const n = byDate.length;
  const out = new Array<number>(n);
  if (!anySticky) {
    for (let i = 0; i < n; i++) out[i] = id[byDate[i]];
    return out;
  }
  const [raised, lowered] = [[] as number[], [] as number[]];
  for (let i = 0; i < n; i++) {
    const k = byDate[i];
    if (sticky[k] > 0) raised.push(k);
    else if (sticky[k] < 0) lowered.push(k);
  }
  const byWeight = (x: number, y: number): number => sticky[y] - sticky[x];
  let at = 0;
  for (const k of raised.sort(byWeight)) out[at++] = id[k];
  for (let i = 0; i < n; i++) if (sticky[byDate[i]] === 0) out[at++] = id[byDate[i]];
  for (const k of lowered.sort(byWeight)) out[at++] = id[k];
  return out;
}
