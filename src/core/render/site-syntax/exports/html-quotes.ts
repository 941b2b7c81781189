// HTML quotations as blog exports write them: WordPress's quote block (`<blockquote
// class="wp-block-quote"><p>...</p><cite>Name</cite></blockquote>`, its pull quote inside a
// `<figure>`), Ghost's and Substack's `<blockquote><p>...</p></blockquote>`, an embedded tweet's
// `<blockquote class="twitter-tweet">`. As HTML they read as the author's own lines; each becomes
// a Markdown quote, drawn as `>` quotes are, what it holds still read as HTML, and a `<cite>` that
// ends it becomes its attribution line, `— Name` (as the quote tags' in quote-tags.ts). Only a
// `<blockquote>` that opens a line (after other tags) and whose end follows; never inside code.
import { fencedLines } from '../fenced-lines.js';

// The opener, after nothing but tags on its line (WordPress's pull quote: `<figure ...><blockquote>`).
const OPEN = /^((?:\s{0,3}<[a-z][^<>]{0,300}>)*?)\s{0,3}<blockquote\b[^<>]{0,300}>/i;
const OPENS = /<blockquote\b/gi;
const CLOSES = /<\/blockquote\s*>/gi;
const CLOSES_ONE = /<\/blockquote\s*>/i;
// The `<cite>` that ends a quote, maybe followed by comments (WordPress's block marks).
const CITE = /<cite\b[^<>]{0,300}>([\s\S]{0,2000}?)<\/cite\s*>((?:\s|<!--[\s\S]{0,300}?-->)*)$/i;
// An attribution that already has its dash (`&mdash; Name`, `— Name`, `- Name`).
const DASHED = /^\s*(?:&mdash;|&#8212;|&#x2014;|—|–|-)/i;
// A quote's end is looked for within this many lines.
const MAX_LINES = 400;

/** Whether `markdown` may hold an HTML quote (a cheap test before reading line by line). */
export function mayHoldHtmlQuotes(markdown: string): boolean {
  return markdown.includes('<blockquote') || markdown.includes('<BLOCKQUOTE');
}

const count = (line: string, re: RegExp): number => line.match(re)?.length ?? 0;

// The line holding the `</blockquote>` that closes the one opened on line `from`, -1 for none.
function closingLine(lines: readonly string[], from: number, code: readonly boolean[]): number {
  let depth = 0;
  for (let i = from; i < lines.length && i <= from + MAX_LINES; i++) {
    if (code[i]) return -1;
    const opens = count(lines[i], OPENS);
    const closes = count(lines[i], CLOSES);
    // Nested quotes are drawn as HTML draws them; only the outer one becomes Markdown.
    depth += opens - closes;
    if (depth <= 0 && closes > 0) return i;
  }
  return -1;
}

// The quote's inner HTML as Markdown quote lines, its closing `<cite>` as the attribution.
function quoted(inner: string): string[] {
  const cite = CITE.exec(inner);
  const body = cite ? inner.slice(0, cite.index) : inner;
  const lines = body.split('\n').map((l) => l.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const by = cite ? cite[1].replace(/\s+/g, ' ').trim() : '';
  if (by) lines.push('', DASHED.test(by) ? by : `— ${by}`);
  return lines.map((l) => (l === '' ? '>' : `> ${l}`));
}

/** The Markdown with its HTML quotations written as Markdown quotes ending in their `<cite>`; as it was when it has none. */
export function htmlQuotesAsQuotes(markdown: string): string {
  if (!mayHoldHtmlQuotes(markdown)) return markdown;
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  // No end after an opener, no quote: a file of unclosed openers costs one pass, not one scan each.
  let lastClose = lines.length - 1;
  while (lastClose >= 0 && !CLOSES_ONE.test(lines[lastClose])) lastClose--;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = code[i] || i > lastClose ? null : OPEN.exec(lines[i]);
    const end = open ? closingLine(lines, i, code) : -1;
    if (!open || end < 0) {
      out.push(lines[i]);
      continue;
    }
    const text = [lines[i].slice(open[0].length), ...lines.slice(i + 1, end + 1)].join('\n');
    // The last `</blockquote>` closes this one: what follows it (`</figure>`) stays HTML.
    const close = text.search(/<\/blockquote\s*>(?![\s\S]*<\/blockquote)/i);
    const after = text.slice(close).replace(/^<\/blockquote\s*>/i, '').trim();
    // A blank line before, so an HTML block above (`<div>`) does not take the quote in as its text.
    if (out.length > 0 && out[out.length - 1].trim() !== '') out.push('');
    if (open[1].trim() !== '') out.push(open[1].trim(), '');
    out.push(...quoted(text.slice(0, close)), '');
    if (after !== '') out.push(after);
    i = end;
  }
  return out.join('\n');
}
