// Exports' kinds (site-syntax/exports/): HTML quotes with their `<cite>`, nbconvert's DataFrame
// tables, Joplin's id links (Markdown and HTML), Bear's `::highlight::`, R Markdown's page breaks and
// references, AsciiDoc's section titles in a body;
// each on the render cases of its kind (tests/fixtures/cases/render) and on small inputs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/core/render/markdown.js';
import { lineText } from '../../../../src/core/render/spans.js';
import { htmlQuotesAsQuotes } from '../../../../src/core/render/site-syntax/exports/html-quotes.js';
import { dataFrameTable } from '../../../../src/core/render/site-syntax/exports/dataframe-tables.js';
import { readRMarkdown } from '../../../../src/core/render/site-syntax/exports/rmarkdown-refs.js';
import { asciidocSectionsAsHeadings } from '../../../../src/core/render/site-syntax/asciidoc-sections.js';
import { readFrontMatter } from '../../../../src/core/load/front-matter/index.js';

const dir = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'cases', 'render');
const body = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const rows = (markdown: string, width = 58): string[] => renderMarkdown(markdown, width).lines.map(lineText);
const WIDTHS = [38, 58, 118];

describe('HTML quotes (WordPress, Ghost, Substack, tweets)', () => {
  it.each(WIDTHS)('more-html-quotes.md at %i: every quote drawn as a quote, its cite as "— Name"', (w) => {
    const r = rows(body('more-html-quotes.md'), w);
    const quoted = (words: string) => r.some((l) => l.startsWith('│ ') && l.includes(words));
    for (const words of ['Not your keys', 'technological tour', 'The halving cut', 'Liquidity left', 'Stablecoin supply', 'Most of it on Tron', 'ETF inflows', 'Volatility is']) expect(quoted(words), words).toBe(true);
    for (const by of ['— Andreas Antonopoulos', '— Bill Gates[1]', '— The Block Research', '— Anonymous trader']) expect(r.some((l) => l.startsWith('│ ') && l.includes(by)), by).toBe(true);
    // A dash written by the author is not doubled; an inline <cite> stays prose; code stays code.
    expect(r.join('\n')).not.toMatch(/— —|— - /);
    expect(r.some((l) => l.startsWith('│ — Eric Balchunas'))).toBe(true);
    expect(r.some((l) => l.startsWith('│') && l.includes('Book'))).toBe(false);
    expect(r.join('').replace(/↪ /g, '')).toContain('<cite>Nobody</cite>');
  });

  it.each([
    ['a quote with its cite', '<blockquote><p>Q</p><cite>Ann</cite></blockquote>', '> <p>Q</p>\n>\n> — Ann\n'],
    ['a quote inside a figure', '<figure class="x"><blockquote><p>Q</p></blockquote></figure>', '<figure class="x">\n\n> <p>Q</p>\n\n</figure>'],
    ['a quote under an HTML line gets a blank line', '<div>\n<blockquote>Q</blockquote>', '<div>\n\n> Q\n'],
    ['a cite in the middle is not the attribution', '<blockquote><p>See <cite>Book</cite> now</p></blockquote>', '> <p>See <cite>Book</cite> now</p>\n'],
  ])('%s', (_n, input, expected) => {
    expect(htmlQuotesAsQuotes(input)).toBe(expected);
  });

  it('leaves an unclosed quote and one in code as written', () => {
    for (const input of ['<blockquote><p>Q</p>\n\nrest', '```\n<blockquote>Q</blockquote>\n```']) expect(htmlQuotesAsQuotes(input)).toBe(input);
  });

  it('draws a quote inside a quote with a bar of its own, each cite under its own quote', () => {
    const r = rows('<blockquote><p>Out</p>\n<blockquote><p>In</p><cite>Bob</cite></blockquote>\n<cite>Ann</cite></blockquote>\n\nAfter.');
    expect(r).toEqual(['│ Out', '│ ', '│ │ In', '│ │ ', '│ │ — Bob', '│ ', '│ — Ann', '', 'After.']);
  });

  it.each(WIDTHS)('more-html-quotes-nested.md at %i: nested quotes nested, an end tag in a script not an end', (w) => {
    const r = rows(body('more-html-quotes-nested.md'), w);
    const depth = (words: string): number => {
      const line = r.find((l) => l.includes(words));
      return line ? /^(│ )*/.exec(line)![0].length / 2 : -1;
    };
    expect(depth('Miners sold less')).toBe(1);
    expect(depth('Outflows to exchanges')).toBe(2);
    expect(depth('— Glassnode weekly')).toBe(2);
    expect(depth('hashprice recovery')).toBe(1);
    expect(depth('— satoshi_fan')).toBe(1);
    expect(depth('Restacked.')).toBe(1);
    expect(depth('Quoted note.')).toBe(2);
    expect(depth('The original post.')).toBe(3);
    expect(depth('— Newsletter')).toBe(1);
    expect(depth('Chart caption stays quoted.')).toBe(1);
    expect(depth('End of the nested quotes.')).toBe(0);
    expect(r.join('\n')).not.toMatch(/<\/?(blockquote|cite|script)|document\.write/);
  });

  it.each([
    ['a cite followed by more text is prose', '<blockquote><p>Q</p><cite>Ann</cite> said it</blockquote>', '> <p>Q</p><cite>Ann</cite> said it\n'],
    ['a cite before an inner quote stays in place', '<blockquote><cite>Ann</cite><blockquote>In</blockquote></blockquote>', '> <cite>Ann</cite>\n>\n> > In\n'],
    ['text before the opener on its line: not a quote', 'Say <blockquote>Q</blockquote>', 'Say <blockquote>Q</blockquote>'],
    ['an inner quote left open: the outer one never ends', '<blockquote>a<blockquote>b</blockquote>', '<blockquote>a<blockquote>b</blockquote>'],
    ['upper-case tags', '<BLOCKQUOTE><P>Q</P><CITE>Ann</CITE></BLOCKQUOTE>', '> <P>Q</P>\n>\n> — Ann\n'],
  ])('%s', (_n, input, expected) => {
    expect(htmlQuotesAsQuotes(input)).toBe(expected);
  });
});

