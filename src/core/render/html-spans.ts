// HTML inside Markdown is shown, never interpreted: htmlparser2 (a real, forgiving HTML parser)
// reads it, and its structure becomes styled spans: table cells stay apart, list items and
// paragraphs get their own lines, `<img alt>` shows as `[image: alt]`, `<a href>` gets a link note
// like a Markdown link, `<details>`/`<summary>` show their text, `<script>`/`<style>` vanish, an
// embedded player (`<iframe>`, `<video>`, `<audio>`) is named with a link note, and a `<pre>` is
// handed back as code. Text is sanitised here, because an entity such as `&#27;` decodes to a control character.
import { Parser } from 'htmlparser2';
import type { LinkNotes } from './link-notes.js';
import { sanitizeLine } from '../text/index.js';
import { embedNote, inlineStyle } from './html-tags.js';
import { RAW_TEXT, unclosedHiddenElements } from './closed-elements.js';
import { imageGap, markOf, SUPERSCRIPT_MARK, type Span, type SpanStyle } from './spans.js';

// Their content is never shown (code, styling, metadata; a player's fallback text).
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math', 'video', 'audio']);
// A block that may hold one of them, or a raw-text element, left open (closed-elements.ts).
const HIDDEN_TAG = new RegExp(`<(?:${[...HIDDEN, ...RAW_TEXT].join('|')})\\b`, 'i');
// A blank line before and after.
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre', 'figure', 'details', 'section', 'article', 'aside', 'header', 'footer', 'dl', 'hr', 'center']);
// A line of their own.
const LINE = new Set(['div', 'summary', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption', 'thead', 'tbody', 'tfoot', 'address']);

const CELL_SEPARATOR = ' │ ';

/** A run of an HTML block: text laid out as prose, or a `<pre>` element's text, laid out as code. */
export type HtmlPart = { kind: 'text'; spans: Span[] } | { kind: 'pre'; text: string };

/** Builds spans from parser events; '\n' is a line break, '\n\n' a blank line. */
class SpanWriter {
  spans: Span[] = [];
  readonly parts: HtmlPart[] = [];
  private hidden = 0;
  // One entry per open element of HIDDEN: whether it counts in `hidden` (its author closed it).
  private readonly hiddenOpen: boolean[] = [];
  private pre = 0;
  // The text of the `<pre>` element open now, as written: its tags (Rouge's and Pygments'
  // highlighting `<span>`s) dropped, `<br>` a line break.
  private preText = '';
  private readonly styles: SpanStyle[] = [{}];
  // Each open `<a>`: its address (null: none or a fragment), the span count at its start, any image.
  private readonly links: Array<{ href: string | null; at: number; image: boolean }> = [];
  private readonly lists: Array<{ ordered: boolean; next: number }> = [];
  private cellInRow = 0;
  // How many spans there were just after the last image (or where a decorative one stood): text
  // pushed there stands apart from what is before it (spans.ts imageGap).
  private imageAt = -1;
  // How many spans there were just after the last list item's bullet.
  private bulletAt = -1;

  constructor(
    private readonly notes: LinkNotes,
    base: SpanStyle,
  ) {
    this.styles[0] = base;
  }

  private get style(): SpanStyle {
    return this.styles[this.styles.length - 1];
  }

  private atLineStart(): boolean {
    const last = this.spans[this.spans.length - 1];
    return !last || last.text === '\n';
  }

  private push(text: string, style: SpanStyle = this.style): void {
    // Whitespace between tags at the start of a line is layout of the source, not text.
    if (text.trim() === '' && this.atLineStart()) return;
    if (!text) return;
    const last = this.spans[this.spans.length - 1];
    if (this.imageAt === this.spans.length && last !== undefined && imageGap(last.text, text)) this.spans.push({ text: ' ' });
    this.spans.push({ ...style, text });
  }

  // Breaks never pile up: at most one blank line, none at the very start.
  private breakLine(blank: boolean): void {
    while (this.spans.length > 0 && this.spans[this.spans.length - 1].text !== '\n' && this.spans[this.spans.length - 1].text.trim() === '') this.spans.pop();
    let trailing = 0;
    for (let i = this.spans.length - 1; i >= 0 && this.spans[i].text === '\n'; i--) trailing++;
    if (this.spans.length === trailing) return;
    for (let i = trailing; i < (blank ? 2 : 1); i++) this.spans.push({ text: '\n' });
  }

  /** `closed`: false for an element left open by its author, which hides nothing (closed-elements.ts). */
  open(name: string, attribs: Record<string, string>, closed = true): void {
    const embed = this.hidden === 0 && this.pre === 0 ? embedNote(name, attribs) : null;
    if (embed) this.embed(embed);
    else if (this.hidden === 1 && name === 'source' && this.pendingEmbed) this.embedSource(attribs);
    if (HIDDEN.has(name)) {
      this.hiddenOpen.push(closed);
      if (closed) this.hidden++;
      else if (embed) this.endEmbed();
    }
    if (this.hidden > 0) return;
    if (this.pre > 0) {
      if (name === 'pre') this.pre++;
      else if (name === 'br') this.preText += '\n';
      return;
    }
    // Substack and Ghost write each list item's text as a paragraph (`<li><p>...</p></li>`): it
    // follows its bullet on the same line, and items stay a line apart, as Markdown's lists do.
    if (name === 'p' && this.spans.length === this.bulletAt) {
      // The bullet's line goes on.
    } else if (BLOCK.has(name)) this.breakLine(!(name === 'p' && this.lists.length > 0));
    else if (LINE.has(name)) this.breakLine(false);
    const style = this.style;
    switch (name) {
      case 'br':
        this.spans.push({ text: '\n' });
        return;
      case 'sup':
        this.push(SUPERSCRIPT_MARK);
        return;
      case 'img': {
        // `alt=""` is HTML's mark of a decorative image (an icon, a spacer): nothing to read.
        this.imageAt = this.spans.length;
        if (this.links.length > 0) this.links[this.links.length - 1].image = true;
        if (attribs.alt !== undefined && attribs.alt.trim() === '') return;
        const alt = sanitizeLine(attribs.alt ?? '').trim();
        this.push(alt ? `[image: ${alt}]` : '[image]', { ...style, role: 'dim' });
        this.imageAt = this.spans.length;
        return;
      }
      case 'hr':
        this.push('───', { role: 'dim' });
        return;
      case 'ul':
      case 'ol':
        this.lists.push({ ordered: name === 'ol', next: Number.parseInt(attribs.start ?? '1', 10) || 1 });
        return;
      case 'li': {
        const list = this.lists[this.lists.length - 1];
        const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
        this.push(`${indent}${list?.ordered ? `${list.next++}.` : '•'} `, {});
        this.bulletAt = this.spans.length;
        return;
      }
      case 'tr':
        this.cellInRow = 0;
        return;
      case 'td':
      case 'th':
        if (this.cellInRow++ > 0) this.push(CELL_SEPARATOR, { role: 'dim' });
        this.styles.push(name === 'th' ? { ...style, bold: true } : style);
        return;
      case 'pre':
        this.pre = 1;
        this.preText = '';
        return;
      case 'a': {
        const href = sanitizeLine(attribs.href ?? '').trim();
        this.links.push({ href: href && !href.startsWith('#') ? href : null, at: this.spans.length, image: false });
        this.styles.push(href ? { ...style, role: 'link', underline: true, href } : style);
        return;
      }
    }
    const extra = inlineStyle(name);
    if (!extra) return;
    // Struck and highlighted text keep their marks, as Markdown's `~~` and `==` do (spans.ts markOf).
    const mark = markOf(extra);
    if (mark) this.push(mark, { ...style, role: 'dim' });
    this.styles.push({ ...style, ...extra });
  }

  close(name: string): void {
    if (HIDDEN.has(name)) {
      if (!(this.hiddenOpen.pop() ?? true)) return;
      this.hidden = Math.max(0, this.hidden - 1);
      if (this.hidden === 0 && this.pendingEmbed) this.endEmbed();
      return;
    }
    if (this.hidden > 0) return;
    if (this.pre > 0) {
      if (name === 'pre' && --this.pre === 0) this.closePre();
      return;
    }
    switch (name) {
      case 'ul':
      case 'ol':
        this.lists.pop();
        break;
      case 'td':
      case 'th':
        this.styles.pop();
        break;
      case 'a':
        this.styles.pop();
        this.closeLink();
        break;
      default: {
        const extra = inlineStyle(name);
        if (extra && this.styles.length > 1) {
          this.styles.pop();
          const mark = markOf(extra);
          if (mark) this.push(mark, { ...this.style, role: 'dim' });
        }
      }
    }
    if (BLOCK.has(name)) this.breakLine(!(name === 'p' && this.lists.length > 0));
    else if (LINE.has(name)) this.breakLine(false);
  }

  // A link's note after its last words. Substack wraps an image and its empty `<div>`s in the link:
  // the note goes on the image's line, not on a line of its own after the divs' breaks; a link
  // showing only a decorative image (`alt=""`, as Substack's mostly are) is named `[image]`.
  private closeLink(): void {
    const link = this.links.pop();
    const n = link?.href ? this.notes.number(link.href) : null;
    if (!link || n === null) return;
    let breaks = 0;
    while (this.spans.length > link.at && this.spans[this.spans.length - 1].text === '\n') {
      this.spans.pop();
      breaks++;
    }
    const shown = this.spans.slice(link.at).some((s) => s.text.trim() !== '');
    if (!shown && link.image) {
      this.push('[image]', { ...this.style, role: 'dim' });
      this.imageAt = this.spans.length;
    }
    this.push(`[${n}]`, { role: 'dim' });
    if (breaks > 0) this.breakLine(breaks > 1);
  }

  // `[video: title]` and the player's address as a link note; a `<video>` or `<audio>` may name
  // its address in a `<source>` inside it, so the note waits for the element's end.
  private pendingEmbed: { src: string } | null = null;

  private embed(note: { text: string; src: string }): void {
    this.breakLine(false);
    this.push(note.text, { ...this.style, role: 'dim' });
    this.pendingEmbed = { src: note.src };
  }

  private embedSource(attribs: Record<string, string>): void {
    if (this.pendingEmbed && !this.pendingEmbed.src) this.pendingEmbed.src = sanitizeLine(attribs.src ?? '').trim();
  }

  private endEmbed(): void {
    const src = this.pendingEmbed?.src ?? '';
    this.pendingEmbed = null;
    const n = src && !src.startsWith('#') ? this.notes.number(src) : null;
    if (n !== null) this.push(`[${n}]`, { role: 'dim' });
    this.breakLine(false);
  }

  text(raw: string): void {
    if (this.hidden > 0) return;
    if (this.pre > 0) {
      this.preText += raw;
      return;
    }
    this.push(sanitizeLine(raw.replace(/\s+/g, ' ')));
  }

  // The prose so far becomes a part of its own, and the `<pre>` text the next one. A newline
  // straight after `<pre>` is not content (HTML drops it), nor is one before `</pre>`.
  private closePre(): void {
    this.flushText();
    const text = this.preText.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    this.preText = '';
    if (text.trim() !== '') this.parts.push({ kind: 'pre', text });
  }

  private flushText(): void {
    while (this.spans.length > 0 && this.spans[this.spans.length - 1].text === '\n') this.spans.pop();
    while (this.spans.length > 0 && this.spans[0].text === '\n') this.spans.shift();
    if (this.spans.some((s) => s.text.trim() !== '')) this.parts.push({ kind: 'text', spans: this.spans });
    this.spans = [];
  }

  finish(): HtmlPart[] {
    // An unclosed `<pre>` runs to the end of the block, as in a browser.
    if (this.pre > 0) {
      this.pre = 0;
      this.closePre();
    }
    this.flushText();
    return this.parts;
  }
}

/**
 * An HTML fragment as parts in order: styled spans of prose ('\n' spans are line breaks) and the
 * text of each `<pre>` element, to be laid out as code. Link targets go to `notes`.
 */
export function htmlParts(html: string, notes: LinkNotes, base: SpanStyle = {}): HtmlPart[] {
  const writer = new SpanWriter(notes, base);
  const ready = HIDDEN_TAG.test(html) ? unclosedHiddenElements(html, HIDDEN) : { html, open: new Set<number>() };
  const parser = new Parser(
    {
      onopentag: (name, attribs) => writer.open(name, attribs, !ready.open.has(parser.startIndex)),
      onclosetag: (name) => writer.close(name),
      ontext: (text) => writer.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(ready.html);
  parser.end();
  return writer.finish();
}
