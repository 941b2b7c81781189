// The frame drawn the instant the terminal is ours, before React and ink are even imported
// (~0.3 s quiet, over 1 s on a busy machine): the list pane's outline and a loading line, so the
// first frame appears at once on any corpus size. On a warm start it is drawn a second time with
// the first rows the on-disk index gave (the list's default order) in the list pane, at the
// place and width the dashboard's layout gives that pane. ink's own first frame replaces it.
//
// It measures no text: the bare frame is ASCII and box-drawing characters (a column each), and the
// warm start's rows come already fitted to the pane (warm-rows.ts). So the first frame does not wait
// for the width rule's Unicode tables and string-width's modules (core/width), which the rows load.
//
// The bare frame is drawn by the CLI's entry itself when the run is surely a dashboard on the
// process's terminal (drawEarlyFrame), before the CLI's modules load; the dashboard takes that
// terminal over (early-frame.ts).
import tty from 'node:tty';
import type { Command } from './args.js';
import { keepEarlyTerminal } from './early-frame.js';
import { EXIT_SIGNALS, exitOnSignal } from './system/process-exit.js';
import { computeLayout, DEFAULT_PANES } from './state/layout.js';
import { openTerminal, type Terminal } from './terminal.js';

/**
 * The key hints the frame shows, as the dashboard words them (keymap-remap.ts searchLineHint,
 * statusHelpHint): `press / to search, ? for help` and `? help` with the default keys.
 */
export interface SkeletonHints {
  searchLine: string;
  help: string;
}

/** The warm start's list: its rows' text, each exactly as wide as the pane's inside (see warm-rows.ts). */
export interface SkeletonList {
  rows: readonly string[];
}

/**
 * A `rows - 1`-line frame of `columns` columns: search line, list pane, status line. Without
 * `list` the pane is empty and as wide as the screen; with it, the pane has the dashboard's list
 * width and height (`tabs`: saved views take a row) and shows those rows. Without `hints` (the
 * frame drawn before the config is read) no key is named: `[keys]` may have remapped them.
 */
export function skeletonFrame(columns: number, rows: number, list?: SkeletonList, tabs = false, hints?: SkeletonHints): string[] {
  const width = Math.max(10, columns);
  const height = Math.max(4, rows - 1);
  const rect = list ? computeLayout(width, rows, DEFAULT_PANES, tabs).list : null;
  const paneW = rect ? Math.max(10, rect.width) : width;
  const inner = paneW - 2;
  const title = '─▶ Articles ';
  const top = `╭${title}${'─'.repeat(Math.max(0, inner - title.length))}╮`;
  const bottom = `╰${'─'.repeat(inner)}╯`;
  const innerRows = rect ? Math.max(0, rect.height - 2) : Math.max(0, height - 4);
  const paneRows = Array.from({ length: innerRows }, (_, i) => `│${list?.rows[i] ?? ' '.repeat(Math.max(0, inner))}│`);
  const status = 'loading…';
  const hint = hints?.help ?? '';
  const statusLine = `${status}${' '.repeat(Math.max(1, width - status.length - hint.length))}${hint}`;
  const tabRow = rect && tabs ? [''] : [];
  const pane = [top.slice(0, width), ...paneRows, bottom.slice(0, width)];
  const filler = Array.from({ length: Math.max(0, height - 2 - tabRow.length - pane.length) }, () => '');
  const searchLine = hints ? `  ${hints.searchLine}` : '';
  return [searchLine.slice(0, width), ...tabRow, ...pane, ...filler, statusLine.slice(0, width)];
}

/** The bytes that draw the skeleton: clear, home, the frame, home again for ink to draw over. */
export function skeletonBytes(columns: number, rows: number, list?: SkeletonList, tabs = false, hints?: SkeletonHints): string {
  return `\x1b[2J\x1b[H${skeletonFrame(columns, rows, list, tabs, hints).join('\r\n')}\x1b[H`;
}

/**
 * Whether a command surely runs the dashboard on the process's own terminal: a run without
 * --filter whose stdin and stdout are both TTYs. Anything else (a pipe, /dev/tty, --help,
 * --print-config, arguments that do not parse) is left to the CLI, which draws its skeleton later.
 */
export function earlyDashboard(command: Command): command is Extract<Command, { kind: 'run' }> {
  return command.kind === 'run' && command.options.filter === null && tty.isatty(0) && tty.isatty(1);
}

/**
 * Opens the terminal and draws the bare skeleton at its size when earlyDashboard says the command
 * runs the dashboard, and keeps that terminal for it (early-frame.ts); does nothing otherwise, or
 * when the terminal cannot be opened (the CLI then finds out and says so itself).
 */
export function drawEarlyFrame(command: Command): void {
  if (!earlyDashboard(command)) return;
  let term: Terminal;
  try {
    term = openTerminal({ mouse: command.options.mouse });
  } catch {
    return;
  }
  const columns = term.output.columns || 80;
  const rows = term.output.rows || 24;
  term.output.write(skeletonBytes(columns, rows));
  // Until the dashboard installs its own (fatal.ts), a signal ends the process with the contract's
  // code and the 'exit' handler openTerminal installed gives the terminal back.
  const handlers = EXIT_SIGNALS.map((signal) => {
    const handler = () => exitOnSignal(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const unlisten = () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
  keepEarlyTerminal({ term, columns, rows, unlisten });
}
