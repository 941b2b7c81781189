// An element whose content is never shown (a `<script>`, a player's fallback text) hides only
// what its author closed it around. A browser reads everything after an unclosed `<iframe>` or
// `<script>` as that element's; in a Markdown article the words after it are the author's prose
// (often the tag is named in the text: "attackers injected a <script> tag into the page"), so an
// element left open hides nothing: it is read as a lone tag and the text after it stays. Inline
// tags are paired here, per run; an HTML block is read by text's unclosedHiddenElements
// (text/shown/hidden-elements.ts), which the text search reads in a body shares.
import type { Token, Tokens } from 'marked';
import { parseInlineTag } from './html-tags.js';

function eachHtmlToken(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const t of tokens) {
    if (t.type === 'html') visit(t);
    const inner = (t as Tokens.Generic).tokens;
    if (Array.isArray(inner)) eachHtmlToken(inner, visit);
  }
}

/**
 * The inline HTML tokens of one run (a paragraph, a heading, a table cell) that open an element
 * named in `hidden` and the end tags that close them, paired by name in document order. An open
 * tag not in the set was never closed in its run (HTML inline in Markdown ends with its paragraph);
 * an end tag not in the set closes nothing.
 */
export function pairedInlineTags(tokens: readonly Token[], hidden: ReadonlySet<string>): Set<Token> {
  const paired = new Set<Token>();
  const open = new Map<string, Token[]>();
  eachHtmlToken(tokens, (token) => {
    const tag = parseInlineTag(String((token as Tokens.Generic).text ?? ''));
    if (!tag || !hidden.has(tag.name)) return;
    const stack = open.get(tag.name) ?? [];
    open.set(tag.name, stack);
    if (!tag.closing) stack.push(token);
    else {
      const opener = stack.pop();
      if (opener) paired.add(opener).add(token);
    }
  });
  return paired;
}
