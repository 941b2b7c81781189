// The `w` overlay: files that could not be loaded, as `path: reason`, one per row. Paths are
// shown as the shell user would type them (relative below the current directory) so the reason
// still fits on a narrow pane.
import { Box, Text } from 'ink';
import type { LoadWarning } from '../core/article.js';
import { displayPath } from '../core/format.js';
import { sanitizeLine } from '../core/sanitize.js';
import { fitWidth } from './fit-width.js';
import { theme } from './theme.js';

/** The warnings overlay in a `width` x `height` box; the rest is counted, not drawn. */
export function WarningList({ warnings, width, height }: { warnings: readonly LoadWarning[]; width: number; height: number }) {
  const rows = Math.max(0, height - 2);
  const shown = warnings.length > rows ? warnings.slice(0, Math.max(0, rows - 1)) : warnings;
  const more = warnings.length - shown.length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.warning} wrap="truncate-end">
        {fitWidth(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} — press any key to close`, width)}
      </Text>
      <Text> </Text>
      {shown.map((w, i) => (
        <Text key={i} wrap="truncate-end">
          {fitWidth(`${sanitizeLine(displayPath(w.path, process.cwd()))}: ${sanitizeLine(w.reason)}`, width)}
        </Text>
      ))}
      {more > 0 ? <Text color={theme.dim}>{fitWidth(`… and ${more} more`, width)}</Text> : null}
    </Box>
  );
}
