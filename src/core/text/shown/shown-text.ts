// A body's text as its reader is shown it, which is what search reads in it (fold.ts foldBody):
// Markdown's escapes without their backslashes (`eth\_getBalance` shows `eth_getBalance`, `C\+\+`
// `C++`), character references decoded outside code (`S&amp;P` shows `S&P`, `what&#8217;s`
// `what’s`), and HTML's tags and attributes gone, with what hidden elements hold
// (`<figure class="kg-card">`, `<input placeholder="…">`, `<script>` are not shown; `H<sub>2</sub>O`
// shows `H2O`). Exports escape and encode all the time (turndown in wordpress-export-to-markdown and
// Obsidian's Web Clipper, kramdown, a WordPress or Ghost post's HTML), and their readers searched for
// what they saw: `eth_getbalance`, `"s&p 500"`, `h2o` found nothing while `8217`, `nbsp` and
// `lazy` found the articles. Code stays as written, as it is shown, and an HTML block's backslashes
// (markdown-pieces.ts).

import { decodeEntities } from '../entities.js';
import { htmlText } from './html-text.js';
import { blockLineHolds } from './markdown-blocks.js';
import { markdownPieces } from './markdown-pieces.js';

// A literal piece as HTML's text, for the parser to hand back as it is.
const HTML_SPECIAL = /[&<]/g;
const asHtmlText = (s: string): string => s.replace(HTML_SPECIAL, (c) => (c === '&' ? '&amp;' : '&lt;'));

/**
 * The text a reader is shown of a Markdown body (see the header), its line breaks kept. A body
 * with no `\`, `&` or `<` (most of a generated or RSS corpus) is shown as written and comes back
 * as it is, after three native scans: every body of a load passes here.
 */
export function shownText(markdown: string): string {
  if (!markdown.includes('\\') && !markdown.includes('&') && !markdown.includes('<')) return markdown;
  // References alone, with no code to keep them in (no code span, fence, nor one on an indented line): one decoding pass.
  if (!markdown.includes('\\') && !markdown.includes('<') && !markdown.includes('`') && !markdown.includes('~~~') && !blockLineHolds(markdown, '&')) return decodeEntities(markdown);
  const { texts, literal, html } = markdownPieces(markdown);
  if (html) return htmlText(texts.map((t, k) => (literal[k] ? asHtmlText(t) : t)).join(''));
  return texts.map((t, k) => (literal[k] ? t : decodeEntities(t))).join('');
}
