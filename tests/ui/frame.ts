// Helpers for asserting on rendered frames: strip colour, split rows, measure widths.
import stringWidth from 'string-width';

/** The frame's rows without ANSI styling. */
export function rows(frame: string | undefined): string[] {
  return (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
}

/** The widest row of a frame, in terminal columns. */
export function maxWidth(frame: string | undefined): number {
  return Math.max(0, ...rows(frame).map((r) => stringWidth(r)));
}

/** Lets React commit and Ink write after input. */
export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries an assertion until it passes (tests/helpers/eventually.ts). Search results arrive in a
 * deferred render, so on a loaded machine they can land after a fixed tick.
 */
export { eventually } from '../helpers/eventually.js';

/** One terminal cell of a styled frame: its character and the SGR attributes in force. */
export interface Cell {
  ch: string;
  sgr: string;
}

/**
 * A styled frame as rows of cells, whatever escape sequences produced it: two frames that look
 * the same on a terminal give equal cells (colours, bold, italic, underline, strikethrough,
 * inverse), even when their bytes differ. Trailing unstyled blanks are dropped, as ink does.
 */
export function cells(frame: string | undefined): Cell[][] {
  return (frame ?? '').split('\n').map((line) => {
    const attrs = new Map<string, string>();
    const out: Cell[] = [];
    const re = /\x1b\[([0-9;]*)m|\x1b\][^\x07]*\x07|([\s\S])/gu;
    for (const m of line.matchAll(re)) {
      if (m[2] !== undefined) {
        out.push({ ch: m[2], sgr: [...attrs].sort().map(([k, v]) => `${k}=${v}`).join(',') });
        continue;
      }
      if (m[1] === undefined) continue;
      const codes = m[1] === '' ? [0] : m[1].split(';').map(Number);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c === 0) attrs.clear();
        else if (c === 38) {
          attrs.set('fg', codes.slice(i, codes[i + 1] === 5 ? i + 3 : i + 5).join(':'));
          i += codes[i + 1] === 5 ? 2 : 4;
        } else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) attrs.set('fg', String(c));
        else if (c === 39) attrs.delete('fg');
        else if (c === 1 || c === 2) attrs.set(`w${c}`, '1');
        else if (c === 22) (attrs.delete('w1'), attrs.delete('w2'));
        else if ([3, 4, 7, 9].includes(c)) attrs.set(`a${c}`, '1');
        else if ([23, 24, 27, 29].includes(c)) attrs.delete(`a${c - 20}`);
      }
    }
    while (out.length && out[out.length - 1].ch === ' ' && out[out.length - 1].sgr === '') out.pop();
    return out;
  });
}
