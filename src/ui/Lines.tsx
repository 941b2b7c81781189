// Draws pre-wrapped Lines (from the Markdown renderer or the body header) as Ink rows. The lines
// already fit the width; each row is still clipped here, in the app, at its widest terminal
// reading (core/text/width.ts), so no row can overflow its pane whatever Ink computes.
import { Box, Text } from 'ink';
import { createSupportsHyperlinks } from 'supports-hyperlinks';
import type { Line, Span } from '../core/render/spans.js';
import { hyperlinkTarget, osc8 } from '../core/text/hyperlink.js';
import { clipLine } from '../core/render/wrap.js';
import { theme } from './theme.js';

// Span roles are theme roles; looked up at render time so the configured theme applies.
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

/** One row of styled spans, clipped to `width` columns; `inverse` marks a cursor row. */
export function LineText({ line: raw, inverse, width }: { line: Line; inverse?: boolean; width: number }) {
  const line = clipLine(raw, width);
  if (line.length === 0) return <Text inverse={inverse}> </Text>;
  return (
    <Text wrap="truncate-end" inverse={inverse}>
      {line.map((s, i) => (
        <Text
          key={i}
          color={s.role ? colourOf(s.role) : undefined}
          bold={s.bold}
          italic={s.italic}
          underline={s.underline}
          strikethrough={s.strike}
        >
          {spanText(s)}
        </Text>
      ))}
    </Text>
  );
}

/** A column of rows, one per line, `width` columns wide. */
export function Lines({ lines, width }: { lines: readonly Line[]; width: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <LineText key={i} line={line} width={width} />
      ))}
    </Box>
  );
}
