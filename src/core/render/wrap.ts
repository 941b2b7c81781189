// Word wrapping and cutting of styled spans to a column budget. Written by hand because the
// libraries (wrap-ansi, cli-truncate) work on ANSI strings, while the panes need structured spans
// so Ink can style them. Text is put in its display form and measured by width/width.ts; a soft
// hyphen or zero-width space is a break point (a soft-hyphen break shows `-`), then dropped.
import { popText, pushText, type Line, type Span, type SpanStyle } from './spans.js';
import { displayText, eachGrapheme, graphemeWidth, textWidth, WIDE_PAD } from '../width/index.js';
import { dictionaryWords, LONG_WORD, nbspParts } from './word-breaks.js';

// Words, the whitespace between them and the soft break points inside them (U+00AD soft hyphen,
// U+200B zero-width space); '\n' inside a span is a hard line break.
const PIECES = /\n| +|\u00ad|\u200b|[^ \n\u00ad\u200b]+/g;
const SOFT_HYPHEN = '\u00ad';
// Marks that never start a line, and brackets that never end one, in text without spaces (the CJK
// line-breaking rules, kinsoku shori: UAX #14 classes CL, CP, EX, IS, NS and OP).
const NO_LINE_START = /^[、。，．：；？！」』）〕］｝〉》】〙〗〟’”〞・ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｯｬｭｮ％‰℃!),.:;?\]}％]$/u;
const NO_LINE_END = /^[「『（〔［｛〈《【〘〖〝‘“(\[{]$/u;

interface Piece {
  text: string;
  style: SpanStyle;
}

/** Builds lines greedily; a word is a run of pieces with no whitespace between them. */
class LineBuilder {
  readonly lines: Line[] = [];
  private line: Line = [];
  private used = 0;
  private word: Piece[] = [];
  private wordWidth = 0;
  private space: SpanStyle | null = null;
  // Set right after a soft break point: the next part joins the word on this line, or starts the
  // next line, the line ending in '-' when the break point was a soft hyphen.
  private soft: { hyphen: boolean; style: SpanStyle } | null = null;
  private softPending: { hyphen: boolean; style: SpanStyle } | null = null;

  constructor(
    private readonly width: number,
    private readonly maxLines: number,
  ) {}

  get full(): boolean {
    return this.lines.length >= this.maxLines;
  }

  addWord(raw: string, style: SpanStyle): void {
    const text = displayText(raw);
    if (text === '') return;
    this.word.push({ text, style });
    this.wordWidth += text.length > LONG_WORD ? Infinity : textWidth(text);
  }

  /** A soft break point inside a word: U+00AD (shows '-' when broken) or U+200B. */
  addSoftBreak(hyphen: boolean, style: SpanStyle): void {
    if (this.word.length === 0) return;
    this.flushWord(hyphen);
    this.softPending = { hyphen, style };
  }

  addSpace(style: SpanStyle): void {
    this.flushWord();
    this.softPending = null;
    // Spaces at the start of a line are dropped, as in any paragraph reflow.
    if (this.used > 0) this.space = style;
  }

  hardBreak(): void {
    this.flushWord();
    this.newLine();
  }

  finish(): Line[] {
    this.flushWord();
    if (this.line.length > 0 || this.lines.length === 0) this.newLine();
    return this.lines;
  }

  private newLine(): void {
    // Breaking at a soft hyphen shows it; room for it was kept when the part before it was placed.
    if (this.soft?.hyphen && this.used > 0 && this.used < this.width) pushText(this.line, '-', this.soft.style);
    this.soft = null;
    if (!this.full) this.lines.push(this.line);
    this.line = [];
    this.used = 0;
    this.space = null;
  }

  // `hyphenAfter`: a soft hyphen follows, so the part must leave a column for '-' to fit here.
  private flushWord(hyphenAfter = false): void {
    this.soft = this.softPending;
    this.softPending = null;
    if (this.word.length === 0) {
      this.soft = null;
      return;
    }
    const joined = this.soft !== null && this.used > 0;
    const gap = !joined && this.space && this.used > 0 ? 1 : 0;
    const need = this.wordWidth + (hyphenAfter ? 1 : 0);
    if (this.used + gap + need <= this.width) {
      this.soft = null;
      this.place(gap);
    } else if (need <= this.width) {
      this.newLine();
      this.place(0);
    } else {
      this.breakWord(gap);
    }
    this.soft = null;
    this.word = [];
    this.wordWidth = 0;
    this.space = null;
  }

  private place(gap: number): void {
    if (gap && this.space) pushText(this.line, ' ', this.space);
    for (const p of this.word) pushText(this.line, p.text, p.style);
    this.used += gap + this.wordWidth;
  }

  // A word wider than the whole line: fill what is left of this line, then continue on the next
  // ones, one grapheme at a time (long URLs, CJK runs without spaces).
  private breakWord(gap: number): void {
    if (this.used + gap + 1 < this.width) {
      this.soft = null;
      if (gap && this.space) pushText(this.line, ' ', this.space);
      this.used += gap;
    } else if (this.used > 0) {
      this.newLine();
    }
    let shortened = false;
    // The grapheme placed last on this line, and how many of the word's are on it.
    let last: { g: string; w: number; style: SpanStyle } | null = null;
    let onLine = 0;
    for (const p of this.word) {
      for (let g of eachGrapheme(p.text)) {
        let w = graphemeWidth(g);
        // The columns a cluster reserves go with it (width/width.ts).
        if (g === WIDE_PAD && shortened) continue;
        // Only a width-1 pane can meet a grapheme wider than itself; show that it was there.
        shortened = w > this.width;
        if (shortened) [g, w] = ['…', 1];
        if (this.used + w > this.width) {
          // Line-breaking rules for CJK text (kinsoku shori; UAX #14's CL, EX, IS and NS classes,
          // JIS X 4051): a closing mark or small kana never starts a line, an opening bracket never
          // ends one, so the grapheme before the break goes down with it (found by a tester: a
          // Chinese line began with `，`). Only when the two fit a line together: an emoji that
          // fills the line alone (👨‍👩‍👧 at 6) after `[` put both on one row wider than the pane.
          const carry = last !== null && onLine > 1 && last.g !== WIDE_PAD && last.w + w <= this.width && (NO_LINE_START.test(g) || NO_LINE_END.test(last.g)) ? last : null;
          if (carry) {
            popText(this.line, carry.g);
            this.used -= carry.w;
          }
          this.newLine();
          onLine = 0;
          if (carry && !this.full) {
            pushText(this.line, carry.g, carry.style);
            this.used += carry.w;
            onLine = 1;
          }
        }
        if (this.full) return;
        pushText(this.line, g, p.style);
        this.used += w;
        last = { g, w, style: p.style };
        onLine++;
      }
    }
  }
}

/**
 * Wraps styled spans into lines no wider than `width` columns. Runs of spaces collapse to one,
 * '\n' forces a break, words wider than the line are broken by grapheme. Stops after `maxLines`.
 */
export function wrapSpans(spans: readonly Span[], width: number, maxLines = Infinity): Line[] {
  const builder = new LineBuilder(Math.max(1, Math.floor(width)), maxLines);
  for (const span of spans) {
    const { text, ...style } = span;
    for (const m of text.matchAll(PIECES)) {
      const piece = m[0];
      if (piece === '\n') builder.hardBreak();
      else if (piece[0] === ' ') builder.addSpace(style);
      else if (piece === SOFT_HYPHEN || piece === '\u200b') builder.addSoftBreak(piece === SOFT_HYPHEN, style);
      else {
        const words = (nbspParts(piece, width) ?? [piece]).flatMap(dictionaryWords);
        for (let i = 0; i < words.length; i++) {
          if (i > 0) builder.addSoftBreak(false, style);
          builder.addWord(words[i], style);
        }
      }
      if (builder.full) return builder.lines;
    }
  }
  return builder.finish();
}

/** Cuts styled spans to one line of at most `width` columns, ending with '…' when cut. */
export function cutSpans(input: readonly Span[], width: number): Line {
  const spans = input.map((s) => ({ ...s, text: displayText(s.text) }));
  const budget = Math.max(0, Math.floor(width));
  let total = 0;
  for (const s of spans) total += textWidth(s.text, budget - total);
  const out: Line = [];
  if (total <= budget) {
    for (const s of spans) if (s.text) out.push(s);
    return out;
  }
  if (budget === 0) return out;
  let used = 0;
  let last: SpanStyle = {};
  for (const span of spans) {
    const { text, ...style } = span;
    last = style;
    for (const g of eachGrapheme(text)) {
      const w = graphemeWidth(g);
      if (used + w > budget - 1) {
        pushText(out, '…', style);
        return out;
      }
      pushText(out, g, style);
      used += w;
    }
  }
  pushText(out, '…', last);
  return out;
}

/** Pads a line with spaces to exactly `width` columns (it must already fit). */
export function padLine(line: Line, width: number, style: SpanStyle = {}): Line {
  let used = 0;
  for (const s of line) used += textWidth(s.text);
  if (used >= width) return line;
  return [...line, { ...style, text: ' '.repeat(width - used) }];
}

/**
 * The last guard before a row is drawn: its spans in display form and cut to `width` columns at
 * their widest terminal reading, so no row can overflow its pane whatever Ink computes.
 */
export function clipLine(line: Line, width: number): Line {
  // Rendered bodies are memoised, so the same Line objects are drawn again on every keystroke.
  const known = clipped.get(line);
  if (known && known.width === width) return known.line;
  const out = cutSpans(line, width);
  clipped.set(line, { width, line: out });
  return out;
}

const clipped = new WeakMap<Line, { width: number; line: Line }>();

/** A span cut into rows of exactly `width` columns by grapheme, no indentation (a URL to copy). */
export function cutRows(span: Span, width: number, maxRows = Infinity): Line[] {
  const { text, ...style } = span;
  const rows: Line[] = [];
  let row = '';
  let used = 0;
  const w = Math.max(1, Math.floor(width));
  let shortened = false;
  for (const g of eachGrapheme(displayText(text))) {
    const gw = graphemeWidth(g);
    if (g === WIDE_PAD && shortened) continue;
    shortened = gw > w;
    if (used + gw > w && used > 0) {
      rows.push([{ ...style, text: row }]);
      if (rows.length >= maxRows) return rows;
      row = '';
      used = 0;
    }
    row += gw > w ? '…' : g;
    used += Math.min(gw, w);
  }
  if (row) rows.push([{ ...style, text: row }]);
  return rows;
}
