// Where a body's Markdown shows its source as written and where it reads it, for the text search
// reads in a body (shown-text.ts). CommonMark (spec 0.31) shows code as written: a fenced or an
// indented block's lines and a code span's (`` `&amp;` `` shows `&amp;`, `` `<b>` `` shows `<b>`),
// and an escaped character (`\*`, `\_`, `\&`) as the character alone. An HTML block's lines are
// HTML: no escape in them (`<div>a\_b</div>` shows `a\_b`), no fence nor code span (the blocks:
// markdown-blocks.ts). Everywhere else it reads character references (`&amp;` shows `&`) and raw
// HTML (`<sub>`, `<!-- -->`), whose tags are not shown. A `<` that opens no tag as CommonMark
// reads tags (`a < b`, the autolink `<https://x.com>`) is text.
import { markdownBlocks, mayHoldBlocks } from './markdown-blocks.js';

/** A body cut into pieces in order: prose, whose references and HTML are read, and literal pieces, shown as written. */
export interface MarkdownPieces {
  texts: string[];
  literal: boolean[];
  /** Whether a prose piece holds raw HTML (a tag, a comment, a declaration...). */
  html: boolean;
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const LINE_FEED = 0x0a;
const BANG = 0x21;
const QUESTION = 0x3f;
// A blank line, which ends a paragraph and so any code span in it.
const BLANK_LINE = /\n[ \t]*\n/g;
// Raw HTML where a `<` is, as CommonMark reads it ("Raw HTML"): an open tag with its attributes,
// a closing tag, a comment, a processing instruction, a declaration, a CDATA section.
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const RAW_HTML = new RegExp(
  String.raw`<(?:[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--(?:-?>|[\s\S]*?-->)|\?[\s\S]*?\?>|![A-Za-z][^>]*>|!\[CDATA\[[\s\S]*?\]\]>)`,
  'y',
);

// Where `c` is next in `s` from `from` on, or the text's end.
function nextOf(s: string, c: string, from: number): number {
  const at = s.indexOf(c, from);
  return at < 0 ? s.length : at;
}

// ASCII punctuation: what a backslash escapes.
function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

class Cutter implements MarkdownPieces {
  readonly texts: string[] = [];
  readonly literal: boolean[] = [];
  html = false;
  // Where the next `\`, backtick, `<` and blank line are from the last look for each (the text's
  // end: none). Prose is read in order, a block at a time (markdown-blocks.ts), and each look goes
  // on from where the last one ended, not to the end of the text again for each block.
  private slash = -1;
  private tick = -1;
  private angle = -1;
  private blank = -1;
  // Run length -> the paragraph end up to which no closing run of that length is left: a later
  // opener of that length in the paragraph is text at once (many lone backticks stay linear).
  private readonly noCloser = new Map<number, number>();
  // Closer (`-->`, `?>`, `]]>`, `>`) -> where it was found from the last look for it (-1: nowhere).
  private readonly closers = new Map<string, number>();

  constructor(private readonly s: string) {}

  push(from: number, to: number, literal: boolean): void {
    if (to <= from) return;
    this.texts.push(this.s.slice(from, to));
    this.literal.push(literal);
  }

  // Prose of s[from, to), cut at its escapes, code spans and `<`s that open no tag. Each of the
  // three characters is found by indexOf (a regular expression's exec per stop was ~3x slower).
  prose(from: number, to: number): void {
    const s = this.s;
    let start = from;
    let i = from;
    while (i < to) {
      if (this.slash < i) this.slash = nextOf(s, '\\', i);
      if (this.tick < i) this.tick = nextOf(s, '`', i);
      if (this.angle < i) this.angle = nextOf(s, '<', i);
      const at = Math.min(this.slash, this.tick, this.angle);
      if (at >= to) break;
      if (at === this.slash) {
        const next = at + 1 < to ? s.charCodeAt(at + 1) : -1;
        // An escaped character shows alone; a backslash ending a line is a line break's mark.
        if (isPunctuation(next) || next === LINE_FEED) {
          this.push(start, at, false);
          start = next === LINE_FEED ? at + 1 : at + 2;
          this.push(at + 1, start, true);
        }
        i = Math.max(start, at + 1);
      } else if (at === this.tick) {
        let run = at;
        while (run < to && s.charCodeAt(run) === BACKTICK) run++;
        const end = this.codeSpanEnd(run, run - at, to);
        if (end >= 0) {
          this.push(start, at, false);
          this.push(at, end, true);
          start = end;
        }
        i = end >= 0 ? end : run;
      } else {
        RAW_HTML.lastIndex = at;
        // test() on a sticky expression leaves lastIndex past the match: no match array made.
        if (this.mayClose(at) && RAW_HTML.test(s) && RAW_HTML.lastIndex <= to) {
          this.html = true;
          i = RAW_HTML.lastIndex;
        } else {
          this.push(start, at, false);
          this.push(at, at + 1, true);
          i = start = at + 1;
        }
      }
    }
    this.push(start, to, false);
  }

  // Whether the comment, processing instruction, CDATA section or declaration opening at `at`
  // (any other `<`: true) has its closer somewhere after it: unclosed, each `<!--` of a body would
  // have the pattern read to the body's end again.
  private mayClose(at: number): boolean {
    const s = this.s;
    const next = s.charCodeAt(at + 1);
    if (next === QUESTION) return this.closerAfter('?>', at + 2);
    if (next !== BANG) return true;
    if (s.startsWith('<!--', at)) return s.startsWith('<!-->', at) || s.startsWith('<!--->', at) || this.closerAfter('-->', at + 4);
    return s.startsWith('<![CDATA[', at) ? this.closerAfter(']]>', at + 9) : this.closerAfter('>', at + 2);
  }

  // Whether `closer` is in the text from `from` on, remembering where it was last found.
  private closerAfter(closer: string, from: number): boolean {
    const known = this.closers.get(closer);
    // Looks go forward: none after an earlier look means none after this one.
    if (known !== undefined && (known < 0 || known >= from)) return known >= 0;
    const found = this.s.indexOf(closer, from);
    this.closers.set(closer, found);
    return found >= 0;
  }

  // Past the run of exactly `n` backticks closing a code span opened before `from`, within its paragraph; -1 when none.
  private codeSpanEnd(from: number, n: number, to: number): number {
    const s = this.s;
    if (this.blank < from) {
      BLANK_LINE.lastIndex = from;
      this.blank = BLANK_LINE.exec(s)?.index ?? s.length;
    }
    const limit = Math.min(to, this.blank);
    if (this.noCloser.get(n) === limit) return -1;
    for (let k = from; ; ) {
      const at = s.indexOf('`', k);
      if (at < 0 || at >= limit) {
        this.noCloser.set(n, limit);
        return -1;
      }
      let run = at;
      while (run < limit && s.charCodeAt(run) === BACKTICK) run++;
      if (run - at === n) return run;
      k = run;
    }
  }
}

/** `markdown` cut into prose and literal pieces (see the header); their texts joined are `markdown` less its escaping backslashes. */
export function markdownPieces(markdown: string): MarkdownPieces {
  const cut = new Cutter(markdown);
  if (!mayHoldBlocks(markdown)) {
    cut.prose(0, markdown.length);
    return cut;
  }
  markdownBlocks(markdown, (from, to, kind) => {
    if (kind === 'prose') cut.prose(from, to);
    else if (to > from) {
      // An HTML block's text is read as HTML, its backslashes and backticks as written.
      cut.push(from, to, kind === 'code');
      if (kind === 'html') cut.html = true;
    }
  });
  return cut;
}
