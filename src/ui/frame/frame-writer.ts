// Takes over ink's write to the terminal. ink 6.8 either erases and rewrites the whole frame on
// every change, or, with `incrementalRendering`, moves the cursor relative to where the last
// frame ended; for a frame shorter than the screen that ends with a newline, that is one row off
// per frame and the screen scrolls. In `debug` mode ink instead hands stdout each whole frame,
// unthrottled and without escapes of its own; this stream stands in for the terminal there and
// writes only what differs from the frame before (changed rows, from their first changed cell),
// each at its absolute position, in one synchronized-output write (DEC mode 2026), so nothing
// flickers and a cursor move costs two list rows' cells.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type tty from 'node:tty';
import { holdsPlacedCluster, inkWidth, isPlacedCluster, WIDE_PAD } from '../../core/width/index.js';
import { ESCAPE_AT } from './escape-syntax.js';
import { rowChange } from './row-diff.js';
import { screenChanged } from './screen-version.js';
import { minimiseSgr } from './sgr-minimise.js';

const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
const ERASE_LINE = '\x1b[2K';
const ERASE_BELOW = '\x1b[J';
const at = (row: number) => `\x1b[${row + 1};1H`;

// Emoji drawn at the width the layout reserved for them, in every terminal. Display text
// (core/width/width.ts) follows a cluster that terminals draw at different widths (👍🏽: 2 columns in
// kitty, 4 in tmux and xterm) with WIDE_PAD marks, one per column string-width does not count, so
// Ink lays the row out with the widest width. Here, on the way to the terminal, each such cluster
// becomes: blanks over all its reserved cells, the cursor back to the first, the cluster, and the
// cursor to just past the last reserved cell (CHA, `ESC [ n G`). A terminal that draws it narrower
// leaves blank cells after it; one that draws it at the widest fills them; either way the text after
// it, and the pane border, start at the column Ink chose. The marks themselves never reach the terminal.
// A keycap (1️⃣) is placed the same way with no mark: string-width counts it at its widest, 2, and
// tmux 3.3a draws it in 1 (core/width/width.ts isPlacedCluster).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const column = (n: number): string => `\x1b[${n + 1}G`;

/** One row of a frame as Ink drew it (from column 0) -> the bytes that draw it with wide clusters placed; unchanged without any (holdsPlacedCluster). */
export function placeWideClusters(row: string): string {
  if (!holdsPlacedCluster(row)) return row;
  let out = '';
  let col = 0;
  let i = 0;
  while (i < row.length) {
    // Escapes take zero columns.
    ESCAPE_AT.lastIndex = i;
    const esc = row.charCodeAt(i) === 0x1b ? ESCAPE_AT.exec(row) : null;
    if (esc) {
      out += esc[0];
      i += esc[0].length;
      continue;
    }
    let end = row.indexOf('\x1b', i + 1);
    if (end === -1) end = row.length;
    const graphemes = Array.from(segmenter.segment(row.slice(i, end)), (s) => s.segment);
    for (let g = 0; g < graphemes.length; g++) {
      const cluster = graphemes[g];
      if (cluster === WIDE_PAD) {
        // A mark whose cluster is not right before it (a style change between them): hold its column.
        out += ' ';
        col += 1;
        continue;
      }
      let pads = 0;
      while (graphemes[g + 1 + pads] === WIDE_PAD) pads += 1;
      // Ink's own count for a cell (its output grid), at least 1.
      const width = Math.max(1, inkWidth(cluster));
      if (pads === 0 && !isPlacedCluster(cluster)) {
        out += cluster;
      } else {
        const reserved = width + pads;
        out += ' '.repeat(reserved) + column(col) + cluster + column(col + reserved);
        g += pads;
        col += pads;
      }
      col += width;
    }
    i = end;
  }
  return out;
}

/**
 * The bytes that turn the screen showing `previous` (null: unknown, redraw everything) into
 * `next`, both as lists of rows from the top of the screen; '' when nothing changed. A changed
 * row is written from its first changed column (row-diff.ts), or whole (a row with a placed
 * cluster, or one with nothing in common at its start). A whole row is erased before it is
 * written: erasing after a row that fills the width would eat its last cell.
 */
