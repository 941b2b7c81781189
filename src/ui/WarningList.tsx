// The `w` overlay: files that could not be loaded, as `path: reason`, one per row. Paths are
// shown as the shell user would type them (relative below the current directory) so the reason
// still fits on a narrow pane, every control byte in a name shown as its picture (`␛`), never
// dropped: a name with one taken out names a file that does not exist.
import { Box, Text } from 'ink';
import type { LoadWarning } from '../core/article.js';
import { displayPath } from '../core/format.js';
import { sanitizeLine, visibleName } from '../core/text/index.js';
import { cutRows, wrapSpans, type Line } from '../core/render/index.js';
import { columns, fitWidth } from '../core/width/index.js';
import { pageNote } from './Help.js';
import { theme } from './theme.js';

/**
 * One warning as rows of at most `width` columns: `path:` exactly as it is (every space kept, cut
 * by grapheme only where a row is full), then the reason wrapped at its spaces by the body's wrap
 * (core/render wrapSpans; a word wider than the row is still cut), starting on the path's last row.
 */
export function warningRows(path: string, reason: string, width: number): Line[] {
  const rows = cutRows({ text: `${path}:` }, width);
  if (reason === '') return rows;
  // wrapSpans has no starting column: a run of `x` as wide as the path's last row stands in for
  // it (wrapSpans would collapse the spaces a name may hold) and is swapped back after wrapping.
  const text = (line: Line): string => line.map((span) => span.text).join('');
  const last = text(rows.pop() ?? []);
  const wrapped = wrapSpans([{ text: `${'x'.repeat(columns(last))} ${reason}` }], width).map(text);
  return [...rows, ...[last + wrapped[0].slice(columns(last)), ...wrapped.slice(1)].map((row): Line => [{ text: row }])];
}

/**
 * The warnings overlay in a `width` x `height` box: each warning wrapped over as many rows as it
 * needs (a path cut short is no use), in pages when they do not fit (`page` wraps round).
 */
export function WarningList({ warnings, width, height, page = 0 }: { warnings: readonly LoadWarning[]; width: number; height: number; page?: number }) {
  const rows = Math.max(1, height - 2);
  const lines = warnings.flatMap((w) => warningRows(visibleName(displayPath(w.path, process.cwd())), sanitizeLine(w.reason), Math.max(1, width)));
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
