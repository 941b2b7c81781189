// The HTML elements that exports write into Markdown and that a reader here turns into Markdown of
// its own (html-quotes.ts: `<blockquote>`; dataframe-tables.ts: pandas' `<table>`): found, line by
// line outside fenced code, with htmlparser2, the parser the HTML blocks are drawn with
// (html-spans.ts), so an element's end is the end tag that closes it as HTML reads it (nested
// elements of the same name counted, an end tag inside a `<script>` or a comment not), and the
// element, open tag to end tag, is handed to its reader, which gives the Markdown lines that stand
// in its place. What stands before the element on its first line (`<figure>`) and after it on its
// last (`</figure>`) stays HTML, each on a line of its own, blank lines around the Markdown.
import { Parser } from 'htmlparser2';
import { fencedLines } from '../fenced-lines.js';

/** What one kind of element reads as, for readHtmlElements. */
export interface HtmlElementReader {
  /** The element's tag name, lower case (`blockquote`, `table`). */
  name: string;
  /** Whether an open tag of `name` starts an element of this kind: its attributes, and whether text (not only tags) stands before it on its line. */
  starts(attribs: Readonly<Record<string, string>>, textBefore: boolean): boolean;
  /** How many lines after its first an element's end tag is looked for. */
  maxLines: number;
  /** The element's HTML, open tag to end tag, as written, as Markdown lines; null leaves it as written. */
  asMarkdown(html: string): string[] | null;
  /** Lines that go with an element and vanish (pandas' `<style>`): the last such line from line `i`, or -1. */
  skip?(lines: readonly string[], i: number): number;
}

// Tag and attribute names as HTML reads them; entities left as written (the Markdown keeps them).
const OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: false };

/** Where on `line` the first element of `reader`'s kind opens (its `<`), -1 for none. */
export function elementOpening(line: string, reader: HtmlElementReader): number {
  if (!line.toLowerCase().includes(`<${reader.name}`)) return -1;
  let at = -1;
  let text = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (at < 0 && name === reader.name && reader.starts(attribs, text)) at = parser.startIndex;
      },
      ontext(t) {
        if (at < 0 && t.trim() !== '') text = true;
      },
    },
    OPTIONS,
  );
  parser.write(line);
  parser.end();
  return at;
}

/** An element found: its HTML, the line its end tag is on, and the offset just past that tag on its line. */
interface Found {
  html: string;
  line: number;
  end: number;
}

// The element opening at offset `at` of line `from`, up to the end tag that closes it; null when
// no such end tag comes within `maxLines` lines, or fenced code comes first.
function elementAt(lines: readonly string[], from: number, at: number, name: string, maxLines: number, code: readonly boolean[]): Found | null {
  let depth = 0;
  let endAt = -1;
  const parser = new Parser(
    {
      onopentag(tag) {
        if (tag === name) depth++;
      },
      onclosetag(tag) {
        if (tag === name && endAt < 0 && --depth === 0) endAt = parser.endIndex + 1;
      },
    },
    OPTIONS,
  );
  let html = '';
  for (let j = from; j < lines.length && j <= from + maxLines && !code[j]; j++) {
    const start = html.length;
    const text = (j === from ? lines[j].slice(at) : lines[j]) + '\n';
    html += text;
    // Written a line at a time, so the search stops at the end tag's line.
    parser.write(text);
    if (endAt >= 0) return { html: html.slice(0, endAt), line: j, end: endAt - start + (j === from ? at : 0) };
  }
  return null;
}

/** `markdown` with each element of `reader`'s kind outside fenced code written as the Markdown it reads as. */
export function readHtmlElements(markdown: string, reader: HtmlElementReader): string {
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  // No end tag within reach of an opener, no element: a file of unclosed openers costs one pass,
  // not one parse of the next `maxLines` lines each. nextEnd[i]: the first line from i holding one.
  const endTag = `</${reader.name}`;
  const nextEnd = new Int32Array(lines.length + 1).fill(0x7fffffff);
  for (let i = lines.length - 1; i >= 0; i--) nextEnd[i] = lines[i].toLowerCase().includes(endTag) ? i : nextEnd[i + 1];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const skip = code[i] || !reader.skip ? -1 : reader.skip(lines, i);
    if (skip >= 0) {
      i = skip;
      continue;
    }
    const at = code[i] || nextEnd[i] > i + reader.maxLines ? -1 : elementOpening(lines[i], reader);
    const found = at < 0 ? null : elementAt(lines, i, at, reader.name, reader.maxLines, code);
    const markdownLines = found ? reader.asMarkdown(found.html) : null;
    if (!found || !markdownLines) {
      out.push(lines[i]);
      continue;
    }
    const before = lines[i].slice(0, at).trim();
    const after = lines[found.line].slice(found.end).trim();
    // Blank lines around the Markdown, so an HTML block above it (`<div>`) does not take it in as its text.
    if (out.length > 0 && out[out.length - 1].trim() !== '') out.push('');
    if (before !== '') out.push(before, '');
    out.push(...markdownLines, '');
    if (after !== '') out.push(after);
    i = found.line;
  }
  return out.join('\n');
}
