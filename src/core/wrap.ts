// Word wrapping and cutting of styled spans to a column budget. Written by hand because the
// libraries (wrap-ansi, cli-truncate) work on ANSI strings, while the panes need structured spans
// so Ink can style them; widths come from string-width so CJK and emoji count as two columns.
import { pushText, type Line, type Span, type SpanStyle } from './spans.js';
import { eachGrapheme, graphemeWidth, textWidth } from './text-width.js';

// A word this long (in UTF-16 units) is wider than any pane; it is not measured whole, only cut.
const LONG_WORD = 2048;

// Words and the whitespace between them; '\n' inside a span is a hard line break.
const PIECES = /\n| +|[^ \n]+/g;

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

  constructor(
    private readonly width: number,
    private readonly maxLines: number,
  ) {}

  get full(): boolean {
    return this.lines.length >= this.maxLines;
  }

  addWord(text: string, style: SpanStyle): void {
    this.word.push({ text, style });
    this.wordWidth += text.length > LONG_WORD ? Infinity : textWidth(text);
  }

  addSpace(style: SpanStyle): void {
    this.flushWord();
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
    if (!this.full) this.lines.push(this.line);
    this.line = [];
    this.used = 0;
    this.space = null;
  }

  private flushWord(): void {
    if (this.word.length === 0) return;
    const gap = this.space && this.used > 0 ? 1 : 0;
    if (this.used + gap + this.wordWidth <= this.width) {
      this.place(gap);
    } else if (this.wordWidth <= this.width) {
      this.newLine();
      this.place(0);
    } else {
      this.breakWord(gap);
    }
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
      if (gap && this.space) pushText(this.line, ' ', this.space);
      this.used += gap;
    } else if (this.used > 0) {
      this.newLine();
    }
    for (const p of this.word) {
      for (let g of eachGrapheme(p.text)) {
        let w = graphemeWidth(g);
        // Only a width-1 pane can meet a grapheme wider than itself; show that it was there.
        if (w > this.width) [g, w] = ['…', 1];
        if (this.used + w > this.width) this.newLine();
        if (this.full) return;
        pushText(this.line, g, p.style);
        this.used += w;
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
      else builder.addWord(piece, style);
      if (builder.full) return builder.lines;
    }
  }
  return builder.finish();
}

/** Cuts styled spans to one line of at most `width` columns, ending with '…' when cut. */
export function cutSpans(spans: readonly Span[], width: number): Line {
  const budget = Math.max(0, Math.floor(width));
  let total = 0;
  for (const s of spans) total += textWidth(s.text, budget - total);
  const out: Line = [];
  if (total <= budget) {
    for (const s of spans) if (s.text) out.push({ ...s });
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

/** Cuts a plain string to `width` columns with '…' (one-line values in the panes). */
export function cutText(text: string, width: number): string {
  return cutSpans([{ text }], width)
    .map((s) => s.text)
    .join('');
}

/** Pads a line with spaces to exactly `width` columns (it must already fit). */
export function padLine(line: Line, width: number, style: SpanStyle = {}): Line {
  let used = 0;
  for (const s of line) used += textWidth(s.text);
  if (used >= width) return line;
  return [...line, { ...style, text: ' '.repeat(width - used) }];
}
