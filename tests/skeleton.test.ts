import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { skeletonBytes, skeletonFrame } from '../src/skeleton.js';

describe('skeletonFrame', () => {
  it.each([
    [80, 24],
    [200, 50],
    [40, 10],
  ])('%dx%d: rows-1 lines, each exactly the width, loading shown', (columns, rows) => {
    const lines = skeletonFrame(columns, rows);
    expect(lines).toHaveLength(rows - 1);
    for (const line of lines.slice(1)) expect(stringWidth(line)).toBe(columns);
    expect(lines.at(-1)).toMatch(/^loading….*\? help$/);
    expect(lines[1]).toContain('Articles');
  });

  it('starts by clearing the screen and leaves the cursor home for ink', () => {
    const bytes = skeletonBytes(80, 24);
    expect(bytes.startsWith('\x1b[2J\x1b[H')).toBe(true);
    expect(bytes.endsWith('\x1b[H')).toBe(true);
  });
});
