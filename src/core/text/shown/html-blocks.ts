// HTML blocks (CommonMark 0.31.2, 4.6 "HTML blocks") as the renderer's marked reads them, for the
// text search reads in a body (markdown-blocks.ts): inside one, Markdown is not read (`\_` stays
// `\_`, a ``` line opens no fence) and the lines are shown as HTML. Where marked departs from the
// spec, this follows marked, since search must find what is shown: a raw-text element's block ends
// at its own end tag (`<pre>` at `</pre>`, not at a `</script>`), a processing instruction's,
// declaration's or CDATA section's right after its closer (the rest of its line is a paragraph),
// only types 1, 2 and 6 interrupt a paragraph, and its list of block elements holds `meta`.

// Type 1: a raw-text element, to its end tag (then the rest of that line).
const RAW_OPEN = /<(script|pre|style|textarea)[\s>]/iy;
const RAW_CLOSE: Readonly<Record<string, RegExp>> = {
  script: /<\/script>/gi,
  pre: /<\/pre>/gi,
  style: /<\/style>/gi,
  textarea: /<\/textarea>/gi,
};
// Type 6: a block element's open or end tag (marked's list), to a blank line.
const BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const BLOCK_TAG = new RegExp(`</?(?:${BLOCK_NAMES})(?: +|\\n|/?>)`, 'iy');
// Type 7: any other complete open or end tag alone on its line, to a blank line. Each attribute
// parses one way (a space opens the next), so a long line without `>` fails in linear time.
const ATTRIBUTE = String.raw` +[a-zA-Z:_][\w.:-]*(?: *= *"[^"\n]*"| *= *'[^'\n]*'| *= *[^\s"'=<>\x60]+)?`;
const LINE_TAG = new RegExp(
  String.raw`(?:<(?!script|pre|style|textarea)[a-z][\w-]*(?:${ATTRIBUTE})*? */?>|</(?!script|pre|style|textarea)[a-z][\w-]*\s*>)[ \t]*(?:\n|$)`,
  'iy',
);
// A blank line: what ends a type 6 or 7 block.
const BLANK_LINE = /\n[ \t]*\n/g;

const BANG = 0x21;
const QUESTION = 0x3f;
const SLASH = 0x2f;

// Past the end of the line holding `at` (its newline included), or the text's end.
function pastLine(s: string, at: number): number {
  const nl = s.indexOf('\n', at);
  return nl < 0 ? s.length : nl + 1;
}

// Past `closer` found from `from` and what follows it on its line when that is blank (marked reads
// other text there as a paragraph); the text's end when no closer comes.
function pastCloser(s: string, closer: string, from: number): number {
  const at = s.indexOf(closer, from);
  if (at < 0) return s.length;
  const end = at + closer.length;
  const next = pastLine(s, end);
  return s.slice(end, next).trim() === '' ? next : end;
}

/**
 * Where the HTML block opening at `at` ends, `at` being a line's `<` after at most three spaces:
 * past its last line, newline included (a type 1 or 2 block's closing line, a type 6 or 7 block's
 * line before a blank one), past the closer of a type 3, 4 or 5 block that text follows on its
 * line, or the text's end when it is never closed. -1 when no block opens there, or when one
 * would but cannot interrupt the paragraph `inParagraph` says is open.
 */
export function htmlBlockEnd(s: string, at: number, inParagraph: boolean): number {
  const next = s.charCodeAt(at + 1);
  if (next === BANG) {
    if (s.startsWith('<!--', at)) {
      // `<!-->` and `<!--->` are comments closed at once (CommonMark 6.6, as marked reads them).
      if (s.startsWith('<!-->', at) || s.startsWith('<!--->', at)) return pastLine(s, at);
      const close = s.indexOf('-->', at + 4);
      return close < 0 ? s.length : pastLine(s, close);
    }
    if (inParagraph) return -1;
    if (s.startsWith('<![CDATA[', at)) return pastCloser(s, ']]>', at + 9);
    const c = s.charCodeAt(at + 2) | 0x20;
    return c >= 0x61 && c <= 0x7a ? pastCloser(s, '>', at + 2) : -1;
  }
  if (next === QUESTION) return inParagraph ? -1 : pastCloser(s, '?>', at + 2);
  RAW_OPEN.lastIndex = at;
  const raw = next === SLASH ? null : RAW_OPEN.exec(s);
  if (raw) {
    const close = RAW_CLOSE[raw[1].toLowerCase()];
    close.lastIndex = at + raw[0].length;
    const found = close.exec(s);
    return found ? pastLine(s, found.index) : s.length;
  }
  BLOCK_TAG.lastIndex = at;
  const opens = BLOCK_TAG.test(s) || (!inParagraph && ((LINE_TAG.lastIndex = at), LINE_TAG.test(s)));
  if (!opens) return -1;
  BLANK_LINE.lastIndex = at;
  const blank = BLANK_LINE.exec(s);
  return blank ? blank.index + 1 : s.length;
}
