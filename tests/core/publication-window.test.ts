// When an article is listed (core/publication-window.ts): from its publish date (else its own date,
// unless guessed from the file's time) until its expiry.
import { describe, expect, it } from 'vitest';
import { listedFrom, outsideWindow } from '../../src/core/publication-window.js';

const T = Date.UTC(2026, 0, 1);
const plain = { publishedAt: T, dateGuessed: false, scheduledAt: null, expiresAt: null };

describe('outsideWindow', () => {
  it('lists an article from its date, or from its publish date when it has one', () => {
    expect([outsideWindow(plain, T - 1), outsideWindow(plain, T)]).toEqual(['scheduled', null]);
    const later = { ...plain, scheduledAt: T + 10 };
    expect([listedFrom(later), outsideWindow(later, T + 9), outsideWindow(later, T + 10)]).toEqual([T + 10, 'scheduled', null]);
    const earlier = { ...plain, scheduledAt: T - 10 };
    expect(outsideWindow(earlier, T - 5)).toBeNull();
  });

  it('hides it from its expiry on', () => {
    const expiring = { ...plain, expiresAt: T + 100 };
    expect([outsideWindow(expiring, T + 99), outsideWindow(expiring, T + 100)]).toEqual([null, 'expired']);
  });

  it('never delays an article by a date guessed from the file time, nor an undated one', () => {
    expect(outsideWindow({ ...plain, dateGuessed: true }, T - 1)).toBeNull();
    expect(outsideWindow({ ...plain, publishedAt: null }, 0)).toBeNull();
  });
});
