// One list row painted as a string: the gutter (the cursor's glyph), the marks, the relative
// date, the source, the sentiment glyph, the story marker, the title with its matched characters
// highlighted, and the coin chips at the right end; cut to the pane width by grapheme and
// string-width, so CJK and emoji never overflow. Rows are memoised per article and look: a
// keystroke paints only rows whose article, highlights or marks changed.
import type { Article } from '../../core/article.js';
import { isCalendarDate } from '../../core/calendar-date.js';
import { assetOf, coinSymbols } from '../../core/coins/index.js';
import { relativeDate, sentimentMark } from '../../core/render/index.js';
import type { Hit } from '../../core/search/index.js';
import { sanitizeLine } from '../../core/text/index.js';
import { columns, fitWidth, padWidth } from '../../core/width/index.js';
import type { RowInfo } from '../../state/story-rows.js';
import { paint } from '../frame/paint.js';
import { dataColour, theme } from '../theme.js';
import { titleSegments } from './title-segments.js';

export { titleSegments };

/** The unread marker: no other column uses it (● is neutral sentiment and the --multi mark). */
export const UNREAD_GLYPH = '◆';
/** The saved marker. */
export const SAVED_GLYPH = '★';
/** The pinned marker, before the date of an article with a `stickyWeight` above 0. */
export const STICKY_GLYPH = '↑';

/** What one list row shows. */
export interface RowProps {
  hit: Hit;
  article: Article;
  date: string;
  dateW: number;
  sourceW: number;
  width: number;
  selected: boolean;
  /** Marked with --multi; `part`: a folded story some of whose articles are marked (`◐`). */
  marked: boolean | 'part';
  multi: boolean;
  focused: boolean;
  reading: { unread: boolean; saved: boolean } | null;
  story: RowInfo | undefined;
  /** lookOf(this row), when already made. */
  look?: string;
}

/** The story marker before a row's title: `+3` folded, `▾3` open, `└` for an article inside an open story. */
export function storyMarker(info: RowInfo | undefined): string {
  if (!info) return '';
  if (info.child) return ' └ ';
  return `${info.open ? '▾' : '+'}${info.others} `;
}

// Painted rows by article, then by everything else the row shows: a keystroke's new hits are new
// objects, but a row whose article, highlights and marks did not change is not painted again.
const paintedRows = new WeakMap<Article, Map<string, string>>();

// date-fns formats a calendar date in ~0.05-0.1 ms; a list shows the same rows frame after frame.
const dateMemo = new WeakMap<Article, { now: number; text: string }>();

/** A row's date column: relative to `now`; a date guessed from the file's mtime is marked `~` (it is not the article's own). */
export function rowDate(a: Article, now: number): string {
  const known = dateMemo.get(a);
  if (known && known.now === now) return known.text;
  // A date guessed from the file's modification time is marked `~`: it is not the article's own.
  // A pinned (sticky) article is marked STICKY_GLYPH: it heads the list whatever its date, and
  // unmarked it looked like a broken date order.
  const date = a.publishedAt === null ? '-' : `${a.dateGuessed ? '~' : ''}${relativeDate(a.publishedAt, now, isCalendarDate(a, 'publishedAt'))}`;
  const text = `${a.stickyWeight > 0 ? STICKY_GLYPH : ''}${date}`;
  dateMemo.set(a, { now, text });
  return text;
}

/** What a row shows besides the cursor and focus, as a key (the article aside). */
export function lookOf(p: Omit<RowProps, 'selected' | 'focused'>): string {
  return `${frameOf(p)}|${p.hit.titleMatches.join(' ')}`;
}

// What a row shows around its title (marks, date, source, sentiment, story marker, chips), as a key.
function frameOf(p: Omit<RowProps, 'selected' | 'focused'>): string {
  return [
    p.multi ? (p.marked === 'part' ? 3 : p.marked ? 2 : 1) : 0,
    p.reading ? (p.reading.unread ? 2 : 1) + (p.reading.saved ? 4 : 0) : 0,
    p.story ? storyMarker(p.story) : '',
    p.date,
    p.dateW,
    p.sourceW,
    p.width,
  ].join('|');
}

