// The one-line search bar: the query (its tail while typing, so the cursor stays visible), a
// cursor block in search mode, and a query error in the error colour on the right.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { sanitizeLine } from '../core/text/index.js';
import type { Mode } from '../state/keymap.js';
import { columns, fitTail, fitWidth } from '../core/width/index.js';
import { theme } from './theme.js';

/** Props of SearchLine. */
export interface SearchLineProps {
  query: string;
  mode: Mode;
  error: string | null;
  width: number;
}

/** The search bar, exactly one row of at most `width` columns (memoised). */
export const SearchLine = memo(function SearchLine({ query, mode, error, width }: SearchLineProps) {
  const editing = mode === 'search';
  const prompt = editing ? '/ ' : '  ';
  const cursor = editing ? '█' : '';
  const err = error ? fitWidth(`✗ ${sanitizeLine(error)}`, Math.floor(width / 2)) : '';
  const room = Math.max(0, width - columns(prompt) - columns(cursor) - (err ? columns(err) + 1 : 0));
  const clean = sanitizeLine(query);
  const shown = editing ? fitTail(clean, room) : fitWidth(clean, room);
  const hint = !editing && clean === '' ? fitWidth('press / to search, ? for help', room) : '';
  const used = columns(prompt) + columns(shown) + columns(hint) + columns(cursor);
  const gap = Math.max(0, width - used - columns(err));
  if (width < 3) return <Box height={1} width={Math.max(0, width)} />;
  return (
    <Box height={1} width={width}>
      <Text wrap="truncate-end">
        <Text color={editing ? theme.accent : theme.dim} bold={editing}>
          {prompt}
        </Text>
        <Text>{shown}</Text>
        <Text color={theme.dim}>{hint}</Text>
        <Text color={theme.accent}>{cursor}</Text>
        <Text>{' '.repeat(gap)}</Text>
        <Text color={theme.error}>{err}</Text>
      </Text>
    </Box>
  );
});
