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
 * Retries an assertion until it passes or `timeout` ms pass. Search results arrive in a deferred
 * render, so on a loaded machine they can land after a fixed tick.
 */
export async function eventually(assert: () => void, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      assert();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await tick(10);
    }
  }
}
