// Where a body's Markdown shows its source as written and where it reads it, for the text search
// reads in a body (shown-text.ts). CommonMark (spec 0.31) shows code as written: a fenced block's
// lines and a code span's (`` `&amp;` `` shows `&amp;`, `` `<b>` `` shows `<b>`), and an escaped
// character (`\*`, `\_`, `\&`) as the character alone. Everywhere else it reads character
// references (`&amp;` shows `&`) and raw HTML (`<sub>`, `<!-- -->`), whose tags are not shown. A
// `<` that opens no tag as CommonMark reads tags (`a < b`, the autolink `<https://x.com>`) is text.

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
// A fence line: three or more backticks or tildes indented at most three spaces, and the rest of its line.
const FENCE = /^ {0,3}(`{3,}|~{3,})([^\n]*)$/gm;
// A blank line, which ends a paragraph and so any code span in it.
const BLANK_LINE = /\n[ \t]*\n/g;
// Raw HTML where a `<` is, as CommonMark reads it ("Raw HTML"): an open tag with its attributes,
// a closing tag, a comment, a processing instruction, a declaration, a CDATA section.
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const RAW_HTML = new RegExp(
  String.raw`<(?:[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--(?:-?>|[\s\S]*?-->)|\?[\s\S]*?\?>|![A-Za-z][^>]*>|!\[CDATA\[[\s\S]*?\]\]>)`,
  'y',
);

// Where `c` is next in s[from, to), or `to`.
function nextOf(s: string, c: string, from: number, to: number): number {
  const at = s.indexOf(c, from);
  return at < 0 || at > to ? to : at;
}

// ASCII punctuation: what a backslash escapes.
function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

class Cutter implements MarkdownPieces {
  readonly texts: string[] = [];
  readonly literal: boolean[] = [];
  html = false;
  // Where the paragraph holding the last code span opener looked at ends (a blank line or `to`).
  private paragraphEnd = -1;
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
    let slash = -1;
    let tick = -1;
    let angle = -1;
    while (i < to) {
      if (slash < i) slash = nextOf(s, '\\', i, to);
      if (tick < i) tick = nextOf(s, '`', i, to);
      if (angle < i) angle = nextOf(s, '<', i, to);
      const at = Math.min(slash, tick, angle);
      if (at >= to) break;
      if (at === slash) {
        const next = at + 1 < to ? s.charCodeAt(at + 1) : -1;
        // An escaped character shows alone; a backslash ending a line is a line break's mark.
        if (isPunctuation(next) || next === LINE_FEED) {
          this.push(start, at, false);
          start = next === LINE_FEED ? at + 1 : at + 2;
          this.push(at + 1, start, true);
        }
        i = Math.max(start, at + 1);
      } else if (at === tick) {
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
    if (this.paragraphEnd < from) {
      BLANK_LINE.lastIndex = from;
      this.paragraphEnd = Math.min(to, BLANK_LINE.exec(s)?.index ?? to);
    }
    const limit = Math.min(to, this.paragraphEnd);
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
  let from = 0;
  if (markdown.includes('```') || markdown.includes('~~~')) {
    // Each fenced block, fences included, as written; an unclosed one runs to the end (CommonMark).
    let open: string | null = null;
    let blockStart = 0;
    FENCE.lastIndex = 0;
    for (let m = FENCE.exec(markdown); m !== null; m = FENCE.exec(markdown)) {
      const [line, marks, rest] = m;
      if (open === null) {
        // A backtick fence's info string holds no backtick (else the line is a code span).
        if (marks[0] === '`' && rest.includes('`')) continue;
        open = marks;
        blockStart = m.index;
      } else if (marks[0] === open[0] && marks.length >= open.length && rest.trim() === '') {
        const end = Math.min(markdown.length, m.index + line.length + 1);
        cut.prose(from, blockStart);
        cut.push(blockStart, end, true);
        from = end;
        open = null;
      }
    }
    if (open !== null) {
      cut.prose(from, blockStart);
      cut.push(blockStart, markdown.length, true);
      return cut;
    }
  }
  cut.prose(from, markdown.length);
  return cut;
}
