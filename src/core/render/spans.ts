// The styled-text vocabulary shared by the Markdown renderer, the body header and the panes that
// draw them: a Line is one terminal row made of Spans. Kept apart from markdown.ts so the wrapper
// and the block renderers can use it without importing the renderer itself.
import { displayText, textWidth } from '../width/index.js';
import { imageWords } from '../text/index.js';

/** A run of text with one style; `role` names a theme colour role. */
export interface Span {
  text: string;
  role?: 'heading' | 'link' | 'code' | 'quote' | 'dim' | 'match';
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Highlighted (`==text==`, `<mark>`): drawn inverse, between HIGHLIGHT_MARKs. */
  highlight?: boolean;
  /** A link's target as written (sanitised); drawn as an OSC 8 hyperlink where that is allowed. */
  href?: string;
}

/**
 * Drawn (dim) around struck text, whatever marked it (`~~`, `<del>`, `<s>`, `<strike>`): the struck
 * word often reverses the meaning, and without colour (NO_COLOR) or where the terminal has no
 * strikethrough, the strike style alone shows nothing.
 */
export const STRIKE_MARK = '~~';

/**
 * Drawn (dim) around highlighted text (`==text==`, `<mark>`), as STRIKE_MARK is around struck
 * text: without colour (NO_COLOR drops inverse video too) the highlight alone shows nothing.
 */
export const HIGHLIGHT_MARK = '==';

/** The mark drawn around text of `style` (struck or highlighted, spans.ts), or null for none. */
export function markOf(style: SpanStyle): string | null {
  return style.strike ? STRIKE_MARK : style.highlight ? HIGHLIGHT_MARK : null;
}

/**
 * Drawn before superscript text (`<sup>`): a terminal has no raised letters, and without a mark
 * `10<sup>-6</sup>` would read as 10-6 and `x<sup>2</sup>` as x2.
 */
export const SUPERSCRIPT_MARK = '^';

/** One terminal row; the total string-width of its spans never exceeds the width it was made for. */
export type Line = Span[];

/** A list item's bullet by its depth (0: top level), Markdown's lists and HTML's alike. */
export const BULLETS = ['•', '◦', '▪'] as const;

/** How far a definition is indented under its term (Pandoc's plain text writes four), Markdown's definition lists and HTML's `<dl>` alike. */
export const DEFINITION_INDENT = 4;

/** How a table column's cells sit in it; null: as text runs (left). */
export type CellAlign = 'left' | 'right' | 'center' | null;

/**
 * A table as styled cells, from a Markdown table or an HTML `<table>` alike, so both are drawn by
 * one renderer (markdown-table.ts). `header` is null for a table with no header row (an HTML table
 * of `<td>`s only); rows may hold fewer cells than the widest row (the rest drawn empty).
 */
export interface SpanTable {
  header: Span[][] | null;
  rows: Span[][][];
  align: CellAlign[];
  /**
   * The cells another cell spans (an HTML `colspan` or `rowspan`), header and rows alike, where
   * the grid holds the spanning cell's text: `right` of it in its row, or `below` it in its column.
   * The table draws a spanning cell across its columns and repeats it (dim) in the rows below; the
   * `Header: value` records name a column under a spanning header by it, repeat a value spanning
   * rows and leave out the columns a value spans. Undefined: no cell spans others.
   */
  covered?: { header: Covered[]; rows: Covered[][] };
}

/** Where a cell of a SpanTable stands under another's span (SpanTable.covered); undefined: it is a cell of its own. */
export type Covered = 'right' | 'below' | undefined;

// An image stands between words: its placeholder (`[image: alt]`), or the gap a decorative one
// (`alt=""`) leaves, keeps them apart as the picture does on the page, where exports glue them
// (`Prices<img alt="">moved`, Ghost's `<img class="kg-bookmark-icon">Example`).
const GAP_BEFORE = /[\p{L}\p{N},.:;!?\]]$/u;
const GAP_AFTER = /^[\p{L}\p{N}[]/u;

/** Whether a space goes between `before` and `after` where an image stood between them. */
export function imageGap(before: string, after: string): boolean {
  return GAP_BEFORE.test(before) && GAP_AFTER.test(after);
}

/**
 * What stands for an image (Markdown's `![alt](src "title")`, HTML's `<img alt title>`): its alt
 * and its title in one placeholder, `[image: alt — title]`. The title is the picture's tooltip,
 * often the only words saying what a chart shows; inside the brackets it cannot run into the
 * sentence around an inline image. With no alt the title names it (`[image: title]`), as a Jekyll
 * include's caption does; a title repeating the alt is shown once. Null when neither has words
 * (the caller shows `[image]`, or nothing for HTML's decorative `alt=""`).
 */
export function imageLabel(alt: string, title = ''): string | null {
  const words = imageWords(alt, title);
  return words === '' ? null : `[image: ${words}]`;
}

/** A Span's style without its text, for carrying style through nested inline tokens. */
export type SpanStyle = Omit<Span, 'text'>;

/** Terminal columns a line takes once drawn (in display form); counting stops once past `limit`. */
export function lineWidth(line: Line, limit = Infinity): number {
  let w = 0;
  for (const s of line) {
    w += textWidth(displayText(s.text), limit - w);
    if (w > limit) break;
  }
  return w;
}

/** The plain text of a line (tests, search, copying). */
export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** True when two spans would be drawn identically apart from their text. */
export function sameStyle(a: SpanStyle, b: SpanStyle): boolean {
  return (
    a.role === b.role &&
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.strike === !!b.strike &&
    !!a.highlight === !!b.highlight &&
    a.href === b.href
  );
}

/** Appends text in a style to a line, merging with the last span when the style matches. */
export function pushText(line: Line, text: string, style: SpanStyle): void {
  if (text === '') return;
  const last = line[line.length - 1];
  if (last && sameStyle(last, style)) last.text += text;
  else line.push({ ...style, text });
}

/** Takes `text`, the last text pushed, off the end of `line` (a span left empty goes). */
export function popText(line: Line, text: string): void {
  const last = line[line.length - 1];
  if (!last?.text.endsWith(text)) return;
  last.text = last.text.slice(0, last.text.length - text.length);
  if (last.text === '') line.pop();
}

/** The line with `role` given to every span that has none (quotes colour their plain text). */
export function withDefaultRole(line: Line, role: NonNullable<Span['role']>): Line {
  return line.map((s) => (s.role ? s : { ...s, role }));
}
