// What the site generators and editors write into a post's Markdown beyond Markdown itself:
// Liquid, Hugo shortcodes and kramdown attributes (hidden; Jekyll's image includes read), WordPress
// shortcodes and MDX (read for what they show), Docusaurus, Quarto and MkDocs admonitions, Hugo
// themes' callout shortcodes and MDX callout components (callouts), Hexo's quote tags (quotes),
// Logseq's task markers (task items), AsciiDoc's section titles (headings); exports' HTML quotes (quotes)
// and DataFrames (tables), R Markdown's page breaks and references (exports/). Read before lexing, never inside code; emoji shortcodes and
// the math are marked extensions (markdown-lexer.ts).
import { admonitionsAsCallouts } from './admonitions.js';
import { asciidocSectionsAsHeadings } from './asciidoc-sections.js';
import { hugoCalloutsAsCallouts } from './callouts/hugo-callouts.js';
import { mdxCalloutsAsCallouts } from './callouts/mdx-callouts.js';
import { quoteTagsAsQuotes } from './quote-tags.js';
import { outlineMarkersAsTasks } from './outline-markers.js';
import { pythonAdmonitionsAsCallouts } from './python-admonitions.js';
import { stripTemplateNoise } from './static-site.js';
import { dataFramesAsTables } from './exports/dataframe-tables.js';
import { htmlQuotesAsQuotes } from './exports/html-quotes.js';
import { readRMarkdown } from './exports/rmarkdown-refs.js';

export { displayMath, mayHoldDisplayMath } from './display-math.js';
export { fencedLines } from './fenced-lines.js';
export { inlineMath, mayHoldInlineMath } from './inline-math.js';
export { emojiShortcode, emojiShortcodesLoaded, loadEmojiShortcodes, mayHoldShortcodes } from './emoji-shortcodes.js';
export { highlight, mayHoldHighlights, type HighlightToken } from './highlight.js';
export { bearHighlight, mayHoldBearHighlights } from './exports/bear-highlights.js';
export { isJoplinLink, JOPLIN_LINK_NOTE } from './exports/joplin-links.js';
export { withoutImageSize } from './obsidian.js';
export { definitionItems, mayHoldDefinitionLists, readDefinitionLists, type DefinitionListToken } from './definition-lists.js';

/** The Markdown with its site syntax read: noise removed, shortcodes and admonitions as Markdown. */
export function readSiteSyntax(markdown: string): string {
  // Hugo's and MDX's callouts and Hexo's quotes before the template noise, which would remove their tags.
  const exported = asciidocSectionsAsHeadings(readRMarkdown(dataFramesAsTables(htmlQuotesAsQuotes(markdown))));
  return pythonAdmonitionsAsCallouts(admonitionsAsCallouts(stripTemplateNoise(quoteTagsAsQuotes(mdxCalloutsAsCallouts(hugoCalloutsAsCallouts(outlineMarkersAsTasks(exported)))))));
}
