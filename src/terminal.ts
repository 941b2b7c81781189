// The terminal the dashboard draws on, and the promise to give it back as it was.
// Like fzf, the UI must work when stdout (or stdin) is a pipe: then keys are read from and frames
// written to /dev/tty, and stdout carries only the chosen articles. Every way out — choose,
// quit, Ctrl-C, SIGTERM, SIGHUP, an exception — runs restore(), which is synchronous and
// idempotent so it is safe from 'exit' handlers and signal handlers alike.
import fs from 'node:fs';
import type net from 'node:net';
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
  /** How to draw on it: chalk's level and whether colour is left out (colourChoice). */
  colours: Colours;
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

// One buffer the terminal's reads land in, for the life of the stream. Without it libuv asks Node
// for a fresh 64 KiB buffer before every read (libuv's uv__read suggests 64 KiB; Node's stream
// listener mallocs it), and a malloc of that size first merges every small chunk freed since
// the last one (glibc's malloc_consolidate): measured in the dashboard in tmux (10k articles,
// quiet machine, perf with call stacks), 0.1-0.3 ms between the poll's return and the read of a
// lone key, on the way to every key's frame. With a buffer of its own (net.Socket's `onread`
// option, which tty.ReadStream passes on) the read costs a copy of the key's few bytes.
const READ_BUFFER_BYTES = 64 * 1024;

/**
 * The terminal's input stream on `fd`: a tty.ReadStream whose reads land in one buffer of its own
 * and are pushed on as copies, so it reads and emits 'readable' exactly as one without a buffer
 * would (the push's answer stops reading until the consumer drains, as Node does).
 */
function inputStream(fd: number): tty.ReadStream {
  const buffer = Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
  // The callback is looked up on the stream at each read, so a key tap that wraps push sees every chunk.
  // (Node's net.Socket reads `onread` from the options tty.ReadStream passes on; @types/node
  // declares it for connect() only.)
  const onread: net.OnReadOpts = { buffer, callback: (bytes, into) => stream.push(Buffer.from(into.subarray(0, bytes))) };
  const stream: tty.ReadStream = new tty.ReadStream(fd, { onread } as net.SocketConstructorOpts);
  return stream;
}

function openTtyStreams(): { input: tty.ReadStream; output: tty.WriteStream; inFd: number; outFd: number; ownOutput: boolean } {
  // tty.isatty, not process.stdin.isTTY: the getter would open a second stream on fd 0.
  if (tty.isatty(0) && process.stdout.isTTY) {
    return { input: inputStream(0), output: process.stdout, inFd: 0, outFd: 1, ownOutput: false };
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
  return { input: inputStream(inFd), output, inFd, outFd, ownOutput: true };
}

/** Opens the terminal, enters the alternate screen and installs restore-on-exit handlers. */
export function openTerminal(options: { mouse: boolean }): Terminal {
  const { input, output, inFd, outFd: fd, ownOutput } = openTtyStreams();
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
    // Ours on every path (libuv never closes fds 0-2 with it): nothing reads the terminal after this.
    input.destroy();
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
  if (ownOutput) {
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
    colours: colourChoice((env) => output.getColorDepth(env), process.env),
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

/** chalk's level as FORCE_COLOR spells it, and whether the dashboard must draw without colour. */
export interface Colours {
  level: '0' | '1' | '2' | '3';
  /** NO_COLOR is in force: draw as the `mono` theme (bold, underline, inverse kept). */
  noColour: boolean;
}

/**
 * How the dashboard draws, from `depthOf` (tty.WriteStream#getColorDepth of the terminal: 1, 4, 8
 * or 24 bits for an environment) and `env`. NO_COLOR (https://no-color.org: set and not empty)
 * forbids colour, not other styling, but Node's getColorDepth answers 1 bit for it, and chalk at
 * level 0 drops bold, underline and inverse too (the unread titles, the match highlight, the
 * selected row). So with NO_COLOR the level is the terminal's as if it were unset (basic at most:
 * no colour is drawn) and noColour asks for the `mono` theme. FORCE_COLOR, when set, wins over
 * NO_COLOR, as in Node's getColorDepth and chalk.
 */
export function colourChoice(depthOf: (env: NodeJS.ProcessEnv) => number, env: NodeJS.ProcessEnv): Colours {
  // Without NO_COLOR: Node warns on stderr (the screen) when FORCE_COLOR overrides it.
  const { NO_COLOR: noColor, ...rest } = env;
  if (env.FORCE_COLOR !== undefined) return { level: chalkLevel(depthOf(rest)), noColour: false };
  const depth = depthOf(rest);
  if (noColor === undefined || noColor === '') return { level: chalkLevel(depth), noColour: false };
  return { level: chalkLevel(Math.min(depth, 4)), noColour: true };
}

/**
 * Sets FORCE_COLOR to `colours.level` for chalk, which reads it once, when first imported (stdout
 * may be a pipe, so its own guess would be wrong); returns the undo, to call once chalk is loaded:
 * the user's own FORCE_COLOR back (or none), so a program run from the dashboard (editor, pager,
 * browser) sees the environment it was given, NO_COLOR unopposed.
 */
export function forceColourLevel(colours: Colours, env: NodeJS.ProcessEnv = process.env): () => void {
  const own = env.FORCE_COLOR;
  env.FORCE_COLOR = colours.level;
  return () => {
    if (own === undefined) delete env.FORCE_COLOR;
    else env.FORCE_COLOR = own;
  };
}

/** Maps a colour depth to chalk's FORCE_COLOR level (0 none, 1 basic, 2 256, 3 truecolor). */
export function chalkLevel(colorDepth: number): '0' | '1' | '2' | '3' {
  if (colorDepth >= 24) return '3';
  if (colorDepth >= 8) return '2';
  if (colorDepth >= 4) return '1';
  return '0';
}
