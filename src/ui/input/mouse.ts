// SGR mouse reports (`ESC[<b;x;yM` press, `...m` release), enabled by the CLI with
// `ESC[?1000h ESC[?1006h`. Ink's input parser hands each report to useInput as one event with the
// leading ESC stripped (`[<0;10;5M`), so App asks parseMouse first and never treats a report as
// typed text.

/** One decoded mouse report. x and y are 0-based cells from the top-left of the screen. */
export interface MouseEvent {
  kind: 'press' | 'release' | 'wheelUp' | 'wheelDown' | 'drag';
  /** 0 left, 1 middle, 2 right (meaningless for wheel events). */
  button: number;
  x: number;
  y: number;
  shift: boolean;
  meta: boolean;
  ctrl: boolean;
}

const REPORT = /\x1b?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])/gy;

/**
 * Decodes a string made only of SGR mouse reports (with or without the ESC) into events.
 * Returns null when the string is not entirely mouse reports, so callers can tell typed text
 * from a report.
 */
export function parseMouse(data: string): MouseEvent[] | null {
  if (data.length === 0) return null;
  REPORT.lastIndex = 0;
  const events: MouseEvent[] = [];
  let end = 0;
  for (let m = REPORT.exec(data); m; m = REPORT.exec(data)) {
    end = REPORT.lastIndex;
    const code = Number(m[1]);
    const x = Number(m[2]) - 1;
    const y = Number(m[3]) - 1;
    if (x < 0 || y < 0) continue;
    const base = {
      button: code & 3,
      x,
      y,
      shift: (code & 4) !== 0,
      meta: (code & 8) !== 0,
      ctrl: (code & 16) !== 0,
    };
    if (code & 64) {
      // Wheel: 64 up, 65 down; 66/67 are horizontal wheels, which nothing here uses.
      if ((code & 3) === 0) events.push({ ...base, kind: 'wheelUp' });
      else if ((code & 3) === 1) events.push({ ...base, kind: 'wheelDown' });
      continue;
    }
    if (code & 32) events.push({ ...base, kind: 'drag' });
    else events.push({ ...base, kind: m[4] === 'M' ? 'press' : 'release' });
  }
  return end === data.length ? events : null;
}
