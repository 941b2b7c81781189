// What single HTML tags mean to the renderer, for HTML blocks (html-spans.ts) and tags written
// inline in Markdown (markdown-inline.ts) alike: an inline tag read on its own, the style a
// formatting tag gives, how an embedded player is named, and which elements are hidden, blocks or lines.
import { Parser } from 'htmlparser2';
import { EMBED_LABEL, sanitizeLine } from '../../text/index.js';
import type { SpanStyle } from '../spans.js';

// Which elements hide their content, make a block or a line, or embed a player is text's
// (text/shown/html-elements.ts): the text search reads in a body follows the same sets.
export { BLOCK, HIDDEN, LINE } from '../../text/index.js';

/** How an embedded player's tag shows (`[video: title]`) and its address as written (may be ''); null for any other tag. */
export function embedNote(name: string, attribs: Record<string, string>): { text: string; src: string } | null {
  if (!Object.hasOwn(EMBED_LABEL, name)) return null;
  const label = EMBED_LABEL[name];
  const title = sanitizeLine(attribs.title ?? attribs['aria-label'] ?? '').trim();
  return { text: title ? `[${label}: ${title}]` : `[${label}]`, src: sanitizeLine(attribs.src ?? '').trim() };
}

/** The style a formatting tag gives its text (`<b>`, `<em>`, `<del>`, `<code>`...); null for other tags. */
export function inlineStyle(name: string): SpanStyle | null {
  switch (name) {
    case 'b':
    case 'strong':
      return { bold: true };
    case 'i':
    case 'em':
    case 'cite':
      return { italic: true };
    case 's':
    case 'del':
    case 'strike':
      return { strike: true };
    case 'u':
    case 'ins':
      return { underline: true };
    case 'mark':
      return { highlight: true };
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return { role: 'code' };
    default:
      return null;
  }
}

/**
 * The mark `<q>` is drawn with (HTML's quotation marks are the browser's to add, not text of the
 * page): “ ” around a quotation, ‘ ’ around one inside it (`depth` 1), as an English browser shows them.
 */
export function quoteMark(depth: number, closing: boolean): string {
  const marks = depth % 2 === 0 ? '“”' : '‘’';
  return closing ? marks[1] : marks[0];
}

/** One tag as written inline in Markdown (`<a href=…>`, `</a>`, `<br/>`): its name and attributes. */
export interface InlineTag {
  name: string;
  closing: boolean;
  attribs: Record<string, string>;
}

const CLOSING_TAG = /^<\/\s*([a-zA-Z][a-zA-Z0-9-]*)\s*>$/;

/** Reads a single inline tag with the same parser; null for comments and anything else. */
export function parseInlineTag(html: string): InlineTag | null {
  const t = html.trim();
  // The parser reports an end tag only for an element it saw open; inline, the opening tag was
  // an earlier token, so an end tag is read by its name alone.
  const end = CLOSING_TAG.exec(t);
  if (end) return { name: end[1].toLowerCase(), closing: true, attribs: {} };
  let found: InlineTag | null = null;
  const parser = new Parser(
    {
      onopentag: (name, attribs) => {
        if (!found) found = { name, closing: false, attribs };
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(t);
  parser.end();
  return found;
}
