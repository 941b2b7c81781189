// Display math as Hugo (Goldmark's passthrough), Jekyll (kramdown), Pandoc and MathJax/KaTeX
// pages write it: `$$` on a line of its own, the TeX lines, `$$` again (or `$$ ... $$` on one
// line). Markdown read it as a paragraph: its lines ran together and its escapes were taken as
// Markdown's (`\\` line ends became `\`, `\{` became `{`), changing the formula. It is drawn as a
// code block is: every line and every character as written, nothing reflowed.
import type { TokenizerExtension, Tokens } from 'marked';

const BLOCK = /^ {0,3}\$\$[ \t]*\n([^]*?)\n {0,3}\$\$[ \t]*(?:\n|$)/;
const ONE_LINE = /^ {0,3}\$\$([^\n$][^\n]*?)\$\$[ \t]*(?:\n|$)/;
const OPENS = /\n {0,3}\$\$/;

/** Whether `markdown` may hold display math (a cheap test before the extension is used). */
export function mayHoldDisplayMath(markdown: string): boolean {
  return markdown.includes('$$');
}

/** The marked extension: a display math block becomes a `code` token of language `math`. */
export const displayMath: TokenizerExtension = {
  name: 'displayMath',
  level: 'block',
  // Where a paragraph must stop: a `$$` line may follow a paragraph's text with no blank line.
  start: (src: string) => {
    const at = OPENS.exec(src)?.index;
    return at === undefined ? undefined : at + 1;
  },
  tokenizer(src: string): Tokens.Code | undefined {
    const block = BLOCK.exec(src);
    // A block's lines keep their indentation (an aligned formula is laid out with it).
    if (block) return { type: 'code', raw: block[0], lang: 'math', text: block[1].replace(/^(?:[ \t]*\n)+|\s+$/g, '') };
    const line = ONE_LINE.exec(src);
    return line ? { type: 'code', raw: line[0], lang: 'math', text: line[1].trim() } : undefined;
  },
};
