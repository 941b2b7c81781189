// The warm start's list rows, drawn into the skeleton before ink loads. Apart from skeleton.ts
// because they need row-marks/ (dates and sentiment glyphs as the list shows them) and a width
// rule: the skeleton's own first bytes must not wait for those, so warm-start.ts imports this
// module with the index's first page, not before. Rows whose every text is steady (core/steady:
// nearly every title) are fitted by counting; width/ (string-width, Unicode tables and the first
// Intl object's ICU data: ~30-50 ms of CPU here) loads only for the others.
import type { Article } from './core/article.js';
import { isCalendarDate } from './core/calendar-date.js';
import { relativeDate, sentimentMark } from './core/row-marks/index.js';
import { isSteadyText, padSteady, steadyWidth } from './core/steady/index.js';
import { sanitizeLine } from './core/text/index.js';

/** How the rows are measured and fitted: width/'s columns and padWidth, or the steady rule's. */
interface Fitting {
  columns(s: string): number;
  padWidth(s: string, width: number): string;
}

// The steady rule, for texts already checked steady.
const STEADY: Fitting = { columns: (s) => steadyWidth(s) ?? 0, padWidth: (s, width) => padSteady(s, width) ?? '' };

// The texts of one row: its date, source, glyph and title, sanitised.
function rowTexts(articles: readonly Article[], now: number): Array<{ date: string; source: string; glyph: string; title: string }> {
  return articles.map((a) => ({
    date: a.publishedAt === null ? '-' : `${a.dateGuessed ? '~' : ''}${relativeDate(a.publishedAt, now, isCalendarDate(a, 'publishedAt'))}`,
    source: sanitizeLine(a.source),
    glyph: sentimentMark(a.sentiment).glyph,
    title: sanitizeLine(a.title),
  }));
}

function fitRows(texts: ReturnType<typeof rowTexts>, width: number, fit: Fitting): string[] {
  // Each text is measured once: the dates here, the source and the whole line by padWidth.
  const dates = texts.map((t) => fit.columns(t.date));
  const dateW = Math.max(0, ...dates);
  const sourceW = width >= 64 ? 12 : width >= 48 ? 8 : 0;
  return texts.map((t, i) => {
    const source = sourceW > 0 ? `${fit.padWidth(t.source, sourceW)} ` : '';
    const line = `    ${' '.repeat(dateW - dates[i])}${t.date} ${source}${t.glyph} ${t.title}`;
    return fit.padWidth(line, width);
  });
}

/**
 * The list rows of `articles` as ArticleList draws them, without colour, cursor or marks: date,
 * source, sentiment glyph, title, cut or padded to exactly `width` columns (the pane's inside: the
 * skeleton draws them as they are, skeleton.ts). Null when a text is not steady (warmRows then
 * fits them with width/'s rule).
 */
export function steadyRows(articles: readonly Article[], width: number, now: number): string[] | null {
  const texts = rowTexts(articles, now);
  const steady = texts.every((t) => isSteadyText(t.date) && isSteadyText(t.source) && isSteadyText(t.glyph) && isSteadyText(t.title));
  return steady ? fitRows(texts, width, STEADY) : null;
}

/** The list rows of `articles` (see steadyRows), by the steady rule when it holds, else with width/ loaded. */
export async function warmRows(articles: readonly Article[], width: number, now: number): Promise<string[]> {
  return steadyRows(articles, width, now) ?? fitRows(rowTexts(articles, now), width, await import('./core/width/index.js'));
}
