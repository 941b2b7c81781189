// Draws pre-wrapped Lines (from the Markdown renderer or the body header) as Ink rows. The lines
// already fit the width; `truncate-end` is only a guard so a width disagreement between
// string-width versions can never push a row onto a second line.
import { Box, Text } from 'ink';
import type { Line, Span } from '../core/spans.js';
import { theme } from './theme.js';

// Span roles are theme roles; looked up at render time so the configured theme applies.
const colourOf = (role: NonNullable<Span['role']>): string | undefined => theme[role];

/** One row of styled spans; `inverse` marks a cursor row. */
export function LineText({ line, inverse }: { line: Line; inverse?: boolean }) {
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
          {s.text}
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
        <LineText key={i} line={line} />
      ))}
    </Box>
  );
}
