// How the program ends: the CLI contract's exit codes for signals (128 + the signal's number, as a
// shell reports a process a signal ended), and an exit that survives a terminal that hung up.
//
// A closed window, a dropped ssh session or tmux's kill-server hangs the terminal up. Node 20's
// exit then restores the modes it saved for fds 0-2 (ResetStdio, an atexit hook) and asserts that
// tcsetattr succeeded; on a hung-up terminal it fails with EIO, and the process aborts with a
// native stack trace and a SIGSEGV instead of exiting (nodejs/node#51519; the check was dropped by
// nodejs/node#58200, in Node 24). ResetStdio skips a descriptor that no longer names the file it
// saved ("program reopened file descriptor"), so a hung-up terminal's stdio descriptors are
// pointed at /dev/null before the exit.
import fs from 'node:fs';
import tty from 'node:tty';

/** Exit status per signal the program handles (SIGINT 130, SIGTERM 143, SIGHUP 129). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** A signal the program ends on. */
export type ExitSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The signals, for installing one handler each. */
export const EXIT_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[];

/** Of `fds`, the character devices other than /dev/null: descriptors on a terminal, hung up or not. */
function onDevices(fds: readonly number[]): number[] {
  let devNull: number | null = null;
  try {
    devNull = fs.statSync('/dev/null').rdev;
  } catch {
    // No /dev/null to compare with: every other character device counts.
  }
  return fds.filter((fd) => {
    try {
      const stat = fs.fstatSync(fd);
      return stat.isCharacterDevice() && stat.rdev !== devNull;
    } catch {
      return false;
    }
  });
}

/** Of `fds`, the descriptors on a terminal that hung up: isatty refuses them (a hung-up terminal answers its ioctls with EIO). */
const hungUp = (fds: readonly number[]): number[] => onDevices(fds).filter((fd) => !tty.isatty(fd));

/** Stdio descriptors (0-2) on a terminal that hung up. */
export const hungUpStdio = (): number[] => hungUp([0, 1, 2]);

/**
 * Whether the terminal the program runs on has hung up: a stdio descriptor's, or one of `fds`
 * (the /dev/tty the dashboard opened when stdio is redirected: `nohup`, `cmd < list > out 2> log`).
 */
export const terminalHungUp = (fds: readonly number[] = []): boolean => hungUp([0, 1, 2, ...fds]).length > 0;

/** Points each of the stdio descriptors `fds` at /dev/null, so that ResetStdio skips it. */
function detach(fds: readonly number[]): void {
  for (const fd of fds) {
    try {
      // close() then open() hands back the lowest free descriptor: this one, as 0-2 stay taken.
      fs.closeSync(fd);
      const reopened = fs.openSync('/dev/null', fd === 0 ? 'r' : 'w');
      if (reopened !== fd) fs.closeSync(reopened);
    } catch {
      // A descriptor left closed is skipped by ResetStdio as well (fstat's EBADF).
    }
  }
}

/**
 * process.exit(code), pointing the stdio descriptors on a hung-up terminal at /dev/null first (see
 * above). With `hangUp` (SIGHUP, or an EIO from the terminal) every stdio descriptor on a terminal
 * is, hung up yet or not: the terminal is going, and it may go between any look at it and
 * ResetStdio's tcsetattr (measured: a window closed as SIGHUP arrives aborted one exit in 16 to 40
 * here). Nothing is lost on a terminal still there (`kill -HUP` by hand): the move runs after
 * every other 'exit' listener, so restore() has already left raw mode (libuv's own saved modes),
 * and the O_NONBLOCK that ResetStdio would also undo was set on libuv's reopened copy of the tty,
 * never on the file the shell shares.
 */
export function exitProcess(code: number, options: { hangUp?: boolean } = {}): never {
  process.once('exit', () => detach(options.hangUp ? onDevices([0, 1, 2]) : hungUpStdio()));
  return process.exit(code);
}

/** Ends the process for `signal` with the contract's code (exitProcess). */
export const exitOnSignal = (signal: ExitSignal): never => exitProcess(SIGNAL_EXIT_CODES[signal], { hangUp: signal === 'SIGHUP' });
