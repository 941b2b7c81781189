// The last thing the program does when something unexpected throws: give the terminal back
// first (an error printed over the alternate screen would vanish with it, and a terminal left in
// raw mode is unusable), then say what happened in one short line. The message can quote data (a
// path, a parser's complaint about a file), so it is sanitised like everything else; the stack
// trace is only for --debug.
import { errorMessage } from './core/error-message.js';
import { sanitizeLine, sanitizeText } from './core/text/index.js';
import { EXIT_SIGNALS, exitOnSignal, exitProcess, terminalHungUp } from './system/process-exit.js';
import type { Terminal } from './terminal.js';

/** Exit status after an internal error (the CLI contract's "error"). */
export const FATAL_EXIT_CODE = 2;

/** What reportFatal needs from the outside world. */
export interface FatalIo {
  /** Restores the terminal; called before anything is written. */
  restore(): void;
  /** Writes to stderr. */
  write(text: string): void;
  /** --debug: also print the stack trace. */
  debug: boolean;
}

/** Restores the terminal, then reports an unexpected error briefly; returns the exit status to use. */
export function reportFatal(error: unknown, io: FatalIo, name = 'crypto-news-tui'): number {
  try {
    io.restore();
  } catch {
    // A terminal that cannot be restored (hung up) must not hide the message.
  }
  const message = errorMessage(error);
  let text = `${name}: internal error: ${sanitizeLine(message).slice(0, 500)}\n`;
  if (io.debug && error instanceof Error && error.stack) text += `${sanitizeText(error.stack)}\n`;
  else text += 'Run with --debug for details.\n';
  io.write(text);
  return FATAL_EXIT_CODE;
}

// ink draws a last frame when unmounted, and unmounts itself on process exit: left to that, the
// frame lands on the user's screen after restore(). Unmounting first keeps it on the alternate one.
/** Restores the terminal and exits with the contract's code on an uncaught error or a signal (130 for SIGINT). */
export function installFatalHandlers(term: Terminal, debug: boolean, ui: { unmount(): void }): void {
  const giveBack = () => {
    try {
      ui.unmount();
    } catch {
      // A UI broken by the error being reported must not stop the restore.
    }
    term.restore();
  };
  const die = (error: unknown) => {
    // A write or read that failed because the terminal hung up (no SIGHUP came, or not yet: the
    // program was started under nohup or a wrapper ignoring it) is the hang-up, not an internal
    // error. Its terminal may be a /dev/tty of its own (stdio redirected), asked before giveBack()
    // closes it.
    if ((error as NodeJS.ErrnoException | null)?.code === 'EIO' && terminalHungUp([term.fds.input, term.fds.output])) {
      giveBack();
      exitOnSignal('SIGHUP');
    }
    exitProcess(reportFatal(error, { restore: giveBack, write: (text) => process.stderr.write(text), debug }));
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  for (const signal of EXIT_SIGNALS) {
    process.on(signal, () => {
      giveBack();
      exitOnSignal(signal);
    });
  }
}
