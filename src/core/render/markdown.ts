// Markdown body -> terminal lines for one pane width. The body is lexed with marked (tokens, never
// its HTML), template noise from static-site generators is removed first, and every string that
// reaches a Span has been sanitised. Work is bounded: the source and the output are capped and the
// result is memoised per (markdown, width), so scrolling or re-rendering a 1 MiB article is cheap.
import { renderBlocks, type BlockContext } from './markdown-blocks.js';
import { LinkNotes } from './link-notes.js';
import { lexMarkdown } from './markdown-lexer.js';
import { footnoteLines } from './footnotes.js';
import { sanitizeText } from '../text/index.js';
import { lineWidth, type Line, type Span } from './spans.js';
import { emojiShortcodesLoaded, loadEmojiShortcodes, mayHoldShortcodes, readSiteSyntax } from './site-syntax/index.js';
import { cutRows, cutSpans, wrapSpans } from './wrap.js';

export type { Line, Span } from './spans.js';

/** A rendered body: its rows and the footnote URLs, [1] = links[0]. */
export interface RenderedBody {
  lines: Line[];
  links: string[];
}

/** Most rows rendered for one article (a long read is a few hundred); the rest is cut off. */
export const MAX_LINES = 4000;
/** Most source characters lexed; beyond this the body is cut at a line boundary. */
export const MAX_SOURCE = 256 * 1024;
const TRUNCATED: Line = [{ role: 'dim', text: '… (truncated)' }];

// A handful of articles (the one shown, its neighbours, one or two widths each) is plenty.
const CACHE_SIZE = 24;
const cache = new Map<string, Map<number, RenderedBody>>();
// Whether the emoji shortcodes' table was loaded when the cached bodies were rendered: once it
// is, bodies rendered without it are dropped (site-syntax/emoji-shortcodes.ts).
let cachedWithEmoji = false;

function remember(markdown: string, width: number, body: RenderedBody): void {
  let byWidth = cache.get(markdown);
  if (!byWidth) {
    byWidth = new Map();
    cache.set(markdown, byWidth);
  }
  byWidth.set(width, body);
  let entries = 0;
  for (const m of cache.values()) entries += m.size;
  // Map iteration order is insertion order, so the first key is the least recently used one.
  while (entries > CACHE_SIZE) {
    const [oldest, widths] = cache.entries().next().value as [string, Map<number, RenderedBody>];
    cache.delete(oldest);
    entries -= widths.size;
  }
}

function recall(markdown: string, width: number): RenderedBody | undefined {
  const byWidth = cache.get(markdown);
  const hit = byWidth?.get(width);
  if (byWidth && hit) {
    cache.delete(markdown);
    cache.set(markdown, byWidth);
  }
  return hit;
}

function cutSource(markdown: string): { source: string; cut: boolean } {
  if (markdown.length <= MAX_SOURCE) return { source: markdown, cut: false };
  const nl = markdown.lastIndexOf('\n', MAX_SOURCE);
  return { source: markdown.slice(0, nl > MAX_SOURCE / 2 ? nl : MAX_SOURCE), cut: true };
}

// The Links list. A URL that fits after its number shares the number's row; one that does not
// starts on the row below and fills whole rows with no indentation, so selecting the rows in the
// terminal copies the URL whole, with nothing added inside it.
function linkList(urls: readonly string[], width: number, budget: number): Line[] {
  const out: Line[] = [[], cutSpans([{ role: 'heading', bold: true, text: 'Links' }], width)];
  urls.forEach((url, i) => {
    if (out.length >= budget) return;
    const label = `[${i + 1}] `;
    const span = { role: 'link' as const, text: url, href: url };
    if (label.length + lineWidth([span]) <= width) {
      out.push([{ role: 'dim', text: label }, span]);
      return;
    }
    out.push(cutSpans([{ role: 'dim', text: label.trimEnd() }], width));
    out.push(...cutRows(span, width, budget - out.length));
  });
  return out.slice(0, budget);
}

// Only reached if marked throws (deep nesting can exhaust the stack): show the words unformatted.
function plainText(markdown: string, width: number): Line[] {
  const spans: Span[] = [{ text: sanitizeText(markdown) }];
  return wrapSpans(spans, width, MAX_LINES);
}

function render(markdown: string, width: number): RenderedBody {
  const { source, cut } = cutSource(markdown);
  let notes = new LinkNotes();
  const ctx: BlockContext = { notes, remaining: MAX_LINES };
  let lines: Line[];
  try {
    const tokens = lexMarkdown(readSiteSyntax(sanitizeText(source)));
    lines = renderBlocks(tokens, width, ctx);
    lines.push(...footnoteLines(tokens, width, ctx));
  } catch {
    lines = plainText(source, width);
    notes = new LinkNotes();
    ctx.remaining = MAX_LINES - lines.length;
  }
  let truncated = cut || ctx.remaining <= 0;
  if (notes.urls.length > 0) {
    // The footnotes share the line cap, so the whole result stays bounded.
    const budget = Math.max(2, MAX_LINES - lines.length);
    const notesLines = linkList(notes.urls, width, budget);
    if (notesLines.length >= budget) truncated = true;
    lines.push(...notesLines);
  }
  if (truncated) lines.push([], cutSpans(TRUNCATED, width));
  return { lines, links: notes.urls };
}

/** The body as lines no wider than `width` columns, plus its footnote URLs; memoised. */
export function renderMarkdown(markdown: string, width: number): RenderedBody {
  if (typeof markdown !== 'string') markdown = '';
  const w = Math.max(1, Math.floor(Number.isFinite(width) ? width : 1));
  if (!cachedWithEmoji && emojiShortcodesLoaded()) {
    cache.clear();
    cachedWithEmoji = true;
  }
  const known = recall(markdown, w);
  if (known) return known;
  const body = render(markdown, w);
  remember(markdown, w, body);
  return body;
}

let shortcodesRead: Promise<void> | null = null;

/**
 * For a body that may hold emoji shortcodes while their table is not loaded yet: a promise that
 * resolves once it is (the memoised renders made without it dropped), so the caller draws the body
 * again. Null when there is nothing to wait for. Never rejects: without the table, shortcodes stay
 * as written.
 */
export function shortcodesPending(markdown: string): Promise<void> | null {
  if (emojiShortcodesLoaded() || typeof markdown !== 'string' || !mayHoldShortcodes(markdown)) return null;
  shortcodesRead ??= loadEmojiShortcodes().catch(() => undefined);
  return shortcodesRead;
}
