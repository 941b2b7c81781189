// Where the key-to-screen bench ends a key (scripts/bench/key-session.mjs `ends`): at the notification
// of the write the answering capture showed, not at that capture's reply (the look itself).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { ends, KEY_END } from '../../scripts/bench/key-session.mjs';

describe('ends', () => {
  it('ends a key at the write its capture showed, and gives the capture reply as the other end', () => {
    expect(KEY_END).toBe('screen');
    expect(ends({ wroteAt: 10.4, at: 10.9 }, 10)).toEqual([10.4, 10.9]);
  });

  it("takes the capture's reply when nothing was written since the key went, or no writes are seen", () => {
    // A write before the key (the screen already held the answer) does not end the key.
    expect(ends({ wroteAt: 9.5, at: 10.9 }, 10)).toEqual([10.9, 10.9]);
    // The spawn driver sees no writes.
    expect(ends({ wroteAt: null, at: 12 }, 10)).toEqual([12, 12]);
  });
});
