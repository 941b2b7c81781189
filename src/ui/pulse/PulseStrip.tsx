// The pulse strip at the top of the list pane: the shape of the current result. Row one: the
// sentiment counts (entries the cursor can stand on) with a proportional bar, then articles per
// day as a sparkline. Row two (when focused, or on wide terminals): the top sources, tags and coins
// with counts. The entry under the cursor is marked ▸ and drawn inverse, on whichever row it is.
// Props only; counting happens elsewhere (core/pulse) and arrives late.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { barWidths, sparkline, type Pulse } from '../../core/pulse/index.js';
import { sanitizeLine } from '../../core/text/index.js';
import { lineOf, markText, pulseEntries, pulseParts, type PulsePart } from '../../state/pulse-line.js';
import { columns } from '../../core/width/index.js';
import { paint } from '../frame/paint.js';
import { PaintedRows } from '../Lines.js';
import { theme } from '../theme.js';

/** Props of PulseStrip. */
export interface PulseStripProps {
  pulse: Pulse | null;
  width: number;
  /** 1: the summary row; 2: plus the facets row. */
  rows: number;
  focused: boolean;
  cursor: number;
  /** While the stories are first grouped: the percentage done (AppState.grouping); null otherwise. */
  grouping?: number | null;
}

// Columns for the bar: a fifth of the row, between 6 and 20.
const barColumns = (width: number): number => Math.max(6, Math.min(20, Math.floor(width / 5)));

/** Draws the strip: exactly `rows` rows of at most `width` columns. */
export const PulseStrip = memo(function PulseStrip({ pulse, width, rows, focused, cursor, grouping = null }: PulseStripProps) {
  if (rows <= 0) return null;
  if (!pulse) {
    return (
      <Box flexDirection="column" height={rows} width={width}>
        <Text color={theme.dim}>{markText(null, grouping, width)}</Text>
      </Box>
    );
  }
  const entries = pulseEntries(pulse);
  const at = focused ? cursor : -1;
  // Counted while the facts are still being computed (of how much of the folder), or the stories
  // still being grouped: said first.
  const mark = markText(pulse, grouping, width);
  const markW = columns(mark);
  const counts = pulseParts(entries, width - markW, at, 'summary');
  const countsW = markW + counts.reduce((w, p) => w + columns(p.text), 0);
  // The cursor's ▸ on this line takes its column from the bar, not from the sparkline: found by a
  // tester, focusing the strip at 80 columns dropped the oldest day's bar.
  const cursorW = at >= 0 && at < entries.length && lineOf(entries[at]) === 'summary' ? columns('▸') : 0;
  const barW = width >= countsW - cursorW + 1 + 6 + 4 ? barColumns(width) - cursorW : 0;
  const [pos, neu, neg] = barWidths(pulse.sentiment.positive, pulse.sentiment.neutral, pulse.sentiment.negative, barW);
  const used = countsW + (barW ? barW + 2 : 1);
  const spark = sparkline(pulse.days.map((d) => d.count), Math.max(0, width - used));
  const facets = rows > 1 ? pulseParts(entries, width, at, 'facets') : [];
  // Painted, placed rows (ui/Lines.tsx): the counts change with every keystroke, and ink would
  // measure each new row of bars and sparks grapheme by grapheme.
  const summary =
    (mark ? paint(mark, { color: theme.dim }) : '') +
    paintParts(counts, focused, cursor, true) +
    (barW ? ` ${paint('█'.repeat(pos), { color: theme.positive })}${paint('▒'.repeat(neu), { color: theme.neutral })}${paint('░'.repeat(neg), { color: theme.negative })}` : '') +
    (spark && width > used ? paint(` ${spark}`, { color: theme.accent }) : '');
  const painted = rows > 1 ? [summary, facets.length === 0 ? ' ' : paintParts(facets, focused, cursor, false)] : [summary];
  return (
    <Box flexDirection="column" height={rows} width={width}>
      <PaintedRows rows={painted} width={width} />
    </Box>
  );
});

// One line's parts as painted text; the text between entries dim unless `plain`. (Three glyphs
// in the bar, so the split reads without colour too.)
function paintParts(parts: readonly PulsePart[], focused: boolean, cursor: number, plain: boolean): string {
  return parts.map((p) => paint(sanitizeLine(p.text), { color: p.index === null && !plain ? theme.dim : undefined, inverse: focused && p.index === cursor })).join('');
}
