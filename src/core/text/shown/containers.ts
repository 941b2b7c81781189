// The containers of indented content a body's lines may sit in, for markdown-blocks.ts: list
// items (CommonMark 0.31.2, 5.2), footnote definitions and MkDocs admonitions (the renderer reads
// both as containers: render/gfm/footnote-lazy-lines.ts, render/site-syntax/python-admonitions.ts).
// An indented line in one is its content (a continuation paragraph, a nested list), never code
// here. Only the outermost is followed, and where a line's place is unsure it stays in it (no
// code is found there). Where marked ends a list item otherwise than CommonMark, marked is
// followed, as the renderer shows it: a line less indented than the item's content ends it after
// any blank line in the item, after a line of the item's indented four columns past its content,
// or when it opens a fence, a heading, a rule, an item or an HTML block (`<div>`, `<br>`, `<!--`;
// not an end tag, which marked runs into the item).

// What opens a container at most three columns in: a list item's marker and the spaces after it
// (its content's column), a footnote definition, an admonition's line.
const LIST_MARKER = /(?:[*+-]|\d{1,9}[.)])(?:( {1,4})(?! )|[ \t]|(?=\n|$))/y;
const OTHER_OPENER = /\[\^[^\]\n]+\]:|(?:!!!|\?\?\?)/y;
// The characters an opener starts with: `-`, `+`, `*`, a digit, `[`, `!`, `?`.
const MAY_OPEN = new Uint8Array(128);
for (const c of '-+*0123456789[!?') MAY_OPEN[c.charCodeAt(0)] = 1;
// A list item that may interrupt a paragraph: a bullet or `1.` (`1)`) and a space or tab (CommonMark 5.2; marked alike).
const INTERRUPTING_ITEM = /(?:[*+-]|1[.)])[ \t]/y;
/** An ATX heading's opening or a thematic break's whole line (CommonMark 4.1, 4.2), as a pattern's source, read at its first mark. */
export const HEADING_OR_RULE = String.raw`#{1,6}(?=[ \t\n]|$)|(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})(?:\n|$)`;
// A line that ends a list item in marked (a fence, a heading, an open tag or comment, an item, a rule), read at its start.
const ITEM_END = new RegExp(String.raw`[ ]{0,3}(?:\x60{3,}|~{3,}|<(?:[a-z][^\n]*>|!--)|(?:[*+-]|\d{1,9}[.)])(?=[ \t\n]|$)|${HEADING_OR_RULE})`, 'iy');

/** The containers open before a line, read a line at a time. */
export class Containers {
  /** The content column of the outermost container open; -1 when none is. */
  column = -1;
  /** Whether the container opened last is certainly a list item (and not, say, `10.` continuing a paragraph). */
  list = false;
  // A blank line was met in the current item; the item's last line was indented four columns past its content.
  private blankSeen = false;
  private deep = false;

  /** Reads a blank line. */
  blank(): void {
    if (this.column >= 0) this.blankSeen = true;
  }

  /**
   * Reads the non-blank line starting at `pos`, its first character at `i`, `col` columns in
   * (`spacesOnly`: no tab before it), after a blank line or not, after a paragraph's line or not.
   * True when the line ends the list item it would lazily continue, and so starts a block of its
   * own with no paragraph open (marked then reads `<br>` or `<span>` as an HTML block).
   */
  read(s: string, pos: number, i: number, col: number, spacesOnly: boolean, wasBlank: boolean, wasParagraph: boolean): boolean {
    if (this.column >= 0 && col >= this.column) {
      // marked counts a tab as four spaces here, wherever it stands.
      let tabs = 0;
      for (let k = pos; k < i; k++) if (s.charCodeAt(k) === 0x09) tabs++;
      this.deep = i - pos + 3 * tabs - this.column >= 4;
      return false;
    }
    const c = s.charCodeAt(i);
    if (col <= 3 && MAY_OPEN[c] === 1) {
      INTERRUPTING_ITEM.lastIndex = i;
      const interrupting = INTERRUPTING_ITEM.test(s);
      const sibling = this.list && this.column >= 0;
      const opened = sibling || !wasParagraph || interrupting ? openerColumn(s, i, col) : null;
      if (opened) {
        if (this.column < 0 || col < this.column) this.column = opened.column;
        this.list = opened.list && (sibling || !wasParagraph || interrupting);
        this.blankSeen = this.deep = false;
        return false;
      }
    }
    if (this.column < 0) return false;
    if (wasBlank) {
      // With a tab in the indentation marked counts columns otherwise: left open.
      if (spacesOnly) this.column = -1;
      return false;
    }
    if (!this.list) return false;
    ITEM_END.lastIndex = pos;
    if (!(this.blankSeen || this.deep || ITEM_END.test(s))) return false;
    this.column = -1;
    return true;
  }
}

// The content column of the container a line opens at `i` (`col` columns in), and whether it is a list item; null for none.
function openerColumn(s: string, i: number, col: number): { column: number; list: boolean } | null {
  LIST_MARKER.lastIndex = i;
  const m = LIST_MARKER.exec(s);
  // A marker and one to four spaces: the content starts after them; five or more (indented code
  // in the item), a tab or none: one column after the marker.
  if (m) return { column: col + m[0].length + (m[1] === undefined && !/[ \t]$/.test(m[0]) ? 1 : 0), list: true };
  OTHER_OPENER.lastIndex = i;
  return OTHER_OPENER.test(s) ? { column: col + 4, list: false } : null;
}

/** Where the first line after the one ending at `end` that ends a list item in marked starts, or `to`. */
export function itemEnd(s: string, end: number, to: number): number {
  for (let pos = end + 1; pos < to; ) {
    ITEM_END.lastIndex = pos;
    if (ITEM_END.test(s)) return pos;
    const nl = s.indexOf('\n', pos);
    pos = nl < 0 ? to : nl + 1;
  }
  return to;
}