/** One list row painted as a string of at most `width` columns (memoised per article and look). */
export function rowText(p: RowProps): string {
  // Everything but the cursor (the gutter's glyph and the row's inverse) is the row's body: the
  // cursor moving onto or off a row paints only the gutter and the wrap around the body.
  const look = p.look ?? lookOf(p);
  const key = `${p.selected ? 1 : 0}${p.focused ? 1 : 0}|${look}`;
  let known = paintedRows.get(p.article);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  if (!known) paintedRows.set(p.article, (known = new Map()));
  // An article is drawn in a handful of looks (cursor on or off, a few highlights); more is a
  // long session of different queries, not worth keeping.
  if (known.size >= 16) known.clear();
  const gutter = fitWidth(p.selected ? '▶' : ' ', p.width);
  const bodyKey = `body|${look}`;
  let body = known.get(bodyKey);
  if (body === undefined) {
    body = paintBody(p, columns(gutter));
    known.set(bodyKey, body);
  }
  const text = paint(paint(gutter, { color: theme.accent }) + body, { inverse: p.selected, bold: p.selected && p.focused });
  known.set(key, text);
  return text;
}

// A row's columns around its title, painted once per article and frame (frameOf): a keystroke
// that only moves the highlights paints the title alone.
interface RowFrame {
  /** The painted columns before the title, and the columns they take (gutter included). */
  head: string;
  used: number;
  /** The painted coin chips after the title, and their columns. */
  chips: string;
  chipsW: number;
}
const frames = new WeakMap<Article, Map<string, RowFrame>>();

// The columns before and after the title of a row whose gutter takes `used` columns.
function rowFrame(p: RowProps, used: number): RowFrame {
  const key = `${used}|${frameOf(p)}`;
  let known = frames.get(p.article);
  const hit = known?.get(key);
  if (hit) return hit;
  if (!known) frames.set(p.article, (known = new Map()));
  if (known.size >= 8) known.clear();
  const sentiment = sentimentMark(p.article.sentiment);
  const cells: Array<{ text: string; color?: string }> = [
    // The mark; unread and saved read without colour: their own glyphs, and unread titles are bold.
    ...(p.multi ? [{ text: p.marked === 'part' ? '◐' : p.marked ? '●' : ' ', color: theme.marked }] : []),
    ...(p.reading ? [{ text: p.reading.unread ? UNREAD_GLYPH : ' ', color: theme.unread }, { text: p.reading.saved ? SAVED_GLYPH : ' ', color: theme.saved }] : []),
    { text: ' ' },
    { text: ' '.repeat(Math.max(0, p.dateW - columns(p.date))) + p.date + ' ', color: theme.dim },
    ...(p.sourceW > 0 ? [{ text: padWidth(sanitizeLine(p.article.source), p.sourceW) + ' ', color: theme.accent }] : []),
    { text: sentiment.glyph + ' ', color: sentiment.role ? theme[sentiment.role] : undefined },
    ...(p.story ? [{ text: storyMarker(p.story), color: theme.marked }] : []),
  ];
  // Columns left for the title; on a very narrow pane the fixed columns themselves are cut.
  let head = '';
  for (const c of cells) {
    const cut = fitWidth(c.text, p.width - used);
    used += columns(cut);
    head += paint(cut, { color: c.color });
  }
  // Coin chips sit at the right end of the row; the title gives up its room to them.
  const chips = coinChips(p.article, p.width - used);
  const frame = {
    head,
    used,
    chips: chips.map((c) => paint(` ${c.text}`, { color: c.color ?? theme.dim })).join(''),
    chipsW: chips.reduce((w, c) => w + c.text.length + 1, 0),
  };
  known.set(key, frame);
  return frame;
}

// A row after its gutter: `used` columns are taken by the gutter.
function paintBody(p: RowProps, used: number): string {
  const frame = rowFrame(p, used);
  let text = frame.head;
  const room = p.width - frame.used - frame.chipsW;
  const title = titleSegments(p.article.title, p.hit.titleMatches, room);
  const titleW = title.reduce((w, s) => w + columns(s.text), 0);
  for (const s of title) {
    text += paint(s.text, { color: s.match ? theme.match : undefined, bold: s.match || (p.reading?.unread ?? false), underline: s.match });
  }
  if (frame.chipsW) text += ' '.repeat(Math.max(0, room - titleW)) + frame.chips;
  return text;
}

/** Most coin chips a row shows, by the columns left for title and chips. */
export function chipCount(room: number): number {
  // One chip even on a story row at 80 columns (about 20 columns left): the coin says what the story is about.
  return room >= 60 ? 3 : room >= 36 ? 2 : room >= 16 ? 1 : 0;
}

/** The coin chips of a row (`BTC`, in the asset's brand colour when it has one). */
export function coinChips(article: Article, room: number): Array<{ text: string; color: string | null }> {
  return coinSymbols(article)
    .slice(0, chipCount(room))
    .map((symbol) => ({ text: symbol, color: dataColour(assetOf(symbol)?.color) ?? null }));
}
