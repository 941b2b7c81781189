// The saved-view tabs above the list: `0 All`, `1 Name`, ... with the active one inverse and
// bracketed-bold so it reads without colour. Positions come from state/view-tabs.ts, which the
// mouse uses too.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { View } from '../config/config.js';
import { sanitizeLine } from '../core/text/index.js';
import { tabSpans } from '../state/view-tabs.js';
import { fitWidth } from '../core/width/index.js';
import { theme } from './theme.js';

/** Props of ViewTabs. */
export interface ViewTabsProps {
  views: readonly View[];
  active: number;
  width: number;
}

/** One row of tabs, at most `width` columns. */
export const ViewTabs = memo(function ViewTabs({ views, active, width }: ViewTabsProps) {
  const spans = tabSpans(views.map((v) => ({ ...v, name: sanitizeLine(v.name) })));
  let used = 0;
  const shown: Array<{ text: string; active: boolean }> = [];
  for (const t of spans) {
    if (used >= width) break;
    // The active tab is bracketed as well as inverse, so it reads without colour.
    const label = t.view === active ? `[${t.label.slice(1, -1)}]` : t.label;
    const text = fitWidth(label, width - used);
    shown.push({ text, active: t.view === active });
    used += Array.from(text).length;
    if (used < width) {
      shown.push({ text: ' ', active: false });
      used += 1;
    }
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
