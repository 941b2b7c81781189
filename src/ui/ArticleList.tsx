// The article list: one row per visible hit (the caller passes only the visible slice), with
// relative date, source, a sentiment glyph and the title with matched characters highlighted.
// Every row is cut to the pane width by grapheme and string-width, so CJK and emoji never overflow.
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { Article } from '../core/article.js';
import { assetOf, coinSymbols } from '../core/coins/index.js';
import { relativeDate, sentimentMark } from '../core/render/index.js';
import { sanitizeLine } from '../core/text/index.js';
import { displayText, columns, fitPrefix, fitWidth, padWidth } from '../core/width/index.js';
import type { Hit } from '../core/search/index.js';
import type { RowInfo } from '../state/story-rows.js';
import { PaintedRows } from './Lines.js';
import { paint } from './frame/paint.js';
import { theme } from './theme.js';

export { sentimentMark } from '../core/render/index.js';

/** Props of ArticleList. `hits` is already the visible window; `start` is its offset in the results. */
export interface ArticleListProps {
  hits: readonly Hit[];
  start: number;
  cursor: number;
  article: (id: number) => Article;
  width: number;
  height: number;
  now: number;
  multi: boolean;
  marked: ReadonlySet<number>;
  focused: boolean;
  /** Shown dim when there are no hits ("no matches for …"). */
  emptyMessage: string;
  /** Rows of multi-article stories: `+3` on a folded story, its articles indented when open. */
  rowInfo?: ReadonlyMap<number, RowInfo>;
  /** Read and saved per row (its article, or a folded story's articles), when reading state is available; adds the ◆ / ★ column. */
  marks?: ((article: Article, id: number) => { unread: boolean; saved: boolean }) | null;
  /** Changes whenever marks change, so a memoised list redraws. */
  marksVersion?: number;
}

// One formatter for every frame: Number#toLocaleString makes a new one on each call (~0.1 ms).
const COUNT = new Intl.NumberFormat('en-US');

/** The list pane's title: `Articles 1/9,889` (`+` when the total is a lower bound). */
export function listTitle(position: number, total: number, approximate: boolean): string {
  return `Articles ${COUNT.format(position)}/${COUNT.format(total)}${approximate ? '+' : ''}`;
}

/** The unread marker: no other column uses it (● is neutral sentiment and the --multi mark). */
export const UNREAD_GLYPH = '◆';
/** The saved marker. */
export const SAVED_GLYPH = '★';
/** The pinned marker, before the date of an article with a `stickyWeight` above 0. */
export const STICKY_GLYPH = '↑';

/**
 * The list pane's contents: at most `height` rows, each at most `width` columns. Memoised, and
 * its rows are painted once per look (rowText). What a row shows besides the cursor is made once
 * per window of hits: moving the cursor only looks up the painted rows again, and paints the two
 * whose `selected` changed.
 */
