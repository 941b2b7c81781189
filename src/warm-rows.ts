// The warm start's list rows, drawn into the skeleton before ink loads. Apart from skeleton.ts
// because they need row-marks/ (dates and sentiment glyphs as the list shows them, with date-fns'
// format) and width/ (string-width): the skeleton's own first bytes must not wait for those, so
// warm-start.ts imports this module with the index's first page, not before.
import type { Article } from './core/article.js';
import { relativeDate, sentimentMark } from './core/row-marks/index.js';
import { sanitizeLine } from './core/text/index.js';
import { columns, padWidth } from './core/width/index.js';

/**
 * The list rows of `articles` as ArticleList draws them, without colour, cursor or marks: date,
 * source, sentiment glyph, title, cut or padded to exactly `width` columns (the pane's inside: the
 * skeleton draws them as they are, skeleton.ts).
 */
export function warmRows(articles: readonly Article[], width: number, now: number): string[] {
  const dates = articles.map((a) => (a.publishedAt === null ? '-' : `${a.dateGuessed ? '~' : ''}${relativeDate(a.publishedAt, now)}`));
  const dateW = Math.max(0, ...dates.map((d) => columns(d)));
  const sourceW = width >= 64 ? 12 : width >= 48 ? 8 : 0;
  return articles.map((a, i) => {
    const source = sourceW > 0 ? `${padWidth(sanitizeLine(a.source), sourceW)} ` : '';
    const line = `    ${' '.repeat(dateW - columns(dates[i]))}${dates[i]} ${source}${sentimentMark(a.sentiment).glyph} ${sanitizeLine(a.title)}`;
    return padWidth(line, width);
  });
}
