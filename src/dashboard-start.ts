// The dashboard's first frames, before its own modules load: the terminal taken, the fatal
// handlers in place, the skeleton drawn and, on a warm start, the index's first page in it
// (warm-start.ts). Apart from dashboard.tsx because what that module imports (the index's
// modules and SQLite's addon, the facts, the body read-ahead: ~0.1 s of CPU at start-up) would
// otherwise all load before the first frame is on screen; the CLI imports this module first and
// dashboard.tsx once the first page is drawn.
import type { Options } from './args.js';
import { takeEarlyTerminal } from './early-frame.js';
import { installFatalHandlers } from './fatal.js';
import { NoTerminalError, openTerminal, type Terminal } from './terminal.js';
import { drawSkeleton, type FirstView, type WarmStart } from './warm-start.js';

/** What the dashboard starts from: the terminal it draws on, the fatal handlers' hold on the UI, the warm start's first page (null when none). */
export interface DashboardStart {
  term: Terminal;
  /** Set by the dashboard once ink renders: the fatal handlers unmount it before the terminal is restored. */
  ui: { unmount(): void };
  warm: WarmStart | null;
}

/**
 * Opens the terminal (the alternate screen, restored on exit, Ctrl-C or error) and draws the
 * skeleton, then the warm start's rows when the index has them; takes the terminal and its
 * skeleton from the CLI's entry when it drew them (early-frame.ts). Null when there is no terminal
 * to draw on (the caller says so); throws what reading the index throws.
 */
export async function startDashboard(options: Options, paths: string[], setup: FirstView): Promise<DashboardStart | null> {
  const early = takeEarlyTerminal();
  let term: Terminal;
  try {
    term = early?.term ?? openTerminal({ mouse: options.mouse });
  } catch (error) {
    if (error instanceof NoTerminalError) return null;
    throw error;
  }
  const ui = { unmount: () => {} };
  installFatalHandlers(term, options.debug, ui);
  early?.unlisten(); // after the fatal handlers: a signal meanwhile still gives the terminal back
  const warm = await drawSkeleton(term, options, setup, paths, early); // on screen at once, before React and ink load
  return { term, ui, warm };
}
