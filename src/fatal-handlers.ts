// The dashboard's last line of defence: on an uncaught error, a rejected promise or a signal the
// UI is unmounted and the terminal restored before anything is printed or the process exits.
import { reportFatal } from './fatal.js';
import type { Terminal } from './terminal.js';

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

// ink draws a last frame when unmounted, and unmounts itself on process exit: left to that, the
// frame lands on the user's screen after restore(). Unmounting first keeps it on the alternate one.
/** Restores the terminal (after unmounting `ui`) and exits on an uncaught error or a signal. */
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
    process.exit(reportFatal(error, { restore: giveBack, write: (text) => process.stderr.write(text), debug }));
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      giveBack();
      process.exit(code);
    });
  }
}
