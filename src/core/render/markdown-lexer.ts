// marked's lexer, bounded. Its inline pass is quadratic on some inputs (a paragraph of 16k
// characters of `*a *a ...` takes 1.5 s, 32k takes 6 s), and an article body may be 1 MiB. So
// long inline runs are lexed in chunks, and once a time budget is spent the remaining inline text
// is kept as plain text: the reader still sees every word, only late formatting is lost.
import { Lexer, Marked, type MarkedOptions, type Token, type TokensList } from 'marked';
import { footnotesWithLazyLines } from './gfm/footnote-lazy-lines.js';
import { bearHighlight, mayHoldBearHighlights, displayMath, emojiShortcode, emojiShortcodesLoaded, highlight, inlineMath, mayHoldDefinitionLists, mayHoldDisplayMath, mayHoldHighlights, mayHoldInlineMath, mayHoldShortcodes, readDefinitionLists } from './site-syntax/index.js';

/** Longest inline source lexed in one piece; longer runs are split at whitespace. */
const INLINE_CHUNK = 2000;
/**
 * Inline source always lexed, whatever the clock says: the budget is wall time, and on a loaded
 * machine a short article's lexing can be descheduled past it (its later paragraphs then showed
 * raw `*emphasis*` and tags). Even the worst input costs ~25 ms a chunk at this size.
 */
const ALWAYS_LEXED = 16_000;

class BoundedLexer extends Lexer {
  private lexed = 0;

  constructor(
    private readonly deadline: number,
    options: MarkedOptions,
    // Whether the document has a line that may open a definition (site-syntax/definition-lists.ts).
    private readonly definitions = false,
  ) {
    super(options);
  }

  // Each level of block tokens (the document, a quote's, a list item's) before its inline text is lexed.
  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens: Token[] = [], lastParagraphClipped?: boolean): Token[] {
    const out = super.blockTokens(src, tokens, lastParagraphClipped);
    if (this.definitions) readDefinitionLists(out);
    return out;
  }

  private overBudget(): boolean {
    return this.lexed >= ALWAYS_LEXED && performance.now() > this.deadline;
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (this.overBudget()) {
      tokens.push({ type: 'text', raw: src, text: src });
      return tokens;
    }
    if (src.length <= INLINE_CHUNK) {
      this.lexed += src.length;
      return super.inlineTokens(src, tokens);
    }
    let start = 0;
    while (start < src.length) {
      let end = Math.min(src.length, start + INLINE_CHUNK);
      if (end < src.length) {
        const cut = Math.max(src.lastIndexOf('\n', end), src.lastIndexOf(' ', end));
        if (cut > start) end = cut + 1;
      }
      const chunk = src.slice(start, end);
      if (this.overBudget()) tokens.push({ type: 'text', raw: chunk, text: chunk });
      else {
        this.lexed += chunk.length;
        super.inlineTokens(chunk, tokens);
      }
      start = end;
    }
    return tokens;
  }
}

// GFM footnotes come from marked-footnote, read with their lazy lines (gfm/footnote-lazy-lines.ts).
// Its extension keeps per-document state (the footnotes token it puts first in the list), so every
// document gets a fresh instance; its `footnotes` token then holds the referenced definitions in
// order of first reference, and `rawItems` all of them.
// Display math, inline math, highlights and emoji shortcodes (site-syntax/) only where the body has
// their marks: an extension's start test runs at every block or inline text of the body.
function options(markdown: string): MarkedOptions {
  const marked = new Marked({ gfm: true }).use(footnotesWithLazyLines());
  const extensions = [
    ...(mayHoldDisplayMath(markdown) ? [displayMath] : []),
    ...(mayHoldInlineMath(markdown) ? [inlineMath] : []),
    ...(mayHoldHighlights(markdown) ? [highlight] : []),
    ...(mayHoldBearHighlights(markdown) ? [bearHighlight] : []),
    ...(emojiShortcodesLoaded() && mayHoldShortcodes(markdown) ? [emojiShortcode] : []),
  ];
  return (extensions.length > 0 ? marked.use({ extensions }) : marked).defaults;
}

/** Lexes Markdown into marked tokens, spending at most about `budgetMs` on inline formatting once ALWAYS_LEXED characters are done. */
export function lexMarkdown(markdown: string, budgetMs = 150): TokensList {
  return new BoundedLexer(performance.now() + budgetMs, options(markdown), mayHoldDefinitionLists(markdown)).lex(markdown);
}
