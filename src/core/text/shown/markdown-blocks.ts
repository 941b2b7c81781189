// A body's blocks whose lines Markdown does not read, for the text search reads in a body
// (markdown-pieces.ts): fenced code and indented code (CommonMark 0.31.2, 4.4 and 4.5), shown as
// written, and HTML blocks (4.6, html-blocks.ts), shown as HTML is, their backslashes kept. Lines
// are read as the renderer's marked reads them where it departs from CommonMark (html-blocks.ts,
// containers.ts), so that search finds what is shown.
//
// Indented code is called code only where CommonMark certainly makes it so (and marked with it):
// four columns of indentation at the body's start, after a blank line, or after a line that leaves
// no paragraph open (a heading, a rule, a fence's or an HTML block's end), and outside any
// container (containers.ts: a list item's, a footnote's or an admonition's content, or a nested
// list) and any MDX component, which the renderer dedents (render/site-syntax/mdx-syntax.ts). An
// indented line after a paragraph's is a lazy continuation line. Where a line's place is unsure
// (a block quote's content, a tab in a list item's indentation) it is left prose, as before.
import { Containers, HEADING_OR_RULE, itemEnd } from './containers.js';
import { htmlBlockEnd } from './html-blocks.js';

/** What a block of a body is: Markdown to read, code shown as written, or HTML. */
export type BlockKind = 'prose' | 'code' | 'html';

const SPACE = 0x20;
const TAB = 0x09;
const LESS = 0x3c;
const SLASH = 0x2f;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const HASH = 0x23;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;
const GREATER = 0x3e;

// A fence line's marks and the rest of its line, read at its first mark; a fence line anywhere (its closer).
const FENCE_AT = /(`{3,}|~{3,})([^\n]*)/y;
const FENCE = /^ {0,3}(`{3,}|~{3,})([^\n]*)$/gm;
// An ATX heading's or a thematic break's line, read at its first mark (after a paragraph a `---` is
// a setext heading's underline: a paragraph ends there too).
const BREAK_LINE = new RegExp(`(?:${HEADING_OR_RULE})`, 'y');
// MDX's component tags (a capital, a lower-case letter after it: render/site-syntax/mdx-syntax.ts).
const COMPONENT = /<\/?[A-Z][\w.]{0,100}[a-z]/y;
// Elements the renderer reads as Markdown before marked sees them (render/site-syntax/: HTML
// quotes, kramdown's `markdown="1"`): a block holding one is left prose, as it was.
const AS_MARKDOWN = ['<blockquote', '<BLOCKQUOTE', 'markdown='];

// Where the spaces and tabs from `from` end (`end` at most): the line's first other character.
function indentEnd(s: string, from: number, end: number): number {
  let i = from;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
  }
  return i;
}

// The columns the spaces and tabs of s[from, to) fill, a tab to the next multiple of four (CommonMark 2.2).
function columnsOf(s: string, from: number, to: number): number {
  let col = 0;
  for (let k = from; k < to; k++) col += s.charCodeAt(k) === TAB ? 4 - (col % 4) : 1;
  return col;
}

/**
 * Whether a `c` of `s` stands on a line indented four columns or more (which may be indented
 * code) or, for `<`, opens its line after at most three spaces (an HTML block may): a cheap test
 * before reading `s` line by line. With none, `c` (a reference's `&`) reads the same in prose and
 * in the blocks. Each line is looked at once, for its first `c`: linear.
 */
export function blockLineHolds(s: string, c: string): boolean {
  let lineEnd = -1;
  for (let at = s.indexOf(c); at >= 0; at = s.indexOf(c, at + 1)) {
    if (at < lineEnd) continue;
    // The line holding `at`: a few newlines forward, then back from it (lastIndexOf walks back a
    // character at a time, indexOf forward much faster: long paragraph lines cost it most).
    let start = lineEnd + 1;
    for (let k = 0; ; k++) {
      const nl = k < 4 ? s.indexOf('\n', start) : -1;
      if (nl < 0 || nl >= at) {
        if (k === 4) start = s.lastIndexOf('\n', at) + 1;
        lineEnd = nl >= at ? nl : s.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = s.length;
        break;
      }
      start = nl + 1;
    }
    const i = indentEnd(s, start, lineEnd);
    const col = columnsOf(s, start, i);
    if (col >= 4 || (c === '<' && i === at && col === i - start)) return true;
  }
  return false;
}

/**
 * Whether `s` may hold a block markdownBlocks reads apart that shows otherwise than prose: a fence,
 * a line opening with `<`, or an indented line holding what prose reads (`\`, `&`, `<`, a
 * backtick). Else reading all of it as prose gives the same.
 */
export function mayHoldBlocks(s: string): boolean {
  return s.includes('```') || s.includes('~~~') || blockLineHolds(s, '<') || blockLineHolds(s, '\\') || blockLineHolds(s, '&') || blockLineHolds(s, '`');
}

/**
 * `s` cut into its blocks in order, each given to `visit` as [from, to) and its kind; prose runs
 * between the others. Linear in the length of `s`: each line is read once (twice at most, below a
 * list item), and each look ahead (for a fence's closer, an HTML block's end) moves past what it read.
 */