export const ArticleList = memo(function ArticleList(p: ArticleListProps) {
  const looks = useMemo(
    () => rowLooks(p),
    // The props a row's look is made of; the cursor and focus are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.hits, p.height, p.article, p.now, p.width, p.multi, p.marked, p.rowInfo, p.marks, p.marksVersion],
  );
  const painted = useMemo(
    () => looks.map((r, i) => rowText({ ...r, selected: p.start + i === p.cursor, focused: p.focused })),
    [looks, p.start, p.cursor, p.focused],
  );
  if (looks.length === 0) {
    return (
      <Box height={p.height} width={p.width}>
        <Text color={theme.dim} wrap="truncate-end">
          {fitWidth(sanitizeLine(p.emptyMessage), p.width)}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={p.height} width={p.width}>
      <PaintedRows rows={painted} width={p.width} />
    </Box>
  );
});

// Each visible row's props but the cursor and focus, with its look key made once.
function rowLooks(p: ArticleListProps): Array<Omit<RowProps, 'selected' | 'focused'>> {
  const rows = p.hits.slice(0, Math.max(0, p.height));
  if (rows.length === 0) return [];
  const articles = rows.map((h) => p.article(h.id));
  const dates = articles.map((a) => rowDate(a, p.now));
  const dateW = Math.max(...dates.map((d) => columns(d)));
  // The source column gives way first on narrow panes: the title is what a reader scans, and the
  // source is repeated in the body header.
  const sourceW = p.width >= 64 ? 12 : p.width >= 48 ? 8 : 0;
  return rows.map((hit, i) => {
    const row = {
      hit,
      article: articles[i],
      date: dates[i],
      dateW,
      sourceW,
      width: p.width,
      marked: p.marked.has(hit.id),
      multi: p.multi,
      story: p.rowInfo?.get(hit.id),
      reading: p.marks ? p.marks(articles[i], hit.id) : null,
    };
    return { ...row, look: lookOf(row) };
  });
}

/** What one list row shows. */
export interface RowProps {
  hit: Hit;
  article: Article;
  date: string;
  dateW: number;
  sourceW: number;
  width: number;
  selected: boolean;
  marked: boolean;
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
  const date = a.publishedAt === null ? '-' : `${a.dateGuessed ? '~' : ''}${relativeDate(a.publishedAt, now)}`;
  const text = `${a.stickyWeight > 0 ? STICKY_GLYPH : ''}${date}`;
  dateMemo.set(a, { now, text });
  return text;
}

/** What a row shows besides the cursor and focus, as a key (the article aside). */
function lookOf(p: Omit<RowProps, 'selected' | 'focused'>): string {
  return [
    p.multi ? (p.marked ? 2 : 1) : 0,
    p.reading ? (p.reading.unread ? 2 : 1) + (p.reading.saved ? 4 : 0) : 0,
    p.story ? storyMarker(p.story) : '',
    p.date,
    p.dateW,
    p.sourceW,
    p.width,
    p.hit.titleMatches.join(' '),
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

// A row after its gutter: `used` columns are taken by the gutter.
function paintBody(p: RowProps, used: number): string {
  const sentiment = sentimentMark(p.article.sentiment);
  const cells: Array<{ text: string; color?: string }> = [
    // The mark; unread and saved read without colour: their own glyphs, and unread titles are bold.
    ...(p.multi ? [{ text: p.marked ? '●' : ' ', color: theme.marked }] : []),
    ...(p.reading ? [{ text: p.reading.unread ? UNREAD_GLYPH : ' ', color: theme.unread }, { text: p.reading.saved ? SAVED_GLYPH : ' ', color: theme.saved }] : []),
    { text: ' ' },
    { text: ' '.repeat(Math.max(0, p.dateW - columns(p.date))) + p.date + ' ', color: theme.dim },
    ...(p.sourceW > 0 ? [{ text: padWidth(sanitizeLine(p.article.source), p.sourceW) + ' ', color: theme.accent }] : []),
    { text: sentiment.glyph + ' ', color: sentiment.role ? theme[sentiment.role] : undefined },
    ...(p.story ? [{ text: storyMarker(p.story), color: theme.marked }] : []),
  ];
  // Columns left for the title; on a very narrow pane the fixed columns themselves are cut.
  let text = '';
  for (const c of cells) {
    const cut = fitWidth(c.text, p.width - used);
    used += columns(cut);
    text += paint(cut, { color: c.color });
  }
  // Coin chips sit at the right end of the row; the title gives up its room to them.
  const chips = coinChips(p.article, p.width - used);
  const chipsW = chips.reduce((w, c) => w + c.text.length + 1, 0);
  const title = titleSegments(p.article.title, p.hit.titleMatches, p.width - used - chipsW);
  const titleW = title.reduce((w, s) => w + columns(s.text), 0);
  for (const s of title) {
    text += paint(s.text, { color: s.match ? theme.match : undefined, bold: s.match || (p.reading?.unread ?? false), underline: s.match });
  }
  if (chips.length) text += ' '.repeat(Math.max(0, p.width - used - chipsW - titleW));
  for (const c of chips) text += paint(` ${c.text}`, { color: c.color ?? theme.dim });
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
    .map((symbol) => ({ text: symbol, color: assetOf(symbol)?.color ?? null }));
}

/** A title cut to `width` columns and split into plain and matched runs for highlighting. */
export function titleSegments(
  rawTitle: string,
  matches: ReadonlyArray<readonly [number, number]>,
  width: number,
): Array<{ text: string; match: boolean }> {
  // Display form (core/width/width.ts): format characters and ambiguous emoji parts dropped.
  const title = displayText(sanitizeLine(rawTitle));
  if (width <= 0) return [];
  const fit = fitPrefix(title, width);
  // Match ranges index the stored title; if sanitising changed it they no longer line up.
  const ranges = title === rawTitle ? matches : [];
  const flags = new Uint8Array(fit.length);
  for (const [a, b] of ranges) for (let i = Math.max(0, a); i <= Math.min(b, fit.length - 1); i++) flags[i] = 1;
  const out: Array<{ text: string; match: boolean }> = [];
  let i = 0;
  while (i < fit.length) {
    let j = i + 1;
    while (j < fit.length && flags[j] === flags[i]) j++;
    // Never split a surrogate pair between runs.
    if (j < fit.length && /[\udc00-\udfff]/.test(title[j])) j++;
    out.push({ text: title.slice(i, j), match: flags[i] === 1 });
    i = j;
  }
  if (fit.ellipsis) out.push({ text: '…', match: false });
  return out;
}
