// What the site generators and editors write into a post's Markdown beyond Markdown itself:
// Liquid, Hugo shortcodes and kramdown attributes (hidden; Jekyll's image includes read), WordPress
// shortcodes and MDX (read for what they show), Docusaurus, Quarto and MkDocs admonitions
// (callouts). Read before lexing, never inside code; emoji shortcodes and the math are marked
// extensions (markdown-lexer.ts).
import { admonitionsAsCallouts } from './admonitions.js';
import { pythonAdmonitionsAsCallouts } from './python-admonitions.js';
import { stripTemplateNoise } from './static-site.js';

export { displayMath, mayHoldDisplayMath } from './display-math.js';
export { inlineMath, mayHoldInlineMath } from './inline-math.js';
export { emojiShortcode, emojiShortcodesLoaded, loadEmojiShortcodes, mayHoldShortcodes } from './emoji-shortcodes.js';
export { highlight, mayHoldHighlights, type HighlightToken } from './highlight.js';
export { definitionItems, mayHoldDefinitionLists, readDefinitionLists, type DefinitionListToken } from './definition-lists.js';

/** The Markdown with its site syntax read: noise removed, shortcodes and admonitions as Markdown. */
export function readSiteSyntax(markdown: string): string {
  return pythonAdmonitionsAsCallouts(admonitionsAsCallouts(stripTemplateNoise(markdown)));
}
