// A lone key read from the terminal, handed to the key handler as the read returns. Between
// libuv's read and ink's useInput a key crosses Node's readable machinery (the chunk is buffered,
// 'readable' is emitted on the next tick, ink reads it back through the stream's decoder) and
// ink's parser and event emitter: measured in the dashboard in tmux (10k articles, loaded
// machine), ~0.36 ms of the ~1.35 ms from a `j`'s read to its rows' write, more than the
// reducer and the painted rows together. fzf's Down reaches the terminal ~0.2 ms after the key.
//
// Only a chunk that is one printable ASCII character (`j`, `k`, `G`, a typed letter) is taken,
// and only when ink would hand it over unchanged and alone: nothing of an earlier read waits in
// the stream's buffer, in ink's parser (an escape that may begin a sequence, flushed on the next
// check phase) or in the decoder (part of a UTF-8 character), and ink is reading. ink turns such
// a character into exactly `(char, key with only shift set for A-Z)` and does nothing else with
// it (its own input handling looks only at Ctrl-C, Esc and Tab), and useKeys' handler is
// useInput's only listener. Anything else goes through ink as before.
import type { Key } from 'ink';
import { inputRead } from './after-input.js';

/** The part of the terminal's input stream the tap uses (a tty.ReadStream). */
export interface TappableStream {
  push(chunk: unknown, encoding?: BufferEncoding): boolean;
  readonly readableLength: number;
  listenerCount(event: string): number;
}

const ESC = 0x1b;

/** Whether `byte` is a printable ASCII character other than space (ink names a space 'space' and hands '' over). */
function isPlain(byte: number): boolean {
  return byte > 0x20 && byte < 0x7f;
}

/** The Key ink's useInput makes for one printable ASCII character. */
export function plainKey(input: string): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: input >= 'A' && input <= 'Z',
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
  };
}

/**
 * Makes `stream` hand each lone printable key straight to `handle` as Node pushes it, instead of
 * into the stream for ink to read (see above for when). `first(input)`, when given, runs before
 * anything else is made for such a key (input/draw-ahead.ts writes a draw worked out for it).
 * Returns the function that takes the tap off. Streams without their own `push`
 * (ink-testing-library's stdin) are left alone.
 */
export function tapKeys(stream: TappableStream, handle: (input: string, key: Key) => void, first?: (input: string) => void): () => void {
  if (typeof stream.push !== 'function') return () => {};
  const own = Object.prototype.hasOwnProperty.call(stream, 'push');
  const push = stream.push;
  // Reads whose escape may still wait in ink's parser (cleared once the check phase after the
  // read has run: ink flushes a lone escape there), and whether the last read ended in a byte
  // that may be part of a character the decoder still holds (cleared by the next read).
  let escapes = 0;
  let partial = false;
  stream.push = function tapped(this: TappableStream, chunk: unknown, encoding?: BufferEncoding): boolean {
    if (Buffer.isBuffer(chunk) && chunk.length > 0) {
      inputRead();
      if (chunk.length === 1 && isPlain(chunk[0]!) && escapes === 0 && !partial && stream.readableLength === 0 && stream.listenerCount('readable') > 0) {
        const input = String.fromCharCode(chunk[0]!);
        first?.(input);
        handle(input, plainKey(input));
        return true;
      }
      if (chunk.includes(ESC)) {
        escapes += 1;
        setImmediate(() => void (escapes -= 1));
      }
      partial = chunk[chunk.length - 1]! >= 0x80;
    }
    return push.call(this, chunk, encoding);
  };
  return () => {
    if (own) stream.push = push;
    else delete (stream as Partial<TappableStream>).push;
  };
}