describe('DataFrame tables (nbconvert, pandas, Polars)', () => {
  it.each(WIDTHS)('more-dataframe-tables.md at %i: the header stays above its values, the CSS hidden', (w) => {
    const r = rows(body('more-dataframe-tables.md'), w);
    const header = r.findIndex((l) => l.includes('symbol'));
    // The corner cell is kept: the header's separators stand where the rows' do.
    const bar = (l: string) => [...l.matchAll(/│/g)].map((m) => m.index);
    expect(bar(r[header])).toEqual(bar(r[header + 2]));
    expect(bar(r[header + 2])).toEqual(bar(r[header + 3]));
    expect(r[header + 2]).toMatch(/^0 +│ BTC/);
    expect(r.join('\n')).not.toContain('vertical-align');
    // A named index merged into the header row; entities decoded, Markdown marks kept literal.
    const named = r.findIndex((l) => l.includes('volume'));
    expect(r[named]).toMatch(/^date +│ volume │ pair/);
    expect(r.join('\n')).toContain('BTC&USD');
    expect(r.join('\n')).toContain('ETH|USD *x*');
    // Merged cells (a MultiIndex) stay HTML: every value still there.
    for (const word of ['price', 'min', 'max', '60000', '70000', 'End.']) expect(r.join(' ')).toContain(word);
  });

  it('right-aligns columns of numbers as pandas does', () => {
    const md = dataFrameTable('<table class="dataframe"><thead><tr><th></th><th>p</th><th>s</th></tr></thead><tbody><tr><th>0</th><td>1.5</td><td>a</td></tr></tbody></table>');
    expect(md).toEqual(['|  | p | s |', '| ---: | ---: | --- |', '| 0 | 1.5 | a |']);
  });

  it('leaves a table with merged cells, and any other table, as HTML', () => {
    expect(dataFrameTable('<table class="dataframe"><tr><td colspan="2">x</td></tr></table>')).toBeNull();
    const plain = '<table><tr><th></th><th>a</th></tr></table>';
    expect(renderMarkdown(plain, 40).lines.map(lineText).join('\n')).toContain('a');
  });
});

describe("Joplin's note and attachment links", () => {
  it.each(WIDTHS)('more-joplin-links.md at %i: named, never listed under Links', (w) => {
    const { lines, links } = renderMarkdown(body('more-joplin-links.md'), w);
    const text = lines.map(lineText).join(' ');
    expect(links.some((u) => /^:\/[0-9a-f]{32}/.test(u))).toBe(false);
    expect(links).toContain('https://www.coindesk.com/');
    for (const words of ['the ETF notes [Joplin', 'whitepaper.pdf [Joplin', '[image: chart.png]']) expect(text).toContain(words);
    // No span of a Joplin link carries its id as an address to open.
    expect(lines.flat().some((s) => s.href?.startsWith(':/') && s.href.length > 10)).toBe(false);
    // Code stays as written.
    expect(text.replace(/\s+/g, '')).toContain('[code](:/0123456789abcdef0123456789abcdef)');
  });
});

