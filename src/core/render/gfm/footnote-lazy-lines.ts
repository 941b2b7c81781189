// GFM footnotes (marked-footnote) with GitHub's lazy continuation lines. A footnote definition is a
// container, like a list item: a line that would continue its open paragraph belongs to it even
// unindented (`[^1]: A long note` and `that goes on` under it), as GitHub, micromark, Pandoc and
// Goldmark read it. marked-footnote takes only indented lines (and has no option for more), so the
// line after the first was body text and the note cut short. Here those lines get the indent
// marked-footnote reads, only for its tokenizer; a blank line still ends the paragraph, and what
// marked itself would not run into a paragraph (a heading, a list, a quote, a fence, a table, an HTML
// block; a definition, a footnote's or a link's) ends the note.
import { Lexer, type MarkedExtension, type TokenizerExtension } from 'marked';
import markedFootnote from 'marked-footnote';

const DEFINITION = /^\[\^[^\]\n]+\]:/;
// A link reference definition cannot interrupt a paragraph in CommonMark, but one right under a
// note is the author's definition, not words of the note: it ends the note.
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/;
// A setext underline under a lazy line would make a heading of the note's text; it is no continuation.
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
// What marked-footnote reads as a definition's continuation line (spaces only, not a tab).
const INDENT = '    ';
const PARAGRAPH = Lexer.rules.block.gfm.paragraph;

const lineEnd = (s: string, from: number): number => {
  const at = s.indexOf('\n', from);
  return at < 0 ? s.length : at;
};

// Whether `line`, with `next` under it, continues an open paragraph by marked's own rule.
function continuesParagraph(line: string, next: string): boolean {
  if (DEFINITION.test(line) || LINK_DEFINITION.test(line) || SETEXT_UNDERLINE.test(line)) return false;
  const m = PARAGRAPH.exec(`x\n${line}\n${next}`);
  return m !== null && m[0].length >= 2 + line.length;
}

/**
 * `src` (starting with a footnote definition) with each lazy continuation line of the definition
 * indented as marked-footnote reads continuation lines, and where those indents were added (offsets
 * in the result); null when the definition has none.
 */
export function indentLazyLines(src: string): { text: string; added: number[] } | null {
  const firstEnd = src.indexOf('\n');
  if (firstEnd < 0 || !DEFINITION.test(src)) return null;
  const first = src.slice(0, firstEnd).replace(DEFINITION, '');
  // Whether a paragraph is open (a lazy line may continue it), and whether a fence is.
  let open = first.trim() !== '' && !FENCE.test(first.trim());
  let fenced = false;
  const lazy: number[] = [];
  let pos = firstEnd + 1;
  while (pos < src.length) {
    const end = lineEnd(src, pos);
    const line = src.slice(pos, end);
    if (line.trim() === '') open = false;
    else if (line.startsWith(INDENT)) {
      // An indented line is the note's own; a fence in it holds code, which no lazy line continues.
      const fence = FENCE.test(line.slice(INDENT.length));
      if (fence) fenced = !fenced;
      open = !fence && !fenced;
    } else if (open && continuesParagraph(line, src.slice(end + 1, lineEnd(src, end + 1)))) lazy.push(pos);
    else break;
    pos = end + 1;
  }
  if (lazy.length === 0) return null;
  let text = '';
  let from = 0;
  const added: number[] = [];
  for (const at of lazy) {
    text += src.slice(from, at);
    added.push(text.length);
    text += INDENT;
    from = at;
  }
  return { text: text + src.slice(from), added };
}

/** marked-footnote's extension, its definitions read with their lazy continuation lines. */
export function footnotesWithLazyLines(): MarkedExtension {
  const extension = markedFootnote();
  const definition = extension.extensions?.find((e): e is TokenizerExtension => e.name === 'footnote' && 'level' in e && e.level === 'block');
  if (!definition) return extension;
  const read = definition.tokenizer;
  definition.tokenizer = function (src, tokens) {
    const lazy = indentLazyLines(src);
    if (!lazy) return read.call(this, src, tokens);
    const token = read.call(this, lazy.text, tokens);
    // The lexer moves on by the token's raw length in the source as written, without the indents.
    if (token) token.raw = src.slice(0, token.raw.length - INDENT.length * lazy.added.filter((at) => at < token.raw.length).length);
    return token;
  };
  return extension;
}
