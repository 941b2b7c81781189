// A real terminal emulator (xterm.js, headless) for the frame writer's tests: write bytes to it,
// read back every cell, so two byte streams are compared by what they leave on screen.
import { Terminal } from '@xterm/headless';

/** A headless terminal of `cols` x `rows`. */
export function xterm(cols: number, rows: number): Terminal {
  return new Terminal({ cols, rows, allowProposedApi: true });
}

/** Writes `data` to `term`; resolves once it is parsed. */
export function writeTo(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** Every cell of the screen as `row,col:chars|width|fg|bg|flags` (bold, dim, italic, underline, blink, inverse, invisible, strikethrough, overline). */
export function cells(term: Terminal): string[] {
  const out: string[] = [];
  const buffer = term.buffer.active;
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(y);
    for (let x = 0; x < term.cols; x++) {
      const cell = line?.getCell(x);
      if (!cell) continue;
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isBlink(), cell.isInverse(), cell.isInvisible(), cell.isStrikethrough(), cell.isOverline()];
      out.push(`${y},${x}:${cell.getChars()}|${cell.getWidth()}|${cell.getFgColorMode()}:${cell.getFgColor()}|${cell.getBgColorMode()}:${cell.getBgColor()}|${flags.map(Number).join('')}`);
    }
  }
  return out;
}
