// The saved-view tabs above the list: `0 All`, `1 Name`, ... with the active one inverse and
// bracketed-bold so it reads without colour. Positions come from state/view-tabs.ts, which the
// mouse uses too; when they do not all fit, the row scrolls so the active tab is on it.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { View } from '../config/config.js';
import { TABS_BEFORE, tabSpans } from '../state/view-tabs.js';
import { theme } from './theme.js';

/** Props of ViewTabs. */
export interface ViewTabsProps {
  views: readonly View[];
  active: number;
  width: number;
}

/** One row of tabs, at most `width` columns, the active one always on it (state/view-tabs.ts lays it out). */
export const ViewTabs = memo(function ViewTabs({ views, active, width }: ViewTabsProps) {
  const spans = tabSpans(views, width, active);
  const shown: Array<{ text: string; active: boolean }> = [];
  if (spans.length > 0 && spans[0].x > 0) shown.push({ text: TABS_BEFORE, active: false });
  for (const [i, t] of spans.entries()) {
    shown.push({ text: t.label, active: t.view === active });
    if (i < spans.length - 1) shown.push({ text: ' ', active: false });
  }
  return (
    <Box height={1} width={Math.max(0, width)}>
      <Text wrap="truncate-end">
        {shown.map((t, i) => (
          <Text key={i} inverse={t.active} bold={t.active} color={t.active ? theme.accent : theme.dim}>
            {t.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
});
