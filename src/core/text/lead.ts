// An article's lead: the first paragraph of its body that is prose (holds a letter and is not a
// heading, image, code fence, table or quote), cut to LEAD_MAX characters. Story grouping compares
// it; the loader stores it in the index so that grouping a loaded corpus reads no file.

/** Most characters of a lead kept. */
export const LEAD_MAX = 1000;

// A blank line (only white space between two line breaks) ends a paragraph.
const BREAK = /\n\s*\n/g;
const LETTER = /\p{L}/u;
const NOT_PROSE = /^\s*(#|!\[|```|\||>)/;

/** The lead paragraph of a Markdown body, or '' when it has none. Reads only as far as the lead. */
export function leadParagraph(body: string): string {
  BREAK.lastIndex = 0;
  let start = 0;
  for (;;) {
    const m = BREAK.exec(body);
    const end = m ? m.index : body.length;
    const para = body.slice(start, end);
    // The anchored test first: a heading (most bodies open with one) is refused without the scan for a letter.
    if (!NOT_PROSE.test(para) && LETTER.test(para)) return para.slice(0, LEAD_MAX);
    if (!m) return '';
    start = m.index + m[0].length;
  }
}
