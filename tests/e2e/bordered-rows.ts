// What the tmux end-to-end tests check of a dashboard's frame when every character on screen is
// one column wide: no row was pushed past the terminal's width or left short of it.
import { expect } from 'vitest';

/** Asserts the frame: rows 1..height-3 are `width` columns, each starting and ending with a border. */
export function expectBorderedRows(screen: string, width: number, height: number): void {
  const rows = screen.split('\n');
  for (let r = 1; r <= height - 3; r++) {
    const row = [...(rows[r] ?? '')];
    expect(row.length, `row ${r}: ${rows[r]}`).toBe(width);
    expect('╭│╰', `row ${r}: ${rows[r]}`).toContain(row[0]);
    expect('╮│╯', `row ${r}: ${rows[r]}`).toContain(row[width - 1]);
  }
}