export function markdownBlocks(s: string, visit: (from: number, to: number, kind: BlockKind) => void): void {
  const n = s.length;
  let prose = 0;
  // The line before was blank (or there is none); it was a paragraph's, which indented code and an
  // HTML block of type 7 cannot interrupt (any line not known to be another block's counts).
  let blank = true;
  let paragraph = false;
  const containers = new Containers();
  // A block quote's line came since the last blank line (the lines after it may continue its paragraph).
  let quote = false;
  // How many MDX components are open.
  let components = 0;
  const block = (from: number, to: number, kind: BlockKind): number => {
    visit(prose, from, 'prose');
    visit(from, to, kind);
    prose = to;
    blank = false;
    paragraph = false;
    return to;
  };
  for (let pos = 0; pos < n; ) {
    const nl = s.indexOf('\n', pos);
    const end = nl < 0 ? n : nl;
    const i = indentEnd(s, pos, end);
    const col = columnsOf(s, pos, i);
    if (i === end) {
      blank = true;
      paragraph = quote = false;
      containers.blank();
      pos = end + 1;
      continue;
    }
    const c = s.charCodeAt(i);
    const wasBlank = blank;
    const wasParagraph = paragraph;
    blank = false;
    paragraph = true;
    const spacesOnly = i - pos === col;
    if (c === LESS && componentLine(s, i)) {
      if (s.charCodeAt(i + 1) === SLASH) components = Math.max(0, components - 1);
      else if (opensComponent(s, i, end)) components++;
      pos = end + 1;
      continue;
    }
    const interrupted = containers.read(s, pos, i, col, spacesOnly, wasBlank, wasParagraph);
    if (col >= 4) {
      if ((wasBlank || !wasParagraph) && containers.column < 0 && components === 0) pos = block(pos, indentedCodeEnd(s, end), 'code');
      else pos = end + 1;
      continue;
    }
    if (spacesOnly && (c === BACKTICK || c === TILDE)) {
      FENCE_AT.lastIndex = i;
      const m = FENCE_AT.exec(s);
      // A backtick fence's info string holds no backtick (else the line is a code span).
      if (m && !(c === BACKTICK && m[2].includes('`'))) {
        pos = block(pos, fenceEnd(s, m[1], end), 'code');
        continue;
      }
    }
    if (spacesOnly && c === LESS) {
      let to = htmlBlockEnd(s, i, wasParagraph && !interrupted);
      // An end tag on a list item's paragraph line (`- item` then `</div>`): marked runs it into the
      // item, so the item's end also ends the block (CommonMark ends the list there instead).
      if (to >= 0 && containers.list && containers.column >= 0 && wasParagraph && s.charCodeAt(i + 1) === SLASH) to = itemEnd(s, end, to);
      if (to >= 0) {
        const text = s.slice(pos, to);
        if (!AS_MARKDOWN.some((x) => text.includes(x))) {
          pos = block(pos, to, 'html');
          continue;
        }
        // Read as Markdown by the renderer: prose, read past all the same (its lines start no block).
        paragraph = false;
        pos = to;
        continue;
      }
    }
    paragraph = leavesParagraph(s, i, c, quote && wasParagraph);
    quote ||= c === GREATER;
    pos = end + 1;
  }
  visit(prose, n, 'prose');
}

// Whether a line starts with an MDX component's tag (at `i`), and whether that tag opens one: not
// closed on its line (`<Chart />`, `<Note>text</Note>`).
function componentLine(s: string, i: number): boolean {
  COMPONENT.lastIndex = i;
  return COMPONENT.test(s);
}
function opensComponent(s: string, i: number, end: number): boolean {
  const line = s.slice(i, end).trimEnd();
  return !line.endsWith('/>') && !line.includes('</');
}

// Whether the line whose first character `c` is at `i` leaves a paragraph open after it: not after
// an ATX heading, a thematic break (or a setext underline), a block quote's blank line, nor a block
// quote's line of indented code (`>     code`) that no paragraph of the quote (`inQuote`) was open for.
function leavesParagraph(s: string, i: number, c: number, inQuote: boolean): boolean {
  if (c === GREATER) {
    let k = i + 1;
    let col = s.charCodeAt(k) === SPACE ? -1 : 0;
    for (; s.charCodeAt(k) === SPACE || s.charCodeAt(k) === TAB; k++) col += s.charCodeAt(k) === TAB ? 4 : 1;
    if (k >= s.length || s.charCodeAt(k) === 0x0a) return false;
    return col < 4 || inQuote;
  }
  if (c !== HASH && c !== STAR && c !== UNDERSCORE && c !== DASH) return true;
  BREAK_LINE.lastIndex = i;
  return !BREAK_LINE.test(s);
}

// Past the last indented line of the indented code starting on the line ending at `end`.
function indentedCodeEnd(s: string, end: number): number {
  const n = s.length;
  let last = end;
  for (let pos = end + 1; pos < n; ) {
    const nl = s.indexOf('\n', pos);
    const lineEnd = nl < 0 ? n : nl;
    const i = indentEnd(s, pos, lineEnd);
    if (i < lineEnd) {
      if (columnsOf(s, pos, i) < 4) break;
      last = lineEnd;
    }
    pos = lineEnd + 1;
  }
  return Math.min(n, last + 1);
}

// Past the fence closing the block opened by `marks` on the line ending at `end`; the text's end when none does (CommonMark).
function fenceEnd(s: string, marks: string, end: number): number {
  FENCE.lastIndex = end;
  for (let m = FENCE.exec(s); m !== null; m = FENCE.exec(s)) {
    if (m[1][0] === marks[0] && m[1].length >= marks.length && m[2].trim() === '') return Math.min(s.length, m.index + m[0].length + 1);
  }
  return s.length;
}
