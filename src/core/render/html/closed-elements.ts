// An element whose content is never shown (a `<script>`, a player's fallback text) hides only
// what its author closed it around. A browser reads everything after an unclosed `<iframe>` or
// `<script>` as that element's; in a Markdown article the words after it are the author's prose
// (often the tag is named in the text: "attackers injected a <script> tag into the page"), so an
// element left open hides nothing: it is read as a lone tag and the text after it stays.
import type { Token, Tokens } from 'marked';
import { Parser } from 'htmlparser2';
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

/**
 * Elements whose content htmlparser2 reads as raw text to their end tag (as HTML does): left
 * open, the rest of the block would be text of theirs, tags and all, hidden or not.
 */
export const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

interface Scan {
  /** Offsets of the open tags of `hidden` (and raw-text) elements with no end tag of their own. */
  open: Set<number>;
  /** The first such tag of a raw-text element: [start, end) in the source. */
  raw: [number, number] | null;
}

function scan(html: string, hidden: ReadonlySet<string>): Scan {
  const open = new Set<number>();
  let raw: [number, number] | null = null;
  const starts: Array<{ name: string; start: number; end: number }> = [];
  const parser = new Parser(
    {
      onopentag: (name) => starts.push({ name, start: parser.startIndex, end: parser.endIndex + 1 }),
      onclosetag: (name, implied) => {
        const opened = starts.pop();
        if (!opened || !(hidden.has(name) || RAW_TEXT.has(name))) return;
        // Raw text holding its own open tag again (`a <script> tag ... <script>x</script>`): the
        // first was named in prose, and the end tag belongs to the second.
        const named = !implied && RAW_TEXT.has(name) && new RegExp(`<${name}\\b`, 'i').test(html.slice(opened.end, parser.startIndex));
        // A self-closed `<iframe ... />` is also an implied end, around nothing: read alike.
        if (!implied && !named) return;
        open.add(opened.start);
        if (!raw && RAW_TEXT.has(name)) raw = [opened.start, opened.end];
      },
    },
    { lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { open, raw };
}

/**
 * An HTML block made ready for reading: the open tags of raw-text elements (`<script>`,
 * `<style>`, `<textarea>`, ...) left unclosed cut from `html`, so what follows them is read as HTML, and the
 * source offsets (in the returned text) of the other `hidden` elements' open tags that have no
 * end tag, to be read as lone tags. A block with no such element comes back as it is.
 */
export function unclosedHiddenElements(html: string, hidden: ReadonlySet<string>): { html: string; open: ReadonlySet<number> } {
  let text = html;
  // Each cut may uncover tags the raw text held; a block has finitely many tags.
  for (;;) {
    const { open, raw } = scan(text, hidden);
    if (!raw) return { html: text, open };
    text = text.slice(0, raw[0]) + text.slice(raw[1]);
  }
}
