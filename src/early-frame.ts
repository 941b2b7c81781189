// The terminal the CLI's entry (dist/cli.cjs, scripts/bundle.mjs) opened to draw the dashboard's
// skeleton before the rest of the CLI loads (skeleton.ts drawEarlyFrame), handed to the dashboard.
// The ES module graph behind the entry (the CLI, the config, the keymap, the dashboard's first
// frames: six levels of imports, ~0.1-0.2 s of a start on a loaded machine) is what the skeleton
// waited for, and nothing of it changes the skeleton's bytes. startDashboard takes the terminal
// (takeEarlyTerminal) instead of opening its own, so the alternate screen is entered and the cursor
// hidden once; any way out before that (a broken config, a path that is not there, an exception)
// gives it back first (restoreEarlyTerminal), so its one message lands on the main screen.
//
// No import but types: the CLI imports this module, and its --filter bundle must not carry the
// terminal's. The entry and the CLI's chunks are separate copies of this module (the entry imports
// the emitted one, the chunks carry their own): the terminal is kept in a process-wide slot.
import type { Terminal } from './terminal.js';

/** The terminal the entry opened, the size its skeleton was drawn at, and how to drop its signal handlers. */
export interface EarlyTerminal {
  term: Terminal;
  columns: number;
  rows: number;
  unlisten(): void;
}

const SLOT = Symbol.for('crypto-news-tui.early-terminal');
const slot = globalThis as { [SLOT]?: EarlyTerminal };

/** Keeps the terminal the entry opened for the dashboard (skeleton.ts drawEarlyFrame). */
export function keepEarlyTerminal(early: EarlyTerminal): void {
  slot[SLOT] = early;
}

/**
 * The terminal the entry opened, handed over once (null afterwards, or when none was), with the
 * size its skeleton was drawn at and `unlisten`, which drops the entry's signal handlers: the taker
 * calls it once its own are installed (removing a signal's last listener resets it to the default,
 * which would end the process without giving the terminal back).
 */
export function takeEarlyTerminal(): EarlyTerminal | null {
  const early = slot[SLOT];
  if (early === undefined) return null;
  slot[SLOT] = undefined;
  return early;
}

/** Gives back the terminal the entry opened, if nobody took it: before a message on the way out (its signal handlers stay, the process is ending). */
export function restoreEarlyTerminal(): void {
  takeEarlyTerminal()?.term.restore();
}
