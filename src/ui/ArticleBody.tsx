// The reading pane: the article header, then its rendered Markdown, scrolled by `scroll` rows.
// Only the visible slice becomes Ink elements, so a 4,000-row article scrolls as cheaply as a
// short one. The dashboard draws the border; this draws exactly width x height of content.
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import type { Article } from '../core/article.js';
import { bodyMarkdown, headerLines, renderMarkdown, type Line, cutSpans, wrapSpans } from '../core/render/index.js';
import { sanitizeLine } from '../core/text/index.js';
import { Lines } from './Lines.js';

/** Props of ArticleBody; `scroll` is the first visible row (header rows included). */
export interface ArticleBodyProps {
  article: Article | null;
  width: number;
  height: number;
  scroll: number;
  focused: boolean;
  now: number;
  /** The other articles of the selected article's story (outlet and title), listed under the header. */
  also?: readonly StoryOther[];
  /**
   * Changes when the renderer comes to draw the body differently (ShownArticle.drawn: gemoji's
   * table arrived), so this memoised pane draws it again; the measure counted the same rows.
   */
  drawn?: number;
  /** A row is selected but its article is not read yet (the body follows the selection after a pause): `opening…`, not `No article selected`. */
  pending?: boolean;
}

/** What an empty pane says: the selected article still being read, or nothing selected at all. */
export const emptyPaneText = (pending: boolean | undefined): string => (pending ? 'opening…' : 'No article selected');

/** Another outlet's article of the same story. */
export interface StoryOther {
  source: string;
  title: string;
}

/** The "also reported by" lines under the header; none when the story is the article alone. */
export function alsoLines(also: readonly StoryOther[] | undefined, width: number): Line[] {
  if (!also || also.length === 0) return [];
  return [
    ...wrapSpans([{ role: 'dim', text: `Also reported by ${also.length} other outlet${also.length === 1 ? '' : 's'}:` }], width),
    // Wrapped, never cut: a title is what says whether the other outlet's story is worth reading.
    ...also.flatMap((o) => wrapSpans([{ role: 'dim', text: '  · ' }, { bold: true, text: sanitizeLine(o.source) }, { role: 'dim', text: ' — ' }, { text: sanitizeLine(o.title) }], width)),
    [],
  ];
}

/** The body pane's title: `Article`, then how far it has been read (`Article · 42%`, `· 100%` at the end) when an article is shown. */
export function bodyTitle(percent: number | null): string {
  return percent === null ? 'Article' : `Article · ${percent}%`;
}

/** Total rows (header + body) of an article at a width, for the dashboard's scroll bounds. */
export function bodyLineCount(article: Article, width: number, also?: readonly StoryOther[]): number {
  const w = Math.max(1, Math.floor(width));
  return headerLines(article, w, 0).length + alsoLines(also, w).length + renderMarkdown(bodyMarkdown(article), w).lines.length;
}

/** The header and body of the selected article, exactly `height` rows of at most `width` columns (memoised). */
export const ArticleBody = memo(function ArticleBody({ article, width, height, scroll, now, also, pending }: ArticleBodyProps) {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const header = useMemo(() => (article ? [...headerLines(article, w, now), ...alsoLines(also, w)] : []), [article, w, now, also]);
  const body = article ? renderMarkdown(bodyMarkdown(article), w).lines : [];

  const visible: Line[] = [];
  if (!article) {
    visible.push(cutSpans([{ role: 'dim', text: emptyPaneText(pending) }], w));
  } else {
    const total = header.length + body.length;
    const top = Math.max(0, Math.min(Math.floor(scroll) || 0, total - h));
    for (let i = top; i < Math.min(total, top + h); i++) visible.push(i < header.length ? header[i] : body[i - header.length]);
  }
  while (visible.length < h) visible.push([]);
  if (visible.length > h) visible.length = h;

  return (
    <Box flexDirection="column" width={w} height={h} overflowY="hidden">
      <Lines lines={visible} width={w} />
    </Box>
  );
});
