// The header drawn above an article's body: the title, a line of source and dates, a line of tags
// and sentiment, then a rule. Pure, so its height can be known without drawing (scroll bounds);
// that height depends only on the article and the width, never on the clock.
import { format } from 'date-fns/format';
import type { Article } from '../article.js';
import { calendarDay, isCalendarDate } from '../calendar-date.js';
import { listedFrom, outsideWindow } from '../publication-window.js';
import { relativeDate, sentimentMark } from '../row-marks/index.js';
import { sanitizeLine, visibleName } from '../text/index.js';
import { lineWidth, type Line, type Span } from './spans.js';
import { cutSpans, wrapSpans } from './wrap.js';

/**
 * `2025-11-14 02:13` in local time; for a calendar date (written with no time, `ms` its midnight
 * UTC: core/calendar-date.ts) `2025-11-14`, that day in every zone. Null when the time is missing
 * or not a real date.
 */
export function formatStamp(ms: number | null | undefined, calendar = false): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return calendar ? calendarDay(ms) : format(d, 'yyyy-MM-dd HH:mm');
}

/**
 * Glyph and word for a sentiment, so it reads without colour: ▲ positive / ▼ negative / ●
 * neutral; null for none or a value the filter and the pulse do not count either (canonicalSentiment).
 */
export function sentimentLabel(sentiment: string | null): string | null {
  if (!sentiment) return null;
  // Shown as the data writes it (the seed says NEGATIVE), with the glyph of what it means.
  const word = sanitizeLine(sentiment).trim();
  const { glyph, role } = sentimentMark(word);
  return role === null ? null : `${glyph} ${word}`;
}

// Recent dates read as an age; older ones would repeat the absolute date, so they are left out.
function age(ms: number, now: number, calendar: boolean): string | null {
  const r = relativeDate(ms, now, calendar);
  if (r === 'now') return 'just now';
  if (r === 'today') return r;
  return /^\d+(?:min|h|d)$/.test(r) ? `${r} ago` : null;
}

function metaLines(article: Article, width: number, now: number): Line[] {
  const dot: Span = { role: 'dim', text: ' · ' };
  const spans: Span[] = [{ bold: true, text: sanitizeLine(article.source) || 'unknown source' }];
  // Listed only with --drafts, as drafts are (core/publication-window.ts): said first, so a
  // narrow pane shows it on the first row; when it comes or came, at the row's end.
  const outside = outsideWindow(article, now);
  if (outside) spans.push({ ...dot }, { bold: true, text: outside === 'scheduled' ? 'SCHEDULED' : 'EXPIRED' });
  const published = formatStamp(article.publishedAt, isCalendarDate(article, 'publishedAt'));
  spans.push({ ...dot }, { text: published ?? 'undated' });
  if (published && article.dateGuessed) spans.push({ role: 'dim', text: ' (file date)' });
  const ageAt = spans.length;
  const updated = formatStamp(article.updatedAt, isCalendarDate(article, 'updatedAt'));
  if (updated && updated !== published) spans.push({ ...dot }, { role: 'dim', text: `updated ${updated}` });
  if (article.draft) spans.push({ ...dot }, { bold: true, text: 'DRAFT' });
  const from = outside === 'scheduled' ? formatStamp(listedFrom(article), isCalendarDate(article, article.scheduledAt === null ? 'publishedAt' : 'scheduledAt')) : null;
  if (from && from !== published) spans.push({ ...dot }, { role: 'dim', text: `publishes ${from}` });
  const expires = formatStamp(article.expiresAt, isCalendarDate(article, 'expiresAt'));
  if (expires) spans.push({ ...dot }, { role: 'dim', text: `${outside === 'expired' ? 'expired' : 'expires'} ${expires}` });
  // The age changes with the clock: it is shown only where the whole line holds it on one row, so
  // the header's height never depends on the time (scroll bounds are worked out without it).
  const ago = published && article.publishedAt !== null ? age(article.publishedAt, now, isCalendarDate(article, 'publishedAt')) : null;
  const withAge = ago ? [...spans.slice(0, ageAt), { ...dot }, { role: 'dim' as const, text: ago }, ...spans.slice(ageAt)] : spans;
  if (lineWidth(withAge) <= width) return [cutSpans(withAge, width)];
  if (lineWidth(spans) <= width) return [cutSpans(spans, width)];
  // Too wide for the pane: wrapped, never cut (the source's name kept whole; a date may leave its
  // time for the next row, so the source and the day stay on the first).
  return wrapSpans([{ ...spans[0], text: spans[0].text.replace(/ +/g, '\u00a0') }, ...spans.slice(1)], width);
}

function tagLine(article: Article, width: number): Line[] {
  const spans: Span[] = [];
  for (const tag of article.tags) {
    // A tag with spaces stays one unbreakable word (no-break spaces) so wrapping keeps it whole.
    const text = sanitizeLine(String(tag)).trim().replace(/ +/g, '\u00a0');
    if (!text) continue;
    if (spans.length > 0) spans.push({ text: ' ' });
    spans.push({ role: 'link', text: `#${text}` });
  }
  const sentiment = sentimentLabel(article.sentiment);
  if (sentiment) {
    if (spans.length > 0) spans.push({ role: 'dim', text: ' · ' });
    spans.push({ bold: true, text: sentiment.replace(' ', '\u00a0') });
  }
  return spans.length > 0 ? wrapSpans(spans, width) : [];
}

/** The header rows for an article at a width; `now` only changes the text of the dates row. */
export function headerLines(article: Article, width: number, now: number): Line[] {
  const w = Math.max(1, Math.floor(width));
  const title = sanitizeLine(article.title).trim() || visibleName(article.relPath);
  return [
    ...wrapSpans([{ role: 'heading', bold: true, text: title }], w),
    ...metaLines(article, w, now),
    ...tagLine(article, w),
    [{ role: 'dim', text: '─'.repeat(w) }],
  ];
}
