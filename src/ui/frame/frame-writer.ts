// Takes over ink's write to the terminal. ink 6.8 either erases and rewrites the whole frame on
// every change, or, with `incrementalRendering`, moves the cursor relative to where the last
// frame ended; for a frame shorter than the screen that ends with a newline, that is one row off
// per frame and the screen scrolls. In `debug` mode ink instead hands stdout each whole frame,
// unthrottled and without escapes of its own; this stream stands in for the terminal there and
// writes only the rows that differ from the frame before, each at its absolute position, in one
// synchronized-output write (DEC mode 2026), so nothing flickers and a cursor move costs two rows.
import { EventEmitter } from 'node:events';
import type tty from 'node:tty';

const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
const ERASE_LINE = '\x1b[2K';
const ERASE_BELOW = '\x1b[J';
const at = (row: number) => `\x1b[${row + 1};1H`;

/**
 * The bytes that turn the screen showing `previous` (null: unknown, redraw everything) into
 * `next`, both as lists of rows from the top of the screen; '' when nothing changed. A row is
 * erased before it is written: erasing after a row that fills the width would eat its last cell.
 */
export function frameUpdate(previous: readonly string[] | null, next: readonly string[]): string {
  let out = '';
  for (let i = 0; i < next.length; i++) {
    if (previous && previous[i] === next[i]) continue;
    out += at(i) + ERASE_LINE + next[i];
  }
  if (!previous) out += at(next.length) + ERASE_BELOW;
  else for (let i = next.length; i < previous.length; i++) out += at(i) + ERASE_LINE;
  return out === '' ? '' : SYNC_BEGIN + out + SYNC_END;
}

/**
 * A stand-in for the terminal's output stream, given to ink (with `debug: true`): each write is
 * a whole frame; it reaches the terminal as the rows that changed. Size and `resize` come from
 * the real stream; after a resize the next frame is drawn whole. `bytesWritten` counts what
 * reached the terminal.
 */
export class FrameWriter extends EventEmitter {
  readonly isTTY = true;
  bytesWritten = 0;
  private previous: string[] | null = null;

  constructor(private readonly out: tty.WriteStream) {
    super();
    out.on('resize', () => {
      this.previous = null;
      this.emit('resize');
    });
  }

  get columns(): number {
    return this.out.columns;
  }

  get rows(): number {
    return this.out.rows;
  }

  /** ink's `stdout.write('', cb)` is a barrier: the callback runs once earlier writes are out. */
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text === '') return this.out.write('', callback);
    const rows = text.split('\n');
    const bytes = frameUpdate(this.previous, rows);
    this.previous = rows;
    if (bytes === '') {
      if (callback) process.nextTick(callback);
      return true;
    }
    this.bytesWritten += Buffer.byteLength(bytes);
    return this.out.write(bytes, callback);
  }

  /** Forget what is on screen: the next frame is drawn whole (after something else drew on it). */
  invalidate(): void {
    this.previous = null;
  }
}
