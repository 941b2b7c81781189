// The `w` overlay: files that could not be loaded, as `path: reason`, one per row. Paths are
// shown as the shell user would type them (relative below the current directory) so the reason
// still fits on a narrow pane.
import { Box, Text } from 'ink';
import type { LoadWarning } from '../core/article.js';
import { displayPath } from '../core/format.js';
import { sanitizeLine } from '../core/text/index.js';
import { cutRows } from '../core/render/index.js';
import { fitWidth } from '../core/width/index.js';
import { pageNote } from './Help.js';
import { theme } from './theme.js';

/**
 * The warnings overlay in a `width` x `height` box: each warning wrapped over as many rows as it
 * needs (a path cut short is no use), in pages when they do not fit (`page` wraps round).
 */
export function WarningList({ warnings, width, height, page = 0 }: { warnings: readonly LoadWarning[]; width: number; height: number; page?: number }) {
  const rows = Math.max(1, height - 2);
  const lines = warnings.flatMap((w) => cutRows({ text: `${sanitizeLine(displayPath(w.path, process.cwd()))}: ${sanitizeLine(w.reason)}` }, Math.max(1, width)));
  const pages = Math.max(1, Math.ceil(lines.length / rows));
  const shown = page % pages;
  const count = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  const title = `${count} — press any key to close${pageNote(shown, pages)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.warning} wrap="truncate-end">
        {fitWidth(title, width)}
      </Text>
      <Text> </Text>
      {lines.slice(shown * rows, (shown + 1) * rows).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((span) => span.text).join('')}
        </Text>
      ))}
    </Box>
  );
}
