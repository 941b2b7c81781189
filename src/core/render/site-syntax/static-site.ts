// Jekyll and Hugo posts carry template syntax that means nothing outside the site generator:
// Liquid tags and output (`{% if x %}`, `{{ page.title }}`; image includes are read:
// liquid-tags.ts; a tag spread over lines is read as one), a theme's Hugo shortcodes
// (Hugo's figures and players are read, its escaped ones shown: hugo-shortcodes.ts) and kramdown
// attribute lists (`{:.lead}`, `{: #id}`; its comments, abbreviations, `{:toc}` and `markdown="1"`
// blocks: kramdown.ts). They are removed before lexing so they do not show as noise. WordPress
// exports carry shortcodes (wordpress-shortcodes.ts), MDX files JavaScript (mdx-syntax.ts) and
// Obsidian notes wiki links and comments (obsidian.ts), read the same way. Code is left untouched
// (but for Hugo's escaped shortcodes, which Hugo reads before Markdown): fenced blocks, indented
// lines and `inline code` may legitimately show template syntax (a post about Jekyll).

import { hasWordPressShortcode, readWordPressShortcodes } from './wordpress-shortcodes.js';
import { hasHugoShortcode, literalShortcode, readHugoShortcodes, unescapeShortcodes } from './hugo-shortcodes.js';
import { dedentComponents, hasMdxSyntax, isMdxStatement, readMdx } from './mdx-syntax.js';
import { hasObsidianSyntax, InlineNotes, openComment, readObsidian, withoutBlockId } from './obsidian.js';
import { LiquidCaptures, opensLiquidTag, readLiquidTags } from './liquid-tags.js';
import * as kramdown from './kramdown.js';

