// The frame drawn the instant the terminal is ours, before React and ink are even imported
// (~0.3 s quiet, over 1 s on a busy machine): the list pane's outline and a loading line, so the
// first frame appears at once on any corpus size. On a warm start it is drawn a second time with
// the first rows the on-disk index gave (the list's default order) in the list pane, at the
// place and width the dashboard's layout gives that pane. ink's own first frame replaces it.
//
// It measures no text: the bare frame is ASCII and box-drawing characters (a column each), and the
// warm start's rows come already fitted to the pane (warm-rows.ts). So the first frame does not wait
// for the width rule's Unicode tables and string-width's modules (core/width), which the rows load.
import { computeLayout } from './state/layout.js';

/** The warm start's list: its rows' text, each exactly as wide as the pane's inside (see warm-rows.ts). */
export interface SkeletonList {
  rows: readonly string[];
}

/**
 * A `rows - 1`-line frame of `columns` columns: search line, list pane, status line. Without
 * `list` the pane is empty and as wide as the screen; with it, the pane has the dashboard's list
 * width and height (`tabs`: saved views take a row) and shows those rows.
 */
export function skeletonFrame(columns: number, rows: number, list?: SkeletonList, tabs = false): string[] {
  const width = Math.max(10, columns);
  const height = Math.max(4, rows - 1);
  const rect = list ? computeLayout(width, rows, false, tabs).list : null;
  const paneW = rect ? Math.max(10, rect.width) : width;
  const inner = paneW - 2;
  const title = '─▶ Articles ';
  const top = `╭${title}${'─'.repeat(Math.max(0, inner - title.length))}╮`;
  const bottom = `╰${'─'.repeat(inner)}╯`;
  const innerRows = rect ? Math.max(0, rect.height - 2) : Math.max(0, height - 4);
  const paneRows = Array.from({ length: innerRows }, (_, i) => `│${list?.rows[i] ?? ' '.repeat(Math.max(0, inner))}│`);
  const status = 'loading…';
  const hint = '? help';
  const statusLine = `${status}${' '.repeat(Math.max(1, width - status.length - hint.length))}${hint}`;
  const tabRow = rect && tabs ? [''] : [];
  const pane = [top.slice(0, width), ...paneRows, bottom.slice(0, width)];
  const filler = Array.from({ length: Math.max(0, height - 2 - tabRow.length - pane.length) }, () => '');
  return ['  press / to search, ? for help'.slice(0, width), ...tabRow, ...pane, ...filler, statusLine.slice(0, width)];
}

/** The bytes that draw the skeleton: clear, home, the frame, home again for ink to draw over. */
export function skeletonBytes(columns: number, rows: number, list?: SkeletonList, tabs = false): string {
  return `\x1b[2J\x1b[H${skeletonFrame(columns, rows, list, tabs).join('\r\n')}\x1b[H`;
}
