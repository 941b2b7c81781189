// The `?` overlay, generated from the keymap table so it can never disagree with the keys.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { keymap as defaultKeymap, prettyKey, type Binding } from '../state/keymap.js';
import { fitWidth, padWidth } from './fit-width.js';
import { theme } from './theme.js';

/** One help entry: the keys as shown, and what they do. */
export interface HelpLine {
  keys: string;
  help: string;
}

/** Help entries, one per keymap binding; search-mode bindings are labelled. */
export function helpLines(keymap: readonly Binding[] = defaultKeymap): HelpLine[] {
  const lines: HelpLine[] = [];
  // The nine view bindings read as one line ("1 2 … 9  switch to saved view N").
  const views = keymap.filter((b) => /^view[1-9]$/.test(b.command));
  for (const b of keymap) {
    if (/^view[2-9]$/.test(b.command)) continue;
    if (b.command === 'view1') {
      lines.push({ keys: views.flatMap((v) => v.keys).map(prettyKey).join(' '), help: 'switch to saved view N' });
      continue;
    }
    const mode = b.modes?.length === 1 && b.modes[0] !== 'browse' ? ` (${b.modes[0]})` : '';
    lines.push({ keys: b.keys.map(prettyKey).join(' '), help: `${b.help}${mode}` });
  }
  return lines;
}

/** The help overlay in a `width` x `height` box; columns are added when the entries do not fit. */
export function Help({ width, height, keymap }: { width: number; height: number; keymap?: readonly Binding[] }) {
  const lines = helpLines(keymap);
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
