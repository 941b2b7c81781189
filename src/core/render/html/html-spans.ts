// HTML inside Markdown is shown, never interpreted: htmlparser2 (a real, forgiving HTML parser)
// reads it, and its structure becomes styled spans: a table is read into the table model Markdown's
// use (html-table.ts), list items are runs of their own at their depth (html-parts.ts), paragraphs
// get their own lines, an `<h1>`-`<h6>` is drawn as Markdown's heading of its level, `<q>` between
// quotation marks, `<img alt title>` shows as `[image: alt — title]`, `<a href>` gets a link note like a Markdown link, `<details>`/`<summary>` show their text, `<script>`/`<style>` vanish, an
// embedded player (`<iframe>`, `<video>`, `<audio>`) is named with a link note, and a `<pre>` is
// handed back as code. Text is sanitised here, because an entity such as `&#27;` decodes to a control character.
import { Parser } from 'htmlparser2';
import type { LinkNotes } from '../link-notes.js';
import type { HtmlPart } from './html-parts.js';
import { sanitizeLine, unclosedHiddenElements } from '../../text/index.js';
import { BLOCK, embedNote, HIDDEN, inlineStyle, LINE, quoteMark } from './html-tags.js';
import { HtmlRuby } from './html-ruby.js';
import { cellAlign, cellSpan, HtmlTable } from './html-table.js';
import { imageLabel, markOf, type CellAlign, type SpanStyle } from '../spans.js';

const CELL_SEPARATOR = ' │ ';
const HEADING = /^h[1-6]$/;

export type { HtmlItem, HtmlPart } from './html-parts.js';

/** Builds spans from parser events, on the line rules of HtmlLines, links and players noted as HtmlNotes notes them, in parts as HtmlParts cuts them. */
class SpanWriter extends HtmlRuby {
  private hidden = 0;
  // One entry per open element of HIDDEN: whether it counts in `hidden` (its author closed it).
  private readonly hiddenOpen: boolean[] = [];
  private pre = 0;
  // The text of the `<pre>` element open now, as written: its tags (Rouge's and Pygments'
  // highlighting `<span>`s) dropped, `<br>` a line break.
  private preText = '';
  // The outermost `<table>` open, read into the table model; a table inside one of its cells is
  // written into that cell, its cells apart by CELL_SEPARATOR as before.
  private table: HtmlTable | null = null;
  private tables = 0;
  private inHead = false;
  private cell: { at: number; head: boolean; align: CellAlign; span: { cols: number; rows: number } } | null = null;
  private cellInRow = 0;
  // How many `<q>`s are open: a quotation inside one takes the other marks (html-tags.ts quoteMark).
  private quotes = 0;

