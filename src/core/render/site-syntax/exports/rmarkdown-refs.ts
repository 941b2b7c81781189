// R Markdown and bookdown write LaTeX's page breaks (`\newpage`, `\pagebreak`, `\clearpage`) on
// lines of their own for the PDF output, cross-references as `\@ref(fig:label)` (bookdown replaces
// them with the figure's, table's or section's number) and the labels they point to as `(\#fig:x)`
// at the start of a caption. Here nothing numbers the figures: a break line is hidden, a label
// is hidden, and a reference shows its label in brackets (`See Figure [btc-price]`), the kind
// (`fig:`, `tab:`, `eq:`...) dropped since the prose names it. Never inside code.
import { fencedLines } from '../fenced-lines.js';

const PAGE_BREAK = /^\s{0,3}\\(?:newpage|pagebreak|clearpage)\s*$/;
const REF = /\\@ref\((?:[A-Za-z]+:)?([\w.:-]{1,200})\)/g;
const LABEL = /\(\\#[A-Za-z]+:[\w.:-]{1,200}\)\s?/g;
const INLINE_CODE = /(`[^`]*`)/;
const INDENTED = /^(?: {4}|\t)/;

/** Whether `markdown` may hold such marks (a cheap test before reading line by line). */
export function mayHoldRMarkdown(markdown: string): boolean {
  return markdown.includes('\\newpage') || markdown.includes('\\pagebreak') || markdown.includes('\\clearpage') || markdown.includes('\\@ref(') || markdown.includes('(\\#');
}

// A label's characters placed in Markdown text: escaped so they stay as written.
const literal = (s: string): string => s.replace(/[\\`*_[\]<>|~=$]/g, '\\$&');

/** The Markdown with R Markdown's page breaks and figure labels hidden and its references readable; as it was when it has none. */
export function readRMarkdown(markdown: string): string {
  if (!mayHoldRMarkdown(markdown)) return markdown;
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  const out: string[] = [];
  lines.forEach((line, at) => {
    if (code[at] || INDENTED.test(line)) {
      out.push(line);
      return;
    }
    if (PAGE_BREAK.test(line)) return;
    const parts = line.split(INLINE_CODE);
    for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i].replace(LABEL, '').replace(REF, (_, label: string) => `\\[${literal(label)}\\]`);
    out.push(parts.join(''));
  });
  return out.join('\n');
}