describe("Joplin's links written as HTML", () => {
  it.each(WIDTHS)('more-joplin-html.md at %i: <a href=":/id"> named as a Markdown Joplin link is, in blocks and inline', (w) => {
    const { lines, links } = renderMarkdown(body('more-joplin-html.md'), w);
    const text = lines.map(lineText).join(' ').replace(/\s+/g, ' ');
    for (const words of ['the ETF notes [Joplin note]', 'whitepaper.pdf [Joplin note]', 'the flows section [Joplin note]', '[image: chart.png]', 'The Block[1]']) expect(text).toContain(words);
    expect(links).toEqual(['https://www.theblock.co/']);
    expect(lines.flat().some((s) => s.href?.startsWith(':/'))).toBe(false);
    // Code stays as written (its wrapped lines joined without their continuation marks).
    expect(lines.map(lineText).join('').replace(/↪ /g, '')).toContain('<a href=":/0123456789abcdef0123456789abcdef">in code</a>');
  });
});

describe("Bear's ::highlight::", () => {
  it.each(WIDTHS)('more-bear-highlights.md at %i: drawn as ==highlight== is, paths and shortcodes as written', (w) => {
    const r = renderMarkdown(body('more-bear-highlights.md'), w);
    const text = r.lines.map(lineText).join(' ');
    expect(r.lines.flat().filter((s) => s.highlight).map((s) => s.text).join(' ')).toMatch(/funding rate.*open interest.*fell.*watch the/);
    for (const kept of ['std::vector', 'Foo::Bar::baz', ':fire::fire::fire:', '::1 and :: spaced ::', '::in code::']) expect(text).toContain(kept);
  });
});

describe("R Markdown's page breaks and references", () => {
  it.each(WIDTHS)('more-rmarkdown-refs.md at %i: breaks and labels hidden, references readable', (w) => {
    const text = rows(body('more-rmarkdown-refs.md'), w).join(' ');
    expect(text).toContain('Figure [btc-price]');
    expect(text).toContain('Table [volumes]');
    expect(text).toContain('Chapter [intro]');
    expect(text).not.toMatch(/\\pagebreak|\\clearpage|\(\\#|#fig:|@ref\(fig:btc/);
    expect(text).toContain("Bitcoin's price since the halving.");
    // Code keeps them.
    expect(text).toContain('\\@ref(fig:x)');
    expect(text).toContain('\\newpage');
  });

  it('hides a break line only when it is alone on its line', () => {
    expect(readRMarkdown('a\n\\newpage\nb')).toBe('a\nb');
    expect(readRMarkdown('use \\newpage here')).toBe('use \\newpage here');
    expect(readRMarkdown('\\@ref(eq:mean_1)')).toBe('\\[mean\\_1\\]');
  });
});

describe("AsciiDoc's section titles in the body", () => {
  // The body as the loader hands it over: the AsciiDoc header read and cut (asciidoc-header.ts).
  const asciidocBody = (): string => {
    const read = readFrontMatter(fs.readFileSync(path.join(dir, 'more-asciidoc-sections.md'), 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.title).toBe('Bitcoin Miners Sell Less After the Halving');
    return read.body;
  };

  it.each(WIDTHS)('more-asciidoc-sections.md at %i: == and deeper titles are headings, prose and code as written', (w) => {
    const { lines } = renderMarkdown(asciidocBody(), w);
    const headings = lines.filter((l) => l.some((s) => s.role === 'heading' && /\w/.test(s.text))).map(lineText);
    expect(headings.map((h) => h.replace(/^#+ /, ''))).toEqual(['Why it matters', 'What the data shows', 'Hashprice', 'Difficulty']);
    const text = lines.map(lineText).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('month on month. == a line under prose continues its paragraph');
    expect(lines.map(lineText).join('').replace(/↪ ?/g, '')).toContain('== a section title in code stays as written');
    expect(text).toContain('x == y');
    expect(text).toContain('== spaced ==, stay prose.');
    expect(text).not.toMatch(/== Why|=== What|==== Hash/);
  });

  it.each([
    ['a title at the start', '== A', '## A'],
    ['closing marks dropped', '=== B ===', '### B'],
    ['six marks at most', '======= G', '======= G'],
    ['a lone = is the header\'s', '= Doc', '= Doc'],
    ['under prose: a paragraph line', 'text\n== C', 'text\n== C'],
    ['titles one after another', '== A\n=== B', '## A\n### B'],
    ['no space after the marks', '==A==', '==A=='],
  ])('%s', (_n, input, expected) => {
    expect(asciidocSectionsAsHeadings(input)).toBe(expected);
  });
});