export function frameUpdate(previous: readonly string[] | null, next: readonly string[]): string {
  let out = '';
  for (let i = 0; i < next.length; i++) {
    const before = previous?.[i];
    if (before === next[i]) continue;
    const change = before === undefined || holdsPlacedCluster(before) || holdsPlacedCluster(next[i]) ? null : rowChange(i, before, next[i]);
    out += change ?? at(i) + ERASE_LINE + placeWideClusters(next[i]);
  }
  if (!previous) out += at(next.length) + ERASE_BELOW;
  else for (let i = next.length; i < previous.length; i++) out += at(i) + ERASE_LINE;
  return out === '' ? '' : SYNC_BEGIN + minimiseSgr(out) + SYNC_END;
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

  /**
   * `fd`, when given, is the terminal's file descriptor behind `out`: a patch worked out ahead is
   * written to it directly (see send).
   */
  constructor(
    private readonly out: tty.WriteStream,
    private readonly fd: number | null = null,
  ) {
    super();
    out.on('resize', () => {
      this.previous = null;
      screenChanged();
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
    screenChanged();
    if (bytes === '') {
      if (callback) process.nextTick(callback);
      return true;
    }
    this.bytesWritten += Buffer.byteLength(bytes);
    return this.out.write(bytes, callback);
  }

  /**
   * Draws `rows` (row index -> row text, as the next whole frame would hold them) over the frame
   * on screen, ahead of that frame: what a key changes in the list reaches the terminal before
   * React and ink have made the rest (fast-frame.ts). When that frame comes, those rows are
   * already the same and are not written again. False, writing nothing, when the screen is not
   * known (nothing drawn yet, or after a resize) or a row is not in it.
   */
  patch(rows: ReadonlyMap<number, string>): boolean {
    const planned = this.planPatch(rows);
    planned?.keep();
    return planned !== null;
  }

  /**
   * What patch(rows) would write, worked out without writing it: `keep(then)` writes it and makes
   * it the screen, as patch does (only while the screen is still the one it was worked out on:
   * fast-frame.ts checks screenVersion first), calling `then` right after the bytes are written,
   * before its own bookkeeping. Null where patch would be false.
   */
  planPatch(rows: ReadonlyMap<number, string>): { bytes: string; keep(then?: () => void): void } | null {
    const previous = this.previous;
    if (!previous) return null;
    for (const y of rows.keys()) if (y >= previous.length) return null;
    const next = previous.slice();
    for (const [y, text] of rows) next[y] = text;
    const bytes = frameUpdate(previous, next);
    // Encoded now: a draw worked out ahead is written as its key is read (draw-ahead.ts), and its
    // bytes then only have to be handed to the terminal.
    const data = Buffer.from(bytes, 'utf8');
    return {
      bytes,
      keep: (then) => {
        this.previous = next;
        if (data.length > 0) this.send(bytes, data);
        then?.();
        this.bytesWritten += data.length;
        screenChanged();
      },
    };
  }

  /**
   * Writes `data` to the terminal: straight to its file descriptor when there is one and nothing
   * of the stream's waits to go out before it, else through the stream. A write through the
   * stream costs a key's answer its machinery before the write (the chunk's state, its callback)
   * and after it (measured in tmux on two loaded cores: ~0.1 ms of JavaScript between the write
   * and the sleep that lets the terminal take the bytes in, terminal-yield.ts, while the kernel's
   * worker that hands them to tmux waited for this thread's core). A write the descriptor does not
   * take whole (a full terminal buffer) leaves the rest to the stream, in order. `data` is `bytes`
   * encoded.
   */
  private send(bytes: string, data: Buffer): void {
    let done = 0;
    if (this.fd !== null && this.out.writableLength === 0 && !this.out.writableCorked) {
      try {
        done = fs.writeSync(this.fd, data);
      } catch {
        // EAGAIN on a descriptor in non-blocking mode, or a terminal gone: the stream decides.
        done = 0;
      }
    }
    if (done === 0) this.out.write(bytes);
    else if (done < data.length) this.out.write(data.subarray(done));
  }

  /** Forget what is on screen: the next frame is drawn whole (after something else drew on it). */
  invalidate(): void {
    this.previous = null;
    screenChanged();
  }
}
