// The one-line search bar: the query (its tail while typing, so the cursor stays visible), a
// cursor block in search mode, and a query error in the error colour on the right.
import { Box } from 'ink';
import { memo, useEffect } from 'react';
import { sanitizeLine } from '../core/text/index.js';
import type { Mode } from '../state/keymap.js';
import { DEFAULT_HINTS, searchLineHint, type KeyHints } from '../state/keymap-remap.js';
import { columns, fitTail, fitWidth } from '../core/width/index.js';
import { paint } from './frame/paint.js';
import { PaintedRows, useSlotBlock } from './Lines.js';
import type { ListLane } from './list/list-lane.js';
import { theme } from './theme.js';

/** Props of SearchLine. */
export interface SearchLineProps {
  query: string;
  mode: Mode;
  error: string | null;
  width: number;
  /** Where the search line registers how it paints itself, for a typed key drawn before React renders it (list/list-lane.ts). */
  lane?: ListLane;
  /** The keys its hint names (absent: the default keymap's). */
  hints?: KeyHints;
}

/** The search bar, exactly one row of at most `width` columns (memoised). */
export const SearchLine = memo(function SearchLine(p: SearchLineProps) {
  const block = useSlotBlock();
  const { lane, width } = p;
  if (lane) lane.search = width >= 3 ? { block, paint: (query) => searchRow({ ...p, query, mode: 'search', error: null }) } : null;
  useEffect(() => () => void (lane && (lane.search = null)), [lane]);
  if (width < 3) return <Box height={1} width={Math.max(0, width)} />;
  return (
    <Box height={1} width={width}>
      <PaintedRows rows={[searchRow(p)]} width={width} block={block} />
    </Box>
  );
});

/** The search line painted as one row of `width` (at least 3) columns. */
export function searchRow({ query, mode, error, width, hints = DEFAULT_HINTS }: SearchLineProps): string {
  const editing = mode === 'search';
  const prompt = editing ? '/ ' : '  ';
  const cursor = editing ? '█' : '';
  const err = error ? fitWidth(`✗ ${sanitizeLine(error)}`, Math.floor(width / 2)) : '';
  const room = Math.max(0, width - columns(prompt) - columns(cursor) - (err ? columns(err) + 1 : 0));
  const clean = sanitizeLine(query);
  const shown = editing ? fitTail(clean, room) : fitWidth(clean, room);
  const hint = !editing && clean === '' ? fitWidth(searchLineHint(hints), room) : '';
  const used = columns(prompt) + columns(shown) + columns(hint) + columns(cursor);
  // On the narrowest lines the error gives way: the row is never cut after painting.
  const shownErr = used + columns(err) <= width ? err : '';
  const gap = Math.max(0, width - used - columns(shownErr));
  // One painted, placed row (Lines.tsx): ink would measure the new `█` row on every keystroke.
  return (
    paint(prompt, { color: editing ? theme.accent : theme.dim, bold: editing }) +
    shown +
    paint(hint, { color: theme.dim }) +
    paint(cursor, { color: theme.accent }) +
    ' '.repeat(gap) +
    paint(shownErr, { color: theme.error })
  );
}