// Every pattern excludes braces inside and is length-bounded, so a line of 1 MiB of `{{{{` costs
// one short attempt per position instead of a scan to the end of the line.
const SHORTCODE = /\{\{[<%][^{}]{0,500}[>%]\}\}/g;
const KRAMDOWN_ATTRS = /\{:[^{}]{0,500}\}/g;
const HEADING_ATTRS = /^(\s{0,3}#{1,6}\s.*?)\s*\{[#.][^{}]{0,200}\}\s*$/;
// Inline code, and Hugo's escaped shortcodes (`{{</* x */>}}`, shown as written: hugo-shortcodes.ts).
const INLINE_CODE = /(`[^`]*`)/;
const CODE_OR_ESCAPED = /(`[^`]*`|\{\{[<%]\/\*[^{}]{0,500}?\*\/[>%]\}\})/;
// A Pandoc fenced div's opener (`::: {.callout-note}`): its braces are attributes, not an MDX
// expression (a Quarto file's code chunks may hold `import` lines, which make a body look like MDX).
const DIV_FENCE = /^\s{0,3}:{3,}/;
// Nikola's teaser mark (`.. TEASER_END`, `.. TEASER_END: Read more`): where the site cuts the
// post's teaser, a line of markup to a reader here.
const TEASER_END = /^\.\. TEASER_END(?::.*)?\s*$/;
const ONE_LINE_COMMENT = /\{%-?\s*comment\s*-?%\}[^{}]{0,2000}?\{%-?\s*endcomment\s*-?%\}/g;

// A line with no words: a list marker or heading mark at most, then brackets, emphasis marks, quotes.
const NOTHING_LEFT = /^[ \t>]*(?:[-*+]|\d{1,9}[.)]|#{1,6})?[\s[\]()*_~"'`]*$/;

const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const INDENTED = /^(?: {4}|\t)/;
const HIGHLIGHT_OPEN = /^\s*(?:\{%-?\s*highlight\s+([\w+#.-]*)[^{}%]*%\}|\{\{<\s*highlight\s+([\w+#.-]*)[^{}]*>\}\})\s*$/;
const HIGHLIGHT_CLOSE = /^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/highlight\s*>\}\})\s*$/;
const COMMENT_OPEN = /\{%-?\s*comment\s*-?%\}/;
const COMMENT_CLOSE = /\{%-?\s*endcomment\s*-?%\}/;
const RAW_OPEN = /\{%-?\s*raw\s*-?%\}/;
const RAW_CLOSE = /\{%-?\s*endraw\s*-?%\}/;

function closesFence(line: string, fence: string): boolean {
  const m = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1][0] === fence[0] && m[1].length >= fence.length;
}

/** Which syntaxes besides Liquid's a body may hold (a cheap test each, made once per body). */
interface Syntaxes {
  hugo: boolean;
  wordpress: boolean;
  mdx: boolean;
  obsidian: boolean;
  kramdown: boolean;
}

// A Liquid tag spread over lines (Minimal Mistakes' `{% include figure.html` with one parameter a
// line) is read from at most this many lines.
const MAX_TAG_LINES = 20;

/** What cleanLine keeps from line to line: Liquid's captured variables, Obsidian's inline footnotes. */
interface Kept {
  captures: LiquidCaptures;
  notes: InlineNotes | null;
}

/** Removes template tags from the prose parts of one line, keeping inline code spans. */
function cleanLine(line: string, keepOutput: boolean, has: Syntaxes, { captures, notes }: Kept): string {
  if (has.mdx && isMdxStatement(line)) return '';
  const parts = line.split(has.hugo ? CODE_OR_ESCAPED : INLINE_CODE);
  // Hugo reads shortcodes before Markdown, so an escaped one prints as the shortcode in code too.
  if (has.hugo) for (let i = 1; i < parts.length; i += 2) parts[i] = parts[i].startsWith('`') ? unescapeShortcodes(parts[i]) : literalShortcode(parts[i]);
  for (let i = 0; i < parts.length; i += 2) {
    const prose = has.kramdown ? kramdown.withoutComments(parts[i]) : parts[i];
    let p = readLiquidTags(captures.read((has.hugo ? readHugoShortcodes(prose).replace(SHORTCODE, '') : prose).replace(ONE_LINE_COMMENT, ''))).replace(KRAMDOWN_ATTRS, '');
    if (!keepOutput) p = captures.output(p);
    if (has.wordpress) p = readWordPressShortcodes(p);
    if (has.mdx && !DIV_FENCE.test(line)) p = readMdx(p);
    if (has.obsidian) {
      p = readObsidian(p);
      if (notes) p = notes.read(p);
      if (i === parts.length - 1) p = withoutBlockId(p);
    }
    parts[i] = p;
  }
  return parts.join('').replace(HEADING_ATTRS, '$1');
}

/** The Markdown with Liquid, Hugo shortcode, kramdown, MDX and Obsidian noise removed outside code, WordPress shortcodes read. */
export function stripTemplateNoise(markdown: string): string {
  const has: Syntaxes = { hugo: hasHugoShortcode(markdown), wordpress: hasWordPressShortcode(markdown), mdx: hasMdxSyntax(markdown), obsidian: hasObsidianSyntax(markdown), kramdown: kramdown.hasKramdownSyntax(markdown) };
  if (!has.wordpress && !has.mdx && !has.obsidian && !has.kramdown && !markdown.includes('{') && !markdown.includes('TEASER_END')) return markdown;
  const out: string[] = [];
  let fence: string | null = null;
  let highlight = false;
  // Inside a Liquid or kramdown comment spread over lines: what ends it.
  let comment: ((line: string) => boolean) | null = null;
  let raw = false;
  const htmlBlocks = new kramdown.MarkdownInHtml();
  // Inside an Obsidian `%%` comment spread over lines.
  let hidden = false;
  // Obsidian's and Pandoc's inline footnotes, listed after the body under labels no author wrote.
  const notes = has.obsidian && markdown.includes('^[') ? new InlineNotes(markdown.includes('[^inline-note-') ? 'inline-note-x' : 'inline-note-') : null;
  const kept: Kept = { captures: new LiquidCaptures(), notes };
  const lines = has.mdx ? dedentComponents(markdown.split('\n')) : markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (hidden) {
      const end = line.indexOf('%%');
      if (end < 0) continue;
      hidden = false;
      line = line.slice(end + 2);
      if (line.trim() === '') continue;
    }
    if (fence) {
      out.push(has.hugo ? unescapeShortcodes(line) : line);
      if (closesFence(line, fence)) fence = null;
    } else if (highlight) {
      // `{% highlight %}` blocks are code; they become a fence so they render as code.
      if (HIGHLIGHT_CLOSE.test(line)) {
        out.push('```');
        highlight = false;
      } else out.push(line);
    } else if (comment) {
      if (comment(line)) comment = null;
    } else if (FENCE_OPEN.test(line)) {
      fence = FENCE_OPEN.exec(line)![1];
      out.push(line);
    } else if (INDENTED.test(line)) {
      out.push(has.hugo ? unescapeShortcodes(line) : line);
    } else if (HIGHLIGHT_OPEN.test(line)) {
      const m = HIGHLIGHT_OPEN.exec(line)!;
      out.push('```' + (m[1] ?? m[2] ?? ''));
      highlight = true;
    } else if (COMMENT_OPEN.test(line) && !COMMENT_CLOSE.test(line)) {
      comment = (l) => COMMENT_CLOSE.test(l);
    } else if (has.kramdown && kramdown.opensComment(line)) {
      comment = kramdown.closesComment;
    } else if (TEASER_END.test(line) || (has.kramdown && kramdown.isAbbreviation(line))) {
      continue;
    } else if (has.kramdown && kramdown.isTableOfContents(line, out[out.length - 1])) {
      out.pop();
    } else {
      if (opensLiquidTag(line) && !raw) {
        // A tag that goes on over the next lines is read as one line, when it ends within a few.
        let joined = line;
        for (let j = i + 1; j < lines.length && j <= i + MAX_TAG_LINES && lines[j].trim() !== ''; j++) {
          joined += ` ${lines[j].trim()}`;
          if (!opensLiquidTag(joined)) {
            line = joined;
            i = j;
            break;
          }
        }
      }
      // Inside `{% raw %}` the author wants `{{ }}` shown literally.
      if (RAW_OPEN.test(line)) raw = true;
      const keep = raw;
      if (RAW_CLOSE.test(line)) raw = false;
      let cleaned = cleanLine(line, keep, has, kept);
      if (has.kramdown) cleaned = htmlBlocks.read(cleaned);
      // A `%%` with no `%%` after it anywhere (a typo, `5%%`) hides nothing.
      const comment = has.obsidian ? openComment(cleaned) : -1;
      if (comment >= 0 && lines.slice(i + 1).some((l) => l.includes('%%'))) {
        hidden = true;
        cleaned = cleaned.slice(0, comment);
      }
      // A line that held nothing but a tag disappears, so it cannot split a paragraph in two; so
      // does one left with only a list marker or an empty link (`- [{{ p.title }}]({{ p.url }})`
      // in a `{% for %}` loop), which made the paragraph above it a setext heading.
      if (line.trim() !== '' && (cleaned.trim() === '' || (cleaned !== line && NOTHING_LEFT.test(cleaned)))) continue;
      out.push(cleaned);
    }
  }
  if (notes && notes.definitions.length > 0) {
    // After the body, out of any code block it left open.
    if (fence) out.push(fence);
    out.push('', ...notes.definitions);
  }
  return out.join('\n');
}
