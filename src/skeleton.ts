// The frame drawn the instant the terminal is ours, before React and ink are even imported
// (~0.3 s): the list pane's outline and a loading line, so the first frame appears at once on
// any corpus size. ink's own first frame replaces it. Plain text: no article data is involved.

/** A `rows - 1`-line frame of `columns` columns: search line, empty list pane, status line. */
export function skeletonFrame(columns: number, rows: number): string[] {
  const width = Math.max(10, columns);
  const height = Math.max(4, rows - 1);
  const inner = width - 2;
  const title = '─▶ Articles ';
  const top = `╭${title}${'─'.repeat(Math.max(0, inner - title.length))}╮`;
  const bottom = `╰${'─'.repeat(inner)}╯`;
  const empty = `│${' '.repeat(inner)}│`;
  const paneRows = Array.from({ length: Math.max(0, height - 4) }, () => empty);
  const status = 'loading…';
  const hint = '? help';
  const statusLine = `${status}${' '.repeat(Math.max(1, width - status.length - hint.length))}${hint}`;
  return ['  press / to search, ? for help'.slice(0, width), top.slice(0, width), ...paneRows, bottom.slice(0, width), statusLine.slice(0, width)];
}

/** The bytes that draw the skeleton: clear, home, the frame, home again for ink to draw over. */
export function skeletonBytes(columns: number, rows: number): string {
  return `\x1b[2J\x1b[H${skeletonFrame(columns, rows).join('\r\n')}\x1b[H`;
}
