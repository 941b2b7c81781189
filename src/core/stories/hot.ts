// The hot score behind `--sort hot`: a story told by many outlets, recently, ranks first.
//   points = 1 + 2·log2(storySize) + max(0, score) + (stickyWeight > 0 ? 1 : 0)
//   hot    = points / (ageHours + 2) ^ HOT_GRAVITY
// The shape of Hacker News' ranking: points decay with age, so a story told by eight outlets
// (points 7) stays above a single report (points 1) until it is several times older. `score` is
// the article's own front-matter score (negative scores add nothing); undated articles score 0, and
// so do articles whose date is only their file's time (`dateGuessed`: their age is not known).
import type { Article } from '../article.js';

/** How fast age wins over points: at 1.5 a day-old story needs ~47x the points of a fresh one. */
export const HOT_GRAVITY = 1.5;

/** The hot score of an article in a story of `storySize` articles, at `now` (epoch ms). */
export function hotScore(a: Pick<Article, 'publishedAt' | 'score' | 'stickyWeight'> & { dateGuessed?: boolean }, storySize: number, now: number): number {
  if (a.publishedAt === null || a.dateGuessed) return 0;
  const ageHours = Math.max(0, (now - a.publishedAt) / 3_600_000);
  const points = 1 + 2 * Math.log2(Math.max(1, storySize)) + Math.max(0, a.score ?? 0) + (a.stickyWeight > 0 ? 1 : 0);
  return points / (ageHours + 2) ** HOT_GRAVITY;
}

/** What hotOrderOfFacts reads of the facts (facts.ts): date, the article's own points, story size. */
export interface HotFacts {
  n: number;
  time: Float64Array;
  points: Float64Array;
  size: Int32Array;
}

/**
 * `ids` ordered by hot score from the corpus's facts (the same order hotOrder gives from the
 * articles: ties newest first, then id); ids the facts do not hold (>= f.n) go last, by id.
 */
export function hotOrderOfFacts(ids: ArrayLike<number>, f: HotFacts, now: number): Int32Array {
  const n = ids.length;
  const score = new Float64Array(n);
  const date = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = ids[k];
    if (i >= f.n) {
      score[k] = -1;
      continue;
    }
    const t = f.time[i];
    date[k] = Number.isNaN(t) ? 0 : t;
    // Undated, or dated only by the file's time (points < 0): no age, no score.
    if (Number.isNaN(t) || f.points[i] < 0) continue;
    const ageHours = Math.max(0, (now - t) / 3_600_000);
    score[k] = (1 + 2 * Math.log2(Math.max(1, f.size[i])) + f.points[i]) / (ageHours + 2) ** HOT_GRAVITY;
  }
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => score[y] - score[x] || date[y] - date[x] || ids[x] - ids[y]);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = ids[order[k]];
  return out;
}
