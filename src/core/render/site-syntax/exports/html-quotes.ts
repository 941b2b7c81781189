// HTML quotations as blog exports write them: WordPress's quote block (`<blockquote
// class="wp-block-quote"><p>...</p><cite>Name</cite></blockquote>`, its pull quote inside a
// `<figure>`), Ghost's and Substack's `<blockquote><p>...</p></blockquote>`, an embedded tweet's
// `<blockquote class="twitter-tweet">`, a reply quoting the post it answers (a `<blockquote>`
// inside another). As HTML they read as the author's own lines; each becomes a Markdown quote,
// drawn as `>` quotes are, a quote inside it a quote inside that one (`> >`, a bar for each), what
// it holds still read as HTML, and a `<cite>` that ends a quote its attribution line, `— Name` (as
// the quote tags' in quote-tags.ts). Read with htmlparser2 (html-elements.ts finds the element):
// only a `<blockquote>` with nothing but tags before it on its line, and whose end tag follows;
// never inside code.
import { Parser } from 'htmlparser2';
import { readHtmlElements, type HtmlElementReader } from './html-elements.js';

// An attribution that already has its dash (`&mdash; Name`, `— Name`, `- Name`).
const DASHED = /^\s*(?:&mdash;|&#8212;|&#x2014;|—|–|-)/i;
// A quote's end is looked for within this many lines.
const MAX_LINES = 400;

/** Whether `markdown` may hold an HTML quote (a cheap test before reading line by line). */
export function mayHoldHtmlQuotes(markdown: string): boolean {
  return markdown.includes('<blockquote') || markdown.includes('<BLOCKQUOTE');
}

/** One `<blockquote>`: its content in order, HTML as written and the quotes inside it, and its attribution's HTML. */
interface Quote {
  parts: Array<string | Quote>;
  /** Where the HTML not yet in `parts` starts. */
  at: number;
  /** The `<cite>` that ends the quote so far: [its open tag's start, its text's start, its text's end]; null when none does. */
  cite: [number, number, number] | null;
}

// The quote `html` (`<blockquote ...>` to its `</blockquote>`) as a tree of quotes. A `<cite>` is
// the attribution only when nothing but whitespace and comments follows it in its quote: one in
// the middle of a sentence (`See <cite>Book</cite> now`) is the title of a work, and stays prose.
function quoteTree(html: string): Quote | null {
  const open: Quote[] = [];
  let root: Quote | null = null;
  let cite: { quote: Quote; start: number; text: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        const quote = open[open.length - 1];
        if (quote) quote.cite = null;
        if (name === 'blockquote') {
          const inner: Quote = { parts: [], at: parser.endIndex + 1, cite: null };
          if (quote) quote.parts.push(html.slice(quote.at, parser.startIndex), inner);
          else root = inner;
          open.push(inner);
        } else if (name === 'cite' && quote && !cite) cite = { quote, start: parser.startIndex, text: parser.endIndex + 1 };
      },
      onclosetag(name, implied) {
        const quote = open[open.length - 1];
        if (!quote) return;
        if (name === 'blockquote') {
          const end = quote.cite ? quote.cite[0] : parser.startIndex;
          quote.parts.push(html.slice(quote.at, end));
          open.pop();
          if (cite?.quote === quote) cite = null;
          if (open.length > 0) open[open.length - 1].at = parser.endIndex + 1;
        } else if (name === 'cite' && cite?.quote === quote) {
          quote.cite = [cite.start, cite.text, parser.startIndex];
          cite = null;
        } else if (!implied) quote.cite = null;
      },
      ontext(text) {
        if (text.trim() !== '' && open.length > 0) open[open.length - 1].cite = null;
      },
    },
    { lowerCaseTags: true, decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  return root;
}

// A quote's lines as Markdown quote lines: its HTML's lines trimmed (an indented line would read
// as code), a quote inside it set apart by blank lines and quoted again, the attribution last.
function quoteLines(quote: Quote, html: string): string[] {
  const lines: string[] = [];
  for (const part of quote.parts) {
    if (typeof part === 'string') lines.push(...part.split('\n').map((l) => l.trim()));
    // Blank lines around it: after an HTML line (`<p>Out</p>`) a `>` line would be the HTML block's.
    else lines.push('', ...quoteLines(part, html), '');
  }
  const kept = lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 0 && kept[0] === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const by = quote.cite ? html.slice(quote.cite[1], quote.cite[2]).replace(/\s+/g, ' ').trim() : '';
  if (by) kept.push('', DASHED.test(by) ? by : `— ${by}`);
  return kept.map((l) => (l === '' ? '>' : `> ${l}`));
}

const QUOTES: HtmlElementReader = {
  name: 'blockquote',
  starts: (_attribs, textBefore) => !textBefore,
  maxLines: MAX_LINES,
  asMarkdown(html) {
    const tree = quoteTree(html);
    return tree ? quoteLines(tree, html) : null;
  },
};

/** The Markdown with its HTML quotations written as Markdown quotes ending in their `<cite>`; as it was when it has none. */
export function htmlQuotesAsQuotes(markdown: string): string {
  return mayHoldHtmlQuotes(markdown) ? readHtmlElements(markdown, QUOTES) : markdown;
}
