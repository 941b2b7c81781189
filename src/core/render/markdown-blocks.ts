// Block Markdown tokens to terminal lines. Each block is rendered for the width it is given;
// containers (quotes, lists) render their children narrower and prefix every line, so nesting
// composes and no line can exceed the pane. A shared line budget stops the work early on huge
// bodies.
import type { Token, Tokens } from 'marked';
import type { LinkNotes } from './link-notes.js';
import { inlineSpans } from './markdown-inline.js';
import { renderSpanTable, renderTable } from './markdown-table.js';
import { codeLineRows } from './code-block.js';
import { htmlParts, type HtmlItem } from './html/html-spans.js';
import { calloutOf, type Callout } from './callouts.js';
import { definitionItems, type DefinitionListToken } from './site-syntax/index.js';
import { sanitizeLine, sanitizeText } from '../text/index.js';
import { BULLETS, DEFINITION_INDENT, lineWidth, withDefaultRole, type Line, type Span } from './spans.js';
import { cutSpans, wrapSpans } from './wrap.js';

/** Children narrower than this are drawn without their container's indent, so text stays readable. */
const MIN_INNER = 8;

/** What the block renderers share: footnotes and how many lines may still be produced. */
export interface BlockContext {
  notes: LinkNotes;
  remaining: number;
}

function spend(ctx: BlockContext, lines: Line[]): Line[] {
  const kept = lines.length > ctx.remaining ? lines.slice(0, Math.max(0, ctx.remaining)) : lines;
  ctx.remaining -= kept.length;
  return kept;
}

function paragraph(spans: Span[], width: number, ctx: BlockContext): Line[] {
  // A paragraph of nothing visible (only an inline <script>, say) takes no rows.
  if (spans.every((s) => s.text.trim() === '')) return [];
  return spend(ctx, wrapSpans(spans, width, ctx.remaining));
}

// h1/h2 get an underline row; deeper levels a dim `### ` prefix. Both are bold in the heading role
// (`spans` come styled so), Markdown's and HTML's `<h1>`-`<h6>` alike.
function heading(spans: Span[], depth: number, width: number, ctx: BlockContext): Line[] {
  if (depth <= 2) {
    const lines = wrapSpans(spans, width, ctx.remaining);
    // Not `.map(lineWidth)`: map's index would arrive as lineWidth's `limit`, which stops counting
    // a non-ASCII heading after its first character (a 2-column rule under `# 見出し`).
    const rule = Math.max(1, ...lines.map((line) => lineWidth(line)));
    return spend(ctx, [...lines, [{ role: 'heading', text: (depth === 1 ? '━' : '─').repeat(Math.min(rule, width)) }]]);
  }
  const marker = '#'.repeat(Math.min(6, depth)) + ' ';
  if (width - marker.length < MIN_INNER) return paragraph(spans, width, ctx);
  return prefixed(wrapSpans(spans, width - marker.length, ctx.remaining), [{ role: 'dim', text: marker }], [{ text: ' '.repeat(marker.length) }], ctx);
}

function prefixed(lines: Line[], first: Span[], rest: Span[], ctx: BlockContext): Line[] {
  return spend(ctx, lines.map((l, i) => [...(i === 0 ? first : rest).map((s) => ({ ...s })), ...l]));
}

// Code is not reflowed (that would change its meaning); long lines wrap with a continuation mark.
function code(text: string, width: number, ctx: BlockContext): Line[] {
  const indent = width >= MIN_INNER + 2 ? 2 : 0;
  const out: Line[] = [];
  for (const raw of sanitizeText(text).split('\n')) {
    if (out.length >= ctx.remaining) break;
    out.push(...codeLineRows(raw, width, indent, ctx.remaining - out.length));
  }
  return spend(ctx, out);
}

function blockquote(token: Tokens.Blockquote, width: number, ctx: BlockContext, depth: number): Line[] {
  // spend() was already applied by the children; prefixing must not charge the budget twice.
  const narrow = width - 2 < MIN_INNER;
  const callout = calloutOf(token);
  const inner = callout ? calloutLines(callout, narrow ? width : width - 2, ctx, depth) : renderBlocks(token.tokens ?? [], narrow ? width : width - 2, ctx, depth + 1);
  return inner.map((l) => (narrow ? withDefaultRole(l, 'quote') : [{ role: 'quote' as const, text: '│ ' }, ...withDefaultRole(l, 'quote')]));
}

