// The hot score behind `--sort hot`: a story told by many outlets, recently, ranks first.
//   points = 1 + 2·log2(storySize) + max(0, score) + (stickyWeight > 0 ? 1 : 0)
//   hot    = points / (ageHours + 2) ^ HOT_GRAVITY
// The shape of Hacker News' ranking: points decay with age, so a story told by eight outlets
// (points 7) stays above a single report (points 1) until it is several times older. `score` is
// the article's own front-matter score (negative scores add nothing).
// Undated articles score 0, and so do articles whose date was guessed from their file's time
// (`dateGuessed`, shown `~`): a file's time says when it was written or copied, not when the news
// happened, and a folder synced this morning would otherwise put years-old undated articles on top.
// In hotOrder's tie-break (newest first) such a date counts as no date too.
import type { Article } from '../article.js';

/** How fast age wins over points: at 1.5 a day-old story needs ~47x the points of a fresh one. */
export const HOT_GRAVITY = 1.5;

/** The hot score of an article in a story of `storySize` articles, at `now` (epoch ms). */
export function hotScore(a: Pick<Article, 'publishedAt' | 'dateGuessed' | 'score' | 'stickyWeight'>, storySize: number, now: number): number {
  if (a.publishedAt === null || a.dateGuessed) return 0;
  const ageHours = Math.max(0, (now - a.publishedAt) / 3_600_000);
  const points = 1 + 2 * Math.log2(Math.max(1, storySize)) + Math.max(0, a.score ?? 0) + (a.stickyWeight > 0 ? 1 : 0);
  return points / (ageHours + 2) ** HOT_GRAVITY;
}
