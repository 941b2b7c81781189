// AsciiDoc's section titles in the body of a Markdown file (notes moved from Asciidoctor, Antora
// pages renamed `.md`, whose header load/front-matter/asciidoc-header.ts reads): `== Section`,
// `=== Subsection`, ... up to six `=`, maybe closed by a run of `=` (`== Section ==`, as
// Asciidoctor also accepts, and as MediaWiki writes its sections). Markdown read each as a line of
// prose starting with `==`. Read as Asciidoctor reads them (docs.asciidoctor.org/asciidoc/latest/
// sections/titles-and-levels): the `=` at the start of the line, a space, the title; a section
// title stands at a block's start, so only after a blank line, another title or the body's start
// (a line under prose continues its paragraph). It becomes the Markdown heading of the same HTML
// level (`==` is `<h2>`, as `##` is). A lone `=` (the document title) is the header's, not the
// body's. Never inside fenced code.
import { fencedLines } from './fenced-lines.js';

// The marks, a space, the title (not starting with `=`), maybe closing marks.
const SECTION = /^(={2,6})[ \t]+([^=\s].*?)(?:[ \t]+=+)?[ \t]*$/;
const MAY_HOLD = /(?:^|\n)={2,6}[ \t]/;

/** Whether `markdown` may hold an AsciiDoc section title (a cheap test before reading line by line). */
export function mayHoldAsciidocSections(markdown: string): boolean {
  return MAY_HOLD.test(markdown);
}

/** The Markdown with its AsciiDoc section titles written as Markdown headings; as it was when it has none. */
export function asciidocSectionsAsHeadings(markdown: string): string {
  if (!mayHoldAsciidocSections(markdown)) return markdown;
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  let atBlockStart = true;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const section: RegExpExecArray | null = code[i] || !atBlockStart ? null : SECTION.exec(lines[i]);
    if (section) {
      lines[i] = `${'#'.repeat(section[1].length)} ${section[2]}`;
      changed = true;
    }
    atBlockStart = section !== null || lines[i].trim() === '';
  }
  return changed ? lines.join('\n') : markdown;
}