// A callout's kind (and its author's title) in bold on the quote's first rows, underlined as an
// h2 is, so it reads as a title without colour or bold (NO_COLOR drops both); its text below.
function calloutLines(callout: Callout, width: number, ctx: BlockContext, depth: number): Line[] {
  const label = callout.kind && callout.title.length > 0 ? `${callout.kind}: ` : callout.kind;
  const kind: Span[] = label ? [{ role: 'quote', bold: true, text: label }] : [];
  const title = wrapSpans([...kind, ...inlineSpans(callout.title, { role: 'quote', bold: true }, ctx.notes)], width, ctx.remaining);
  const rule = Math.min(width, Math.max(1, ...title.map((line) => lineWidth(line))));
  const head = spend(ctx, [...title, [{ role: 'quote', text: '─'.repeat(rule) }]]);
  return [...head, ...renderBlocks(callout.body, width, ctx, depth + 1)];
}

function list(token: Tokens.List, width: number, ctx: BlockContext, depth: number): Line[] {
  const start = typeof token.start === 'number' ? token.start : 1;
  const last = start + Math.max(0, token.items.length - 1);
  const numberWidth = String(last).length;
  // CommonMark keeps the delimiter the author chose: `1)` lists are drawn `1)`.
  const delimiter = token.ordered && /^\s*\d+\)/.test(token.raw) ? ')' : '.';
  const out: Line[] = [];
  token.items.forEach((item, i) => {
    if (ctx.remaining <= 0) return;
    if (i > 0 && token.loose) out.push(...spend(ctx, [[]]));
    const bullet = token.ordered ? `${String(start + i).padStart(numberWidth)}${delimiter}` : BULLETS[depth % BULLETS.length];
    const marker = `${bullet} ${item.task ? (item.checked ? '[x] ' : '[ ] ') : ''}`;
    const markerWidth = lineWidth([{ text: marker }]);
    if (width - markerWidth < MIN_INNER) {
      // Too narrow to indent: the marker gets a row of its own above the item's text.
      out.push(...spend(ctx, [cutSpans([{ text: marker.trimEnd() }], width)]));
      out.push(...renderBlocks(item.tokens ?? [], width, ctx, depth + 1));
      return;
    }
    const inner = renderBlocks(item.tokens ?? [], width - markerWidth, ctx, depth + 1);
    if (inner.length === 0) inner.push([]);
    const pad = ' '.repeat(markerWidth);
    inner.forEach((l, j) => out.push([{ text: j === 0 ? marker : pad }, ...l]));
  });
  return out;
}

// An HTML block, read by a real parser (render/html/html-spans.ts); '\n\n' in its spans is a blank
// line. A `<pre>` in it is code, as a fenced block is: its indentation kept, nothing reflowed; a
// `<table>` is drawn as a Markdown table is, an `<h2>` as a `## ` heading; a list's items follow each
// other with no blank row (a definition list's groups have one, as Markdown's do).
function html(token: Tokens.HTML, width: number, ctx: BlockContext): Line[] {
  const out: Line[] = [];
  let inList = false;
  for (const part of htmlParts(token.text ?? '', ctx.notes)) {
    if (ctx.remaining <= 0) break;
    const item = part.kind === 'text' && part.item !== undefined;
    const joined = item && inList && !part.item?.apart;
    if (out.length > 0 && ctx.remaining > 1 && !joined) out.push(...spend(ctx, [[]]));
    inList = item;
    if (part.kind === 'pre') out.push(...code(part.text, width, ctx));
    else if (part.kind === 'table') out.push(...spend(ctx, renderSpanTable(part.table, width, ctx.remaining)));
    else if (part.kind === 'heading') out.push(...heading(part.spans, part.depth, width, ctx));
    else if (part.item) out.push(...htmlItem(part.spans, part.item, width, ctx));
    else out.push(...paragraph(part.spans, width, ctx));
  }
  return out;
}

