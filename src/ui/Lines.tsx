// Draws pre-wrapped Lines (from the Markdown renderer or the body header) as Ink rows. The lines
// already fit the width; each row is still clipped here, in the app, at its widest terminal
// reading (core/width/width.ts), so no row can overflow its pane whatever Ink computes. Each row
// is painted once into a string (paint.ts) and a pane's rows reach ink as one text node of
// placed rows (placed-rows.ts), each row by its position: ink's per-frame work no longer grows
// with what the pane shows, and a frame that changes only what rows show changes no ink text.
import { Box, Text } from 'ink';
import { createSupportsHyperlinks } from 'supports-hyperlinks';
import { type Line, type Span, clipLine } from '../core/render/index.js';
import { hyperlinkTarget, osc8 } from '../core/text/index.js';
import { paint } from './frame/paint.js';
import { useEffect, useState } from 'react';
import { releaseSlots, rowRefsOn, slotBlock, slotRef } from './frame/placed-rows.js';
import { theme } from './theme.js';

// Span roles are theme roles; looked up at paint time so the configured theme applies.
const colourOf = (role: NonNullable<Span['role']>): string | undefined => theme[role];

// Only drawn when the UI is on a terminal, so the check is of the environment (FORCE_HYPERLINK,
// TERM_PROGRAM, VTE_VERSION, ...), not of whichever stream happens to be stdout.
const HYPERLINKS = createSupportsHyperlinks({ isTTY: true });

// Link text becomes an OSC 8 hyperlink only for a target hyperlinkTarget rebuilt and allowed.
function spanText(s: Span): string {
  if (!HYPERLINKS || !s.href) return s.text;
  const target = hyperlinkTarget(s.href);
  return target ? osc8(target, s.text) : s.text;
}

// Rendered bodies are memoised (core/markdown.ts), so the same Line objects come back on every
// frame: each is painted once per width and highlight.
const painted = new WeakMap<Line, Map<string, string>>();

/** A Line painted as one string, clipped to `width` columns; `inverse` marks a cursor row. '' for an empty line. */
export function paintLine(raw: Line, width: number, inverse = false): string {
  const key = `${width}:${inverse ? 1 : 0}`;
  let known = painted.get(raw);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const line = clipLine(raw, width);
  let text = '';
  for (const s of line) {
    text += paint(spanText(s), {
      color: s.role ? colourOf(s.role) : undefined,
      bold: s.bold,
      italic: s.italic,
      underline: s.underline,
      strikethrough: s.strike,
      inverse: s.highlight,
    });
  }
  if (inverse) text = paint(text === '' ? ' ' : text, { inverse: true });
  if (!known) painted.set(raw, (known = new Map()));
  known.set(key, text);
  return text;
}

/** A block of slots for one column of placed rows, held while the component is mounted. */
export function useSlotBlock(): number {
  const [block] = useState(slotBlock);
  useEffect(() => () => releaseSlots(block), [block]);
  return block;
}

/**
 * A column of painted rows (each at most `width` columns): one ink text node of placed rows, or,
 * with placed rows off, one <Text> per row as ink expects. `block`: the slots to place them in,
 * when the caller draws into them itself too (fast-frame.ts); else the column's own.
 */
export function PaintedRows({ rows, width, block: given }: { rows: readonly string[]; width: number; block?: number }) {
  // Row N of this column is always the same slot: a frame that changes only what rows show hands
  // ink the same text as the last (placed-rows.ts).
  const own = useSlotBlock();
  const block = given ?? own;
  if (rowRefsOn()) {
    return (
      <Box flexDirection="column" width={width} flexShrink={0}>
        <Text>{rows.map((r, i) => (r === '' ? ' ' : slotRef(block, i, r, width))).join('\n')}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {rows.map((r, i) => (
        <Text key={i} wrap="truncate-end">
          {r === '' ? ' ' : r}
        </Text>
      ))}
    </Box>
  );
}

/** One row of styled spans, clipped to `width` columns; `inverse` marks a cursor row. */
export function LineText({ line, inverse, width }: { line: Line; inverse?: boolean; width: number }) {
  return <PaintedRows rows={[paintLine(line, width, inverse)]} width={width} />;
}

/** A column of rows, one per line, `width` columns wide. */
export function Lines({ lines, width }: { lines: readonly Line[]; width: number }) {
  return <PaintedRows rows={lines.map((l) => paintLine(l, width))} width={width} />;
}
