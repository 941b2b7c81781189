import { describe, expect, it } from 'vitest';
import { ESCAPE_AT, ESCAPES, withoutEscapes } from '../../../src/ui/frame/escape-syntax.js';

describe('escape syntax', () => {
  const row = '\x1b[1;38;5;196mBTC\x1b[0m \x1b]8;;https://x.test/a\x07link\x1b]8;;\x1b\\ \x1bMend';

  it('takes every CSI, OSC (BEL or ST ended) and two-byte escape out of a row, and nothing else', () => {
    expect(withoutEscapes(row)).toBe('BTC link end');
    expect(row.match(ESCAPES)).toEqual(['\x1b[1;38;5;196m', '\x1b[0m', '\x1b]8;;https://x.test/a\x07', '\x1b]8;;\x1b\\', '\x1bM']);
    expect(withoutEscapes('plain text')).toBe('plain text');
  });

  it('finds an escape only exactly where it is asked to look', () => {
    ESCAPE_AT.lastIndex = 0;
    expect(ESCAPE_AT.exec(row)?.[0]).toBe('\x1b[1;38;5;196m');
    ESCAPE_AT.lastIndex = 1;
    expect(ESCAPE_AT.exec(row)).toBeNull();
    ESCAPE_AT.lastIndex = row.indexOf('\x1b]');
    expect(ESCAPE_AT.exec(row)?.[0]).toBe('\x1b]8;;https://x.test/a\x07');
  });

  it('takes an OSC left open as its two-byte introducer only, never the rest of the row', () => {
    expect(withoutEscapes('a\x1b]8;;never ended')).toBe('a8;;never ended');
  });
});
