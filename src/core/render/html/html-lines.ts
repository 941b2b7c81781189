// The styled lines an HTML block is written into (html-spans.ts reads the tags and writes here):
// HTML's source layout is not its text, so whitespace between tags at a line's start is dropped,
// breaks never pile up (at most one blank line, none at the start), and text right after an image
// stands apart from it. '\n' spans are line breaks, two of them a blank line.
import { imageGap, type Span, type SpanStyle } from '../spans.js';

/** Spans written in order under a stack of styles, on the line rules above. */
export class HtmlLines {
  protected spans: Span[] = [];
  protected readonly styles: SpanStyle[] = [{}];
  // How many spans there were just after the last image (or where a decorative one stood): text
  // pushed there stands apart from what is before it (spans.ts imageGap).
  protected imageAt = -1;

  constructor(base: SpanStyle) {
    this.styles[0] = base;
  }

  /** The style open now: the innermost element's. */
  protected get style(): SpanStyle {
    return this.styles[this.styles.length - 1];
  }

  protected atLineStart(): boolean {
    const last = this.spans[this.spans.length - 1];
    return !last || last.text === '\n';
  }

  /** Writes `text` in `style` (the open style by default); whitespace at a line's start is layout of the source, not text. */
  protected push(text: string, style: SpanStyle = this.style): void {
    if (text.trim() === '' && this.atLineStart()) return;
    if (!text) return;
    const last = this.spans[this.spans.length - 1];
    if (this.imageAt === this.spans.length && last !== undefined && imageGap(last.text, text)) this.spans.push({ text: ' ' });
    this.spans.push({ ...style, text });
  }

  /** Ends the line (`blank`: and leaves a blank line); breaks never pile up: at most one blank line, none at the very start. */
  protected breakLine(blank: boolean): void {
    while (this.spans.length > 0 && this.spans[this.spans.length - 1].text !== '\n' && this.spans[this.spans.length - 1].text.trim() === '') this.spans.pop();
    let trailing = 0;
    for (let i = this.spans.length - 1; i >= 0 && this.spans[i].text === '\n'; i--) trailing++;
    if (this.spans.length === trailing) return;
    for (let i = trailing; i < (blank ? 2 : 1); i++) this.spans.push({ text: '\n' });
  }

  /** The spans written so far without the breaks around them, null when they show nothing; the lines start again empty. */
  protected takeSpans(): Span[] | null {
    const spans = this.spans;
    this.spans = [];
    while (spans.length > 0 && spans[spans.length - 1].text === '\n') spans.pop();
    while (spans.length > 0 && spans[0].text === '\n') spans.shift();
    return spans.some((s) => s.text.trim() !== '') ? spans : null;
  }
}
