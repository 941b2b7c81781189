// kramdown's own syntax beyond attribute lists (which static-site.ts removes), as Jekyll posts
// write it. Shown as written, each left markup on screen: a table of contents' placeholder item
// (`* TOC` over `{:toc}`) showed as `• TOC`, a `{::comment}` its text, an abbreviation's definition
// (`*[ETF]: Exchange-Traded Fund`) its line, and an HTML block marked `markdown="1"` its inside as
// literal `**bold**`. The reader draws no table of contents and has no hover for an abbreviation,
// so those are hidden; a marked block's inside is read as Markdown, as kramdown reads it.

/**
 * A line making the list item above it a table of contents: the IAL `{:toc}` (kramdown's docs,
 * "HTML converter" > "Automatic table of contents generation":
 * https://kramdown.gettalong.org/converter/html.html#toc).
 */
const TOC = /^[ \t]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$/;
// The one-item list a `{:toc}` follows: `* TOC`, `1. Contents`.
const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/**
 * An abbreviation's definition, `*[ETF]: Exchange-Traded Fund` (kramdown's docs, "Abbreviations":
 * https://kramdown.gettalong.org/syntax.html#abbreviations; PHP Markdown Extra's too).
 */
const ABBREVIATION = /^[ \t]{0,3}\*\[[^\]\n]{1,200}\]:/;
/**
 * A comment, `{::comment}` ... `{:/comment}` (or `{:/}`), on one line or over several (kramdown's
 * docs, "Extensions": https://kramdown.gettalong.org/syntax.html#extensions).
 */
const ONE_LINE_COMMENT = /\{::comment\}[^{}]{0,2000}?\{:\/(?:comment)?\}|\{::comment[ \t]*\/\}/g;
const COMMENT_OPEN = /\{::comment\}/;
const COMMENT_CLOSE = /\{:\/(?:comment)?\}/;
// An HTML tag; its name, and whether it closes.
const TAG = /<(\/?)([A-Za-z][\w-]{0,40})\b([^<>]{0,1000})>/g;
/**
 * `markdown="1"` (also `block`, `span`) on an HTML tag: its inside is Markdown (kramdown's docs,
 * "HTML Blocks": https://kramdown.gettalong.org/syntax.html#html-blocks). `markdown="0"` keeps it HTML.
 */
const MARKDOWN_ATTR = /\smarkdown\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|(?:1|block|span)\b)/;

/** Whether `markdown` may hold kramdown's syntax read here (a cheap test before reading line by line). */
export function hasKramdownSyntax(markdown: string): boolean {
  return markdown.includes('{:') || markdown.includes('*[') || markdown.includes('markdown=');
}

/** Whether `line` is a `{:toc}` IAL, and `above` (the line before it as kept) the item it makes a table of contents. */
export function isTableOfContents(line: string, above: string | undefined): boolean {
  return TOC.test(line) && above !== undefined && LIST_ITEM.test(above);
}

/** Whether `line` defines an abbreviation (`*[ETF]: Exchange-Traded Fund`). */
export function isAbbreviation(line: string): boolean {
  return ABBREVIATION.test(line);
}

/** Prose (no code) without its one-line kramdown comments. */
export function withoutComments(prose: string): string {
  return prose.includes('{::comment') ? prose.replace(ONE_LINE_COMMENT, '') : prose;
}

/** Whether a line opens a kramdown comment it does not close, and so hides the lines up to its `{:/comment}`. */
export function opensComment(line: string): boolean {
  const open = line.search(COMMENT_OPEN);
  return open >= 0 && !COMMENT_CLOSE.test(line.slice(open));
}

/** Whether a line inside a comment ends it. */
export function closesComment(line: string): boolean {
  return COMMENT_CLOSE.test(line);
}

/**
 * HTML blocks marked `markdown="1"`, read line by line: the marked tag and its closing tag are put
 * on lines of their own between blank lines (the attribute gone), so what they hold is lexed as
 * Markdown (CommonMark ends an HTML block at a blank line), and the HTML reader still sees the tags.
 */
export class MarkdownInHtml {
  // The marked elements open, innermost last: the tag's name and how many of that name are open in it.
  private readonly open: Array<{ name: string; depth: number }> = [];

  /** One line of the body, its marked tags set apart. */
  read(line: string): string {
    if (this.open.length === 0 && !line.includes('markdown')) return line;
    return line.replace(TAG, (tag, closing: string, rawName: string, attrs: string) => {
      const name = rawName.toLowerCase();
      const inner = this.open[this.open.length - 1];
      if (!closing && MARKDOWN_ATTR.test(attrs)) {
        this.open.push({ name, depth: 1 });
        return `<${name}${attrs.replace(MARKDOWN_ATTR, '')}>\n\n`;
      }
      if (!inner || inner.name !== name) return tag;
      inner.depth += closing ? -1 : 1;
      if (inner.depth > 0) return tag;
      this.open.pop();
      return `\n\n${tag}`;
    });
  }
}
