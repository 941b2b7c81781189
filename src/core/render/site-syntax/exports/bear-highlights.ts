// Bear's older highlight, `::text::` (Bear 1's Markdown compatibility mode writes `==` instead;
// notes exported from Bear 1 keep the colons): drawn as Obsidian's `==text==` is (highlight.ts).
// Two colons touching the text, as the `==` do, and never next to a word character or another
// colon, so C++ and Rust paths (`std::vec`), `:fire::fire:` shortcodes, IPv6's `::1` and Pandoc's
// `:::` fences stay as written.
import type { TokenizerExtension } from 'marked';
import { highlightExtension } from '../highlight.js';

// `::`, no space or colon after it, the text (no `::`, no blank line), a non-space, `::`, no word after.
const BEAR = /^::(?![\s:])((?:[^:\n]|:(?!:)|\n(?!\n)){0,2000}?[^\s:])::(?![:\p{L}\p{N}_])/u;
const WORD_END = /[:\p{L}\p{N}_]$/u;

/** Whether `markdown` may hold a Bear highlight (a cheap test before the extension is used). */
export function mayHoldBearHighlights(markdown: string): boolean {
  return markdown.includes('::');
}

/** The marked extension: `::text::` becomes a `highlight` token, drawn as `==text==` is; never right after a word or a colon. */
export const bearHighlight: TokenizerExtension = highlightExtension('bearHighlight', '::', BEAR, (before) => WORD_END.test(before));
