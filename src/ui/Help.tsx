// The `?` overlay, generated from the keymap table so it can never disagree with the keys.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { keymap, prettyKey } from '../state/keymap.js';
import { fitWidth, padWidth } from './fit-width.js';
import { theme } from './theme.js';

/** One help entry: the keys as shown, and what they do. */
export interface HelpLine {
  keys: string;
  help: string;
}

/** Help entries, one per keymap binding; search-mode bindings are labelled. */
export function helpLines(): HelpLine[] {
  return keymap.map((b) => ({
    keys: b.keys.map(prettyKey).join(' '),
    help: b.modes?.length === 1 && b.modes[0] === 'search' ? `${b.help} (search)` : b.help,
  }));
}

/** The help overlay in a `width` x `height` box; columns are added when the entries do not fit. */
export function Help({ width, height }: { width: number; height: number }) {
  const lines = helpLines();
  const rows = Math.max(1, height - 2);
  const cols = Math.ceil(lines.length / rows);
  const colW = Math.max(1, Math.floor(width / cols));
  const columns = Array.from({ length: cols }, (_, c) => lines.slice(c * rows, (c + 1) * rows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.heading} wrap="truncate-end">
        {fitWidth('Keys — press any key to close', width)}
      </Text>
      <Text> </Text>
      <Box flexDirection="row" height={rows}>
        {columns.map((col, c) => {
          // Each column's keys are as wide as its own widest, so a long key elsewhere costs no room here.
          const keyW = Math.max(...col.map((l) => stringWidth(l.keys)));
          return (
          <Box key={c} flexDirection="column" width={colW}>
            {col.map((l, i) => (
              <Text key={i} wrap="truncate-end">
                <Text color={theme.accent}>{padWidth(l.keys, Math.min(keyW, Math.floor(colW / 2)))}</Text>
                <Text>{fitWidth(` ${l.help}`, colW - Math.min(keyW, Math.floor(colW / 2)) - 1)}</Text>
              </Text>
            ))}
          </Box>
          );
        })}
      </Box>
    </Box>
  );
}