// A run of an HTML list item's text at its column, under its marker on the item's first run, its
// wrapped rows under its first word, as Markdown's items are; nested deeper than the pane allows,
// the indent stops where MIN_INNER columns are left.
function htmlItem(spans: Span[], { indent, marker = '' }: HtmlItem, width: number, ctx: BlockContext): Line[] {
  const at = Math.min(indent, Math.max(marker.length, width - MIN_INNER));
  if (at >= width) return paragraph(spans, width, ctx);
  const rows = spans.length > 0 ? paragraph(spans, width - at, ctx) : spend(ctx, [[]]);
  const lead = ' '.repeat(at - marker.length) + marker;
  return rows.map((l, j) => [{ text: j === 0 ? lead : ' '.repeat(at) }, ...l]);
}

// Each term on a row of its own in bold, its definitions below it indented (the indent keeps them
// apart without colour or bold, which NO_COLOR drops); a blank row between term groups.
function definitionList(token: DefinitionListToken, width: number, ctx: BlockContext): Line[] {
  const indent = width - DEFINITION_INDENT < MIN_INNER ? 0 : DEFINITION_INDENT;
  const out: Line[] = [];
  definitionItems(token).forEach((item, i) => {
    if (i > 0 && ctx.remaining > 1) out.push(...spend(ctx, [[]]));
    for (const term of item.terms) out.push(...paragraph(inlineSpans(term, { bold: true }, ctx.notes), width, ctx));
    for (const definition of item.definitions) {
      const rows = paragraph(inlineSpans(definition, {}, ctx.notes), width - indent, ctx);
      out.push(...rows.map((l) => [{ text: ' '.repeat(indent) }, ...l]));
    }
  });
  return out;
}

function block(token: Token, width: number, ctx: BlockContext, depth: number): Line[] {
  switch (token.type) {
    case 'space':
    case 'def':
    case 'footnote':
    case 'footnotes':
      // Footnote definitions are listed after the body (render/footnotes.ts).
      return [];
    case 'paragraph':
    case 'text':
      if (Array.isArray(token.tokens)) return paragraph(inlineSpans(token.tokens, {}, ctx.notes), width, ctx);
      return paragraph([{ text: sanitizeLine(String(token.text ?? '')) }], width, ctx);
    case 'heading':
      return heading(inlineSpans((token as Tokens.Heading).tokens ?? [], { role: 'heading', bold: true }, ctx.notes), (token as Tokens.Heading).depth, width, ctx);
    case 'code':
      return code((token as Tokens.Code).text ?? '', width, ctx);
    case 'blockquote':
      return blockquote(token as Tokens.Blockquote, width, ctx, depth);
    case 'list':
      return list(token as Tokens.List, width, ctx, depth);
    case 'table':
      return spend(ctx, renderTable(token as Tokens.Table, width, ctx.notes, ctx.remaining));
    case 'hr':
      return spend(ctx, [[{ role: 'dim', text: '─'.repeat(width) }]]);
    case 'html':
      return html(token as Tokens.HTML, width, ctx);
    case 'deflist':
      return definitionList(token as unknown as DefinitionListToken, width, ctx);
    default: {
      const g = token as Tokens.Generic;
      if (Array.isArray(g.tokens)) return renderBlocks(g.tokens, width, ctx, depth);
      return typeof g.text === 'string' ? paragraph([{ text: sanitizeLine(g.text) }], width, ctx) : [];
    }
  }
}

// Consecutive text tokens in a tight list item belong together; other blocks get a blank row
// between them.
function needsGap(prev: Token, next: Token): boolean {
  return !(prev.type === 'text' && next.type === 'list') && !(prev.type === 'text' && next.type === 'text');
}

/** Renders block tokens to lines no wider than `width`; `depth` is the container nesting. */
export function renderBlocks(tokens: readonly Token[], width: number, ctx: BlockContext, depth = 0): Line[] {
  const out: Line[] = [];
  let prev: Token | null = null;
  for (const t of tokens) {
    if (ctx.remaining <= 0) break;
    if (t.type === 'space' || t.type === 'def' || t.type === 'footnote' || t.type === 'footnotes') continue;
    const before = ctx.remaining;
    const gap = prev !== null && needsGap(prev, t) && ctx.remaining > 1;
    if (gap) ctx.remaining--;
    const lines = block(t, width, ctx, depth);
    if (lines.length === 0) {
      ctx.remaining = before;
      continue;
    }
    if (gap) out.push([]);
    out.push(...lines);
    prev = t;
  }
  return out;
}
