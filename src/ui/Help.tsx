// The `?` overlay, generated from the keymap table so it can never disagree with the keys.
import { Box, Text } from 'ink';
import { keymap as defaultKeymap, prettyKey, type Binding } from '../state/keymap.js';
import { columns as widthOf, fitWidth, padWidth } from '../core/width/index.js';
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

/**
 * An overlay title's page note (`shown` counts from 0): "" for one page, else where Space goes,
 * to the first page again from the last (the pages wrap round).
 */
export const pageNote = (shown: number, pages: number): string =>
  pages > 1 ? ` · page ${shown + 1}/${pages}, Space for the ${shown + 1 === pages ? 'first' : 'next'}` : '';

/**
 * The help overlay in a `width` x `height` box: as many columns as fit with every entry whole, and
 * pages when even those do not hold every entry (`page` counts on from 0 and wraps round).
 */
export function Help({ width, height, keymap, page = 0 }: { width: number; height: number; keymap?: readonly Binding[]; page?: number }) {
  const all = helpLines(keymap);
  const rows = Math.max(1, height - 2);
  // A column as wide as the widest entry, so no help text is cut where the screen allows it.
  const widest = Math.max(...all.map((l) => widthOf(l.keys))) + 1 + Math.max(...all.map((l) => widthOf(l.help))) + 2;
  const cols = Math.max(1, Math.min(Math.ceil(all.length / rows), Math.floor(width / Math.min(width, widest))));
  const pages = Math.max(1, Math.ceil(all.length / (rows * cols)));
  const shown = page % pages;
  const lines = all.slice(shown * rows * cols, (shown + 1) * rows * cols);
  const colW = Math.max(1, Math.floor(width / cols));
  const columns = Array.from({ length: Math.ceil(lines.length / rows) }, (_, c) => lines.slice(c * rows, (c + 1) * rows));
  const title = `Keys — press any key to close${pageNote(shown, pages)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.heading} wrap="truncate-end">
        {fitWidth(title, width)}
      </Text>
      <Text> </Text>
      <Box flexDirection="row" height={rows}>
        {columns.map((col, c) => {
          // Each column's keys are as wide as its own widest, so a long key elsewhere costs no room here.
          const keyW = Math.max(...col.map((l) => widthOf(l.keys)));
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
