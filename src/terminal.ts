// The terminal the dashboard draws on, and the promise to give it back as it was.
// Like fzf, the UI must work when stdout (or stdin) is a pipe: then keys are read from and frames
// written to /dev/tty, and stdout carries only the chosen articles. Every way out — choose,
// quit, Ctrl-C, SIGTERM, SIGHUP, an exception — runs restore(), which is synchronous and
// idempotent so it is safe from 'exit' handlers and signal handlers alike.
import fs from 'node:fs';
import tty from 'node:tty';

const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
// 1000: report clicks and wheel; 1006: SGR encoding, unambiguous past column 223.
const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';
// Bracketed paste off and the kitty keyboard protocol popped, in case anything turned them on.
const KEYBOARD_RESET = '\x1b[?2004l\x1b[<u';

/** The streams the UI uses and how to hand the terminal back. */
export interface Terminal {
  input: tty.ReadStream;
  output: tty.WriteStream;
  /** 1 (monochrome), 4, 8 or 24 bits, honouring NO_COLOR / FORCE_COLOR / TERM. */
  colorDepth: number;
  /** Leaves the alternate screen, shows the cursor, stops mouse reporting, leaves raw mode. */
  restore(): void;
  /** Calls back with the new size whenever the terminal is resized. */
  onResize(listener: (size: { columns: number; rows: number }) => void): void;
  /** Hands the terminal to another program (editor, pager): main screen, cursor, cooked mode. */
  suspend(): void;
  /** Takes it back after suspend(): alternate screen, hidden cursor, raw mode, mouse. */
  resume(): void;
  /** Writes bytes straight to the terminal (OSC 52); never throws. */
  writeRaw(text: string): void;
  /** The terminal's file descriptors, for a program run on it (the editor). */
  fds: { input: number; output: number };
}

/** No terminal to draw on (no TTY on stdin/stdout and no /dev/tty): the CLI suggests --filter. */
export class NoTerminalError extends Error {}

function openTtyStreams(): { input: tty.ReadStream; output: tty.WriteStream; inFd: number; outFd: number; ownStreams: boolean } {
  if (process.stdin.isTTY && process.stdout.isTTY) {
    return { input: process.stdin, output: process.stdout, inFd: 0, outFd: 1, ownStreams: false };
  }
  let inFd: number;
  let outFd: number;
  try {
    inFd = fs.openSync('/dev/tty', 'r');
    outFd = fs.openSync('/dev/tty', 'w');
  } catch {
    throw new NoTerminalError('no terminal to draw on');
  }
  if (!tty.isatty(inFd) || !tty.isatty(outFd)) throw new NoTerminalError('/dev/tty is not a terminal');
  const output = new tty.WriteStream(outFd);
  // process.stdout is made blocking by Node on a TTY; a stream we open ourselves is not, and
  // then ink's last frame could land after restore() has already left the alternate screen.
  (output as unknown as { _handle?: { setBlocking?: (b: boolean) => void } })._handle?.setBlocking?.(true);
  return { input: new tty.ReadStream(inFd), output, inFd, outFd, ownStreams: true };
}

/** Opens the terminal, enters the alternate screen and installs restore-on-exit handlers. */
export function openTerminal(options: { mouse: boolean }): Terminal {
  const { input, output, inFd, outFd: fd, ownStreams } = openTtyStreams();
  let restored = false;

  // Writes go straight to the file descriptor: during 'exit' or a fatal error the stream's
  // asynchronous queue would never drain.
  const writeNow = (text: string) => {
    try {
      fs.writeSync(fd, text);
    } catch {
      // The terminal is gone (SIGHUP): nothing left to restore.
    }
  };

  const restore = () => {
    if (restored) return;
    restored = true;
    writeNow((options.mouse ? MOUSE_OFF : '') + KEYBOARD_RESET + SHOW_CURSOR + LEAVE_ALT_SCREEN);
    try {
      if (input.isTTY) input.setRawMode(false);
    } catch {
      // Already closed.
    }
    if (ownStreams) {
      input.destroy();
    }
  };

  writeNow(ENTER_ALT_SCREEN + HIDE_CURSOR + (options.mouse ? MOUSE_ON : ''));
  process.on('exit', restore);
  // Raw mode now, as fzf does, not when ink first listens (after React and ink load): until then
  // the line discipline would echo each key typed onto the skeleton's screen. The keys wait in the
  // terminal's queue and ink reads them as type-ahead; a Ctrl-C among them exits once it does.
  try {
    if (input.isTTY) input.setRawMode(true);
  } catch {
    // Closed already: restore() has nothing to undo either.
  }

  const listeners: Array<(size: { columns: number; rows: number }) => void> = [];
  const emitSize = () => {
    const size = { columns: output.columns || 80, rows: output.rows || 24 };
    for (const listener of listeners) listener(size);
  };
  if (ownStreams) {
    // Node refreshes columns/rows only for process.stdout; a stream opened on /dev/tty must be
    // refreshed on SIGWINCH by hand, and ink listens for 'resize' on the stream it was given.
    // getWindowSize() only returns those cached fields; _refreshSize() asks the terminal (the
    // call Node makes for process.stdout) and emits 'resize' when the size changed.
    process.on('SIGWINCH', () => {
      const refresh = (output as unknown as { _refreshSize?: () => void })._refreshSize;
      if (typeof refresh === 'function') {
        refresh.call(output);
        return;
      }
      const [columns, rows] = output.getWindowSize();
      Object.assign(output, { columns, rows });
      output.emit('resize');
    });
  }
  output.on('resize', emitSize);

  const setRaw = (on: boolean) => {
    try {
      if (input.isTTY) input.setRawMode(on);
    } catch {
      // Closed: nothing to hand over.
    }
  };
  return {
    input,
    output,
    colorDepth: output.getColorDepth(),
    restore,
    onResize: (listener) => listeners.push(listener),
    suspend: () => {
      writeNow((options.mouse ? MOUSE_OFF : '') + SHOW_CURSOR + LEAVE_ALT_SCREEN);
      setRaw(false);
    },
    resume: () => {
      setRaw(true);
      // A blank alternate screen with the cursor home, where the next frame is drawn whole.
      writeNow(ENTER_ALT_SCREEN + '\x1b[H\x1b[2J' + HIDE_CURSOR + (options.mouse ? MOUSE_ON : ''));
    },
    writeRaw: writeNow,
    fds: { input: inFd, output: fd },
  };
}

/** Maps a colour depth to chalk's FORCE_COLOR level (0 none, 1 basic, 2 256, 3 truecolor). */
export function chalkLevel(colorDepth: number): '0' | '1' | '2' | '3' {
  if (colorDepth >= 24) return '3';
  if (colorDepth >= 8) return '2';
  if (colorDepth >= 4) return '1';
  return '0';
}
