// How an HTML block's spans are cut into parts (html-spans.ts reads the tags): prose, a `<pre>`'s
// code, a table, and a list item's text at its place. An item's text is a run of its own, at the
// column after its marker and after its parents' markers, so a nested list is drawn indented under
// its item and an item's wrapped rows under its first word, as Markdown's items are
// (../markdown-blocks.ts). Before, items were lines of one run of prose: a nested list came out
// flush left after a blank line.
import { HtmlNotes } from './html-notes.js';
import { isNoteItem, isNoteList } from './footnote-anchors.js';
import { BULLETS, DEFINITION_INDENT, type Span, type SpanTable } from '../spans.js';

/**
 * Where a run of a list item's text sits: the column its text starts at, and the item's marker
 * (`• `, `2. `) ending there, on its first run only; `apart`: a blank row before it (a definition
 * list's term after a definition, as Markdown's groups are drawn).
 */
export interface HtmlItem {
  indent: number;
  marker?: string;
  apart?: boolean;
}

/**
 * A run of an HTML block: text laid out as prose (a list item's at its place), a `<pre>` element's
 * text laid out as code, a `<table>` laid out as Markdown's tables are, or an `<h1>`-`<h6>` drawn
 * as Markdown's heading of its level (`depth`) is.
 */
export type HtmlPart =
  | { kind: 'text'; spans: Span[]; item?: HtmlItem }
  | { kind: 'pre'; text: string }
  | { kind: 'table'; table: SpanTable }
  | { kind: 'heading'; depth: number; spans: Span[] };

/** HtmlNotes whose spans are cut into HtmlParts, list items apart. */
export class HtmlParts extends HtmlNotes {
  readonly parts: HtmlPart[] = [];
  // The column each open `<li>`'s text starts at, and the marker of the one just opened until its first run is written.
  private readonly items: number[] = [];
  // Each open `<ul>` or `<ol>`: whether numbered, its next number, and whether it holds footnotes.
  private readonly lists: Array<{ ordered: boolean; next: number; notes: boolean }> = [];
  private marker: string | undefined;
  private apart = false;
  // Whether the `<dl>` open now has had a `<dd>`: its next `<dt>` starts a group of its own.
  private defined = false;
  // The level of the `<h1>`-`<h6>` open as a part of its own; 0: none.
  private headingDepth = 0;

  /** Whether an `<li>` is open. */
  protected inItem(): boolean {
    return this.items.length > 0;
  }

  /** The text so far becomes a part: a list item's at the item's column, its marker on its first. */
  protected flushText(): void {
    const spans = this.takeSpans();
    const indent = this.items[this.items.length - 1];
    if (indent === undefined) {
      if (spans) this.parts.push({ kind: 'text', spans });
      return;
    }
    if (!spans && this.marker === undefined) return;
    const item: HtmlItem = this.marker === undefined ? { indent } : { indent, marker: this.marker, ...(this.apart ? { apart: true } : {}) };
    this.parts.push({ kind: 'text', spans: spans ?? [], item });
    this.marker = undefined;
    this.apart = false;
  }

  /** Whether a `<ul>` or `<ol>` is open. */
  protected inList(): boolean {
    return this.lists.length > 0;
  }

  /** A `<ul>` or `<ol>` opens; inside an item (not in a table cell) on a run of its own, under the item's text. */
  protected openList(ordered: boolean, attribs: Readonly<Record<string, string>>, inCell: boolean): void {
    if (this.inItem() && !inCell) this.flushText();
    this.lists.push({ ordered, next: Number.parseInt(attribs.start ?? '1', 10) || 1, notes: isNoteList(attribs) });
  }

  protected closeList(): void {
    this.lists.pop();
  }

  /** The marker of an `<li>` of the list open now: its bullet or number, `[^3] ` for a footnote (html/footnote-anchors.ts), as a Markdown footnote's. */
  protected itemMarker(attribs: Readonly<Record<string, string>>): string {
    const list = this.lists[this.lists.length - 1];
    const n = list?.ordered ? list.next++ : null;
    if (n !== null && (list.notes || isNoteItem(attribs))) return `[^${n}] `;
    return `${n === null ? BULLETS[Math.max(0, this.lists.length - 1) % BULLETS.length] : `${n}.`} `;
  }

  /** An `<li>` opens with `marker` (`• `, `3. `): its text starts a run of its own, after the marker. */
  protected openItem(marker: string): void {
    this.flushText();
    this.marker = marker;
    this.items.push((this.items[this.items.length - 1] ?? 0) + marker.length);
  }

  /**
   * A `<dt>` or `<dd>` opens: drawn as Markdown's definition lists are, a term on a row of its own
   * in bold, its definitions indented under it, a blank row before the next term. Before, a `<dl>`
   * was lines of prose, the definitions flush with their terms.
   */
  protected openDefinition(term: boolean): void {
    this.openItem(term ? '' : ' '.repeat(DEFINITION_INDENT));
    this.apart = term && this.defined;
    this.defined = !term;
    if (term) this.styles.push({ ...this.style, bold: true });
  }

  /** A `</dt>` or `</dd>`: its text is the item's last run. */
  protected closeDefinition(term: boolean): void {
    if (term && this.styles.length > 1) this.styles.pop();
    this.closeItem();
  }

  /** A `<dl>` opens: its first term starts no group of its own. */
  protected openDefinitionList(): void {
    this.defined = false;
  }

  /** An `</li>`: its text so far is its last run. */
  protected closeItem(): void {
    if (this.items.length === 0) return;
    this.flushText();
    this.items.pop();
  }

  /**
   * An `<h1>`-`<h6>` opens: its text in the heading style, a part of its own (the text before it
   * one too) unless `inline` (in a table cell or a list item, where it stays in its run, in bold).
   */
  protected openHeading(depth: number, inline: boolean): void {
    if (!inline && this.headingDepth === 0) {
      this.flushText();
      this.headingDepth = depth;
    }
    this.styles.push({ ...this.style, role: 'heading', bold: true });
  }

  /** An `</h1>`-`</h6>`: a heading opened as a part of its own becomes one. */
  protected closeHeading(): void {
    if (this.styles.length > 1) this.styles.pop();
    const depth = this.headingDepth;
    this.headingDepth = 0;
    const spans = depth > 0 ? this.takeSpans() : null;
    if (spans) this.parts.push({ kind: 'heading', depth, spans });
  }

  /** A heading left open ends with the block, as in a browser. */
  protected closeOpenHeading(): void {
    if (this.headingDepth > 0) this.closeHeading();
  }

  /** Every item left open ends (the block ended inside one). */
  protected closeItems(): void {
    while (this.items.length > 0) this.closeItem();
  }
}