  /** `closed`: false for an element left open by its author, which hides nothing (text/shown/hidden-elements.ts). */
  open(name: string, attribs: Record<string, string>, closed = true): void {
    const embed = this.hidden === 0 && this.pre === 0 ? embedNote(name, attribs) : null;
    if (embed) this.embed(embed);
    else if (this.hidden === 1 && name === 'source' && this.pendingEmbed !== null) this.embedSource(attribs);
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
    // follows its bullet on the same line (an item starts a run of its own, so the break before
    // the `<p>` has nothing to end), and items stay a line apart, as Markdown's lists do.
    if (BLOCK.has(name)) this.breakLine(!(name === 'p' && this.inList()));
    else if (LINE.has(name)) this.breakLine(false);
    const style = this.style;
    // A heading is drawn as Markdown's of its level; in a table cell or a list item it stays in its run.
    if (HEADING.test(name)) return this.openHeading(Number(name[1]), this.cell !== null || this.inItem());
    if (this.openNoteElement(name, attribs) || this.openRuby(name)) return;
    switch (name) {
      case 'br':
        this.spans.push({ text: '\n' });
        return;
      case 'q':
        this.push(quoteMark(this.quotes++, false));
        return;
      case 'img': {
        // `alt=""` is HTML's mark of a decorative image (an icon, a spacer): nothing to read, unless a title says what it shows.
        this.imageAt = this.spans.length;
        this.linkHoldsImage();
        const label = imageLabel(sanitizeLine(attribs.alt ?? ''), sanitizeLine(attribs.title ?? ''));
        if (attribs.alt !== undefined && label === null) return;
        this.push(label ?? '[image]', { ...style, role: 'dim' });
        this.imageAt = this.spans.length;
        return;
      }
      case 'hr':
        this.push('───', { role: 'dim' });
        return;
      case 'ul':
      case 'ol':
        this.openList(name === 'ol', attribs, this.cell !== null);
        return;
      case 'dl':
        this.openDefinitionList();
        return;
      case 'dt':
      case 'dd':
        if (!this.cell) this.openDefinition(name === 'dt');
        return;
      case 'li': {
        const marker = this.itemMarker(attribs);
        // Inside a table cell an item stays in the cell's text, as a bullet.
        if (this.cell) this.push(marker, {});
        else this.openItem(marker);
        return;
      }
      case 'table':
        if (this.tables++ === 0) {
          this.flushText();
          this.table = new HtmlTable();
        }
        return;
      case 'thead':
        this.inHead = true;
        return;
      case 'tr':
        if (this.tables === 1) this.table?.openRow(this.inHead);
        this.cellInRow = 0;
        return;
      case 'td':
      case 'th':
        if (this.tables === 1 && !this.cell) this.cell = { at: this.spans.length, head: name === 'th', align: cellAlign(attribs), span: cellSpan(attribs) };
        else if (this.cellInRow++ > 0) this.push(CELL_SEPARATOR, { role: 'dim' });
        this.styles.push(name === 'th' ? { ...style, bold: true } : style);
        return;
      case 'pre':
        this.pre = 1;
        this.preText = '';
        return;
      case 'a':
        this.openLink(attribs);
        return;
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
      if (this.hidden === 0 && this.pendingEmbed !== null) this.endEmbed();
      return;
    }
    if (this.hidden > 0) return;
    if (this.pre > 0) {
      if (name === 'pre' && --this.pre === 0) this.closePre();
      return;
    }
    if (HEADING.test(name)) this.closeHeading();
    switch (name) {
      case 'ul':
      case 'ol':
        this.closeList();
        break;
      case 'li':
        if (!this.cell) this.closeItem();
        break;
      case 'dt':
      case 'dd':
        if (!this.cell) this.closeDefinition(name === 'dt');
        break;
      case 'thead':
        this.inHead = false;
        break;
      case 'tr':
        if (this.tables === 1) this.table?.closeRow();
        break;
      case 'td':
      case 'th':
        this.styles.pop();
        if (this.tables === 1 && this.cell) {
          this.table?.addCell(this.spans.splice(this.cell.at), this.cell.head, this.cell.align, this.cell.span);
          this.cell = null;
        }
        break;
      case 'table':
        if (this.tables > 0 && --this.tables === 0) this.closeTable();
        break;
      case 'a':
        if (!this.closeNoteAnchor()) this.closeLink();
        break;
      case 'sup':
      case 'div':
        this.closeNoteElement(name);
        break;
      case 'rt':
      case 'rp':
        this.closeRuby(name);
        break;
      case 'q':
        if (this.quotes > 0) this.push(quoteMark(--this.quotes, true));
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
    if (BLOCK.has(name)) this.breakLine(!(name === 'p' && this.inList()));
    else if (LINE.has(name)) this.breakLine(false);
  }

  text(raw: string): void {
    if (this.hidden > 0 || this.inRubyParenthesis()) return;
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

  // The table's rows become a part; words in it outside any cell (a `<caption>`) go before it.
  private closeTable(): void {
    const table = this.table?.table();
    this.table = null;
    this.cell = null;
    this.inHead = false;
    this.flushText();
    if (table) this.parts.push({ kind: 'table', table });
  }

  finish(): HtmlPart[] {
    // An unclosed `<pre>` runs to the end of the block, as in a browser.
    if (this.pre > 0) {
      this.pre = 0;
      this.closePre();
    }
    if (this.tables > 0) {
      // A table left open ends with the block, as in a browser; its open cell with it.
      if (this.cell) this.table?.addCell(this.spans.splice(this.cell.at), this.cell.head, this.cell.align, this.cell.span);
      this.tables = 0;
      this.closeTable();
    }
    this.closeOpenHeading();
    this.closeItems();
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
  const ready = unclosedHiddenElements(html);
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
