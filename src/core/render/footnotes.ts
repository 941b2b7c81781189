// GFM footnotes, listed after the body: each definition under its marker (`[^1]`, numbered in
// order of first reference like GitHub does), its text wrapped with a hanging indent. A definition
// nobody references is still listed, under its own label, so no text of the article is lost.
import type { Token, Tokens } from 'marked';
import { renderBlocks, type BlockContext } from './markdown-blocks.js';
import type { Line } from './spans.js';
import { cutSpans } from './wrap.js';

interface Footnote {
  label: string;
  refs: Array<{ id: string }>;
  content: Token[];
}

interface FootnotesToken {
  type: 'footnotes';
  items: Footnote[];
  rawItems: Footnote[];
}

function footnotesToken(tokens: readonly Token[]): FootnotesToken | null {
  const t = tokens.find((x) => x.type === 'footnotes') as unknown as FootnotesToken | undefined;
  return t && Array.isArray(t.rawItems) && t.rawItems.length > 0 ? t : null;
}

/** The "Footnotes" section for a lexed body, or no lines when it has no definitions. */
export function footnoteLines(tokens: readonly Token[], width: number, ctx: BlockContext): Line[] {
  const token = footnotesToken(tokens);
  if (!token || ctx.remaining < 3) return [];
  const referenced = token.items.filter((f) => f.refs.length > 0);
  const unreferenced = token.rawItems.filter((f) => !referenced.includes(f));
  const entries = [
    ...referenced.map((f) => ({ marker: `[^${f.refs[0].id}]`, content: f.content })),
    ...unreferenced.map((f) => ({ marker: `[^${f.label}]`, content: f.content })),
  ];
  const out: Line[] = [[], cutSpans([{ role: 'heading', bold: true, text: 'Footnotes' }], width)];
  ctx.remaining -= 2;
  for (const { marker, content } of entries) {
    if (ctx.remaining <= 0) break;
    const markerWidth = marker.length + 1;
    const hanging = width - markerWidth >= 8;
    const body = renderBlocks(content as Tokens.Generic[], hanging ? width - markerWidth : width, ctx, 1);
    if (!hanging) {
      out.push(cutSpans([{ role: 'dim', text: marker }], width), ...body);
      continue;
    }
    if (body.length === 0) body.push([]);
    body.forEach((l, i) => out.push([{ role: 'dim', text: i === 0 ? `${marker} ` : ' '.repeat(markerWidth) }, ...l]));
  }
  return out;
}
