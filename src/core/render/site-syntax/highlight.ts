// Obsidian's highlight, `==text==` (also markdown-it-mark's, and Pandoc's with its `mark`
// extension): the words the note's author marked as the ones that matter. Markdown has no such
// mark, so it showed as literal `==` around plain text. Read as emphasis is: the opening `==`
// right before a non-space, the closing one right after a non-space, not inside a longer run of
// `=` (`a == b`, `x === y` and `== spaced ==` stay as written); what it holds is lexed as inline
// Markdown (`==**bold**==`, a link inside).
import type { TokenizerExtension, Tokens } from 'marked';

/** A highlight: the inline tokens of its text. */
export interface HighlightToken extends Tokens.Generic {
  type: 'highlight';
  raw: string;
  text: string;
  tokens: Tokens.Generic[];
}

// `==`, no space or `=` after it, the text (no `==` inside, no blank line), a non-space, `==`.
const HIGHLIGHT = /^==(?![\s=])((?:[^=\n]|=(?!=)|\n(?!\n)){0,2000}?[^\s=])==(?!=)/;

/** Whether `markdown` may hold a highlight (a cheap test before the extension is used). */
export function mayHoldHighlights(markdown: string): boolean {
  return markdown.includes('==');
}

/**
 * A marked extension reading one way of writing a highlight: `mark` (`==`, Bear's `::`) where it
 * may start, `pattern` the whole highlight at the start of the source with its text in group 1,
 * and `refuses` what the inline source before it (the last token's raw text) must not be. Each
 * way becomes a `highlight` token, drawn alike.
 */
export function highlightExtension(name: string, mark: string, pattern: RegExp, refuses: (before: string) => boolean): TokenizerExtension {
  return {
    name,
    level: 'inline',
    start: (src: string) => {
      const at = src.indexOf(mark);
      return at === -1 ? undefined : at;
    },
    tokenizer(src: string, before: Tokens.Generic[]): HighlightToken | undefined {
      const m = pattern.exec(src);
      if (!m || refuses(before[before.length - 1]?.raw ?? '')) return undefined;
      return { type: 'highlight', raw: m[0], text: m[1], tokens: this.lexer.inlineTokens(m[1]) as Tokens.Generic[] };
    },
  };
}

/** The marked extension: `==text==` becomes a `highlight` token. Not right after a `=` either: the end of a `===` run opens nothing. */
export const highlight: TokenizerExtension = highlightExtension('highlight', '==', HIGHLIGHT, (before) => before.endsWith('='));
